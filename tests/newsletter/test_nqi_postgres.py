"""NQI on the real PostgreSQL: an issue found by the words of its PDF, and an issue whose PDF failed."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from core.models import ExtractionStatus, SiteDocument
from newsletter.models import NQIIssuePage
from tests.core.pdfs import make_pdf, run_background_worker
from tests.newsletter.factories import NQIIssuePageFactory


@pytest.fixture(autouse=True)
def require_postgres(db):
    assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"


def queued_document(title, data) -> SiteDocument:
    """A document saved with a new file, hence queued on the "background" backend, as an upload is."""
    document = SiteDocument(title=title)
    document.file = ContentFile(data, name="numero.pdf")
    document.save()
    return document


def test_an_issue_is_found_by_full_text_search_of_a_word_only_its_pdf_contains():
    document = queued_document("NQI décembre", make_pdf(6, "Les observateurs se sont rendus à Tombouctou et à Gao"))
    issue = NQIIssuePageFactory(month=datetime.date(2026, 12, 1), pdf=document, summary="Un résumé sans la ville.")
    assert list(NQIIssuePage.objects.live().search("Tombouctou")) == [], "not before the worker ran"

    assert run_background_worker() == 1

    assert [page.pk for page in NQIIssuePage.objects.live().search("Tombouctou")] == [issue.pk]
    assert [page.pk for page in NQIIssuePage.objects.live().search("Gao")] == [issue.pk]


def test_an_issue_whose_pdf_extraction_failed_still_offers_its_download(client):
    document = queued_document("Abîmé après coup", make_pdf(2))
    # The stored file is damaged after the upload check (e.g. a storage problem).
    with document.file.storage.open(document.file.name, "wb") as handle:
        handle.write(b"%PDF-1.7\nplus rien de lisible")
    issue = NQIIssuePageFactory(month=datetime.date(2026, 12, 1), pdf=document)

    run_background_worker()

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    response = client.get(issue.url)
    assert response.status_code == 200 and "Télécharger le PDF" in response.content.decode()
