"""NQI fixtures: an index under a bare home page, and issues with a real, processed PDF."""

import datetime

import pytest
from django.core.files.base import ContentFile

from core.models import SiteDocument as NQIDocument
from core.processing import process_document
from newsletter.models import NQIIndexPage, NQIIssuePage
from tests.core.pdfs import make_pdf


@pytest.fixture
def nqi_index(home_page):
    index = NQIIndexPage(
        title="Nouvelles des Questions Internationales", slug="nqi", introduction="<p>Chaque mois.</p>"
    )
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_document(title="NQI test", words="Texte du numéro", pages=3, *, name="numero.pdf") -> NQIDocument:
    document = NQIDocument(title=title)
    document.file = ContentFile(make_pdf(pages, words), name=name)
    document.skip_processing_task = True
    document.save()
    process_document(document.pk, document.file_hash)
    document.refresh_from_db()
    return document


@pytest.fixture
def nqi_document(db):
    return make_document()


def month_number(offset: int) -> datetime.date:
    """The first of the month `offset` months before November 2026."""
    index = 2026 * 12 + 10 - offset
    return datetime.date(index // 12, index % 12 + 1, 1)


def add_issue(index, month: datetime.date, *, pdf=None, number=None, publish=True, **fields) -> NQIIssuePage:
    issue = NQIIssuePage(
        title=fields.pop("title", f"NQI de {month:%m/%Y}"),
        slug=f"nqi-{month:%Y-%m}",
        issue_number=number or month.year * 12 + month.month - 24000,
        month=month,
        summary=fields.pop("summary", f"Le résumé du numéro de {month:%m/%Y}."),
        pdf=pdf,
        live=publish,
        **fields,
    )
    index.add_child(instance=issue)
    revision = issue.save_revision()
    if publish:
        revision.publish()
    return issue
