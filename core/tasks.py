"""Background work (django-tasks, "background" backend: the database queue, see TASKS in
website/settings/base.py, run by `manage.py db_worker --backend background`)."""

from django_tasks import task

from .processing import process_document

BACKGROUND = "background"


@task(backend=BACKGROUND)
def process_pdf(document_id: int, file_hash: str) -> dict:
    """Extract the text and page count of a PDF and render its cover; the result is recorded."""
    return process_document(document_id, file_hash)
