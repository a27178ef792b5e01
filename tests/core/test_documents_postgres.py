"""Documents on the real PostgreSQL: the database task queue ("background" backend) and full-text search."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from core.models import ExtractionStatus, SiteDocument
from tests.core.pdfs import make_pdf, run_background_worker, upload


@pytest.fixture(autouse=True)
def require_postgres(db):
    assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"


def test_an_uploaded_pdf_is_queued_processed_by_the_worker_and_found_by_full_text_search(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport de mission",
            "file": upload("mission.pdf", make_pdf(6, "Les observateurs se sont rendus à Tombouctou et à Gao")),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.PENDING
    queued = DBTaskResult.objects.get(id=document.task_result_id)
    assert queued.backend_name == "background" and queued.status == "READY"
    assert list(SiteDocument.objects.search("Tombouctou")) == [], "not before the worker ran"

    assert run_background_worker() == 1

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE and document.page_count == 6
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value["pages"] == 6
    assert [doc.pk for doc in SiteDocument.objects.search("Tombouctou")] == [document.pk]


def test_a_failed_extraction_is_recorded_on_the_document_and_its_task(db):
    document = SiteDocument(title="Abîmé après coup")
    document.file = ContentFile(make_pdf(2), name="abime.pdf")
    document.save()  # queued
    # The stored file is damaged after the upload check (e.g. a storage problem).
    with document.file.storage.open(document.file.name, "wb") as handle:
        handle.write(b"%PDF-1.7\nplus rien de lisible")

    run_background_worker()

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED and document.extraction_error
    assert DBTaskResult.objects.get(id=document.task_result_id).status == "FAILED"
