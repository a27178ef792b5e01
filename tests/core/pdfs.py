"""Real PDFs for the document tests, generated with fpdf2 (and pypdf for the encrypted one)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile


def make_pdf(
    pages: int = 2, words: str = "Nouvelles des Questions Internationales", *, lines_per_page: int = 1
) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 18)
        pdf.cell(0, 12, f"Page {number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for line in range(lines_per_page):
            pdf.multi_cell(0, 6, f"{words} ({number}.{line})", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def run_background_worker() -> int:
    """What `manage.py db_worker --backend background --batch` does: claim and run every queued background task.

    It drives django-tasks-db's own Worker.run_task; only the command's loop is left out, because
    it closes the database connection between tasks, which would end the test's transaction.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    count = 0
    while (task_result := DBTaskResult.objects.ready().filter(backend_name="background").get_locked()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        count += 1
    return count
