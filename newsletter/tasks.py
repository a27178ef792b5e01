"""Background work on NQI PDFs (django-tasks, "nqi" backend: see TASKS in website/settings/base.py)."""

from django_tasks import task

from .processing import process_document


@task(backend="nqi")
def process_nqi_document(document_id: int, file_hash: str) -> dict:
    """Extract the text and page count of a PDF and render its cover; the result is recorded."""
    return process_document(document_id, file_hash)
