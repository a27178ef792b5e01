"""Background work (django-tasks, "background" backend: the database queue, see TASKS in
website/settings/base.py, run by `manage.py db_worker --backend background`)."""

from django_tasks import task

from .processing import process_document

BACKGROUND = "background"


@task(backend=BACKGROUND)
def process_pdf(document_id: int, file_hash: str) -> dict:
    """Extract the text and page count of a PDF and render its cover; the result is recorded."""
    return process_document(document_id, file_hash)


def schedule_processing(document):
    """Queue the text and cover extraction of `document`; with an immediate backend it has run on return."""
    result = process_pdf.enqueue(document.pk, document.file_hash)
    type(document).objects.filter(pk=document.pk).update(task_result_id=str(result.id))
    document.refresh_from_db(
        fields=["page_count", "extracted_text", "extraction_status", "extraction_error", "processed_at", "cover"]
    )
    document.task_result_id = str(result.id)
    return result
