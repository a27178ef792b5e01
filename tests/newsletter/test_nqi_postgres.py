"""NQI on the real PostgreSQL: the database task queue and full-text search of the PDF's text."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import Collection

from core.models import ExtractionStatus
from core.models import SiteDocument as NQIDocument
from newsletter.models import NQIIssuePage
from tests.core.pdfs import make_pdf, run_background_worker, upload
from tests.newsletter.conftest import add_issue, nqi_index  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def require_postgres(db):
    assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"


def test_uploaded_pdf_is_queued_processed_by_the_worker_and_found_by_full_text_search(admin_client, nqi_index):  # noqa: F811
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "NQI décembre",
            "file": upload("dec.pdf", make_pdf(6, "Les observateurs se sont rendus à Tombouctou et à Gao")),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    document = NQIDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.PENDING

    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.get(id=document.task_result_id)
    assert queued.backend_name == "background" and queued.status == "READY"

    issue = add_issue(nqi_index, datetime.date(2026, 12, 1), pdf=document, summary="Un résumé sans la ville.")
    assert run_background_worker() == 1

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE and document.page_count == 6
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value["pages"] == 6
    assert [page.pk for page in NQIIssuePage.objects.live().search("Tombouctou")] == [issue.pk]


def test_a_failed_extraction_is_recorded_and_the_page_still_works(client, nqi_index):  # noqa: F811
    from django.core.files.base import ContentFile

    document = NQIDocument(title="Abîmé après coup")
    document.file = ContentFile(make_pdf(2), name="abime.pdf")
    document.save()  # queued
    # The stored file is damaged after the upload check (e.g. a storage problem).
    with document.file.storage.open(document.file.name, "wb") as handle:
        handle.write(b"%PDF-1.7\nplus rien de lisible")
    issue = add_issue(nqi_index, datetime.date(2026, 12, 1), pdf=document)

    run_background_worker()

    from django_tasks_db.models import DBTaskResult

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED and document.extraction_error
    assert DBTaskResult.objects.get(id=document.task_result_id).status == "FAILED"
    response = client.get(issue.url)
    assert response.status_code == 200 and "Télécharger le PDF" in response.content.decode()
