"""The "Dernières NQI" block any page can embed, and the NQI demo content."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.blocks import BaseStreamBlock
from core.models import SiteDocument as NQIDocument
from home.models import StandardPage
from newsletter.blocks import LatestNQIBlock
from newsletter.models import NQIIndexPage, NQIIssuePage
from tests.conftest import load_demo
from tests.newsletter.conftest import add_issue, month_number

pytestmark = pytest.mark.django_db


def test_latest_block_renders_the_three_latest_published_issues(nqi_index, nqi_document):
    for offset in range(5):
        add_issue(nqi_index, month_number(offset), pdf=nqi_document, title=f"Numéro {offset}")
    add_issue(nqi_index, month_number(6).replace(year=2027), pdf=nqi_document, title="Brouillon futur", publish=False)
    block = LatestNQIBlock()
    html = block.render(block.to_python({"heading": "Dernières NQI"}))
    titles = [title for title in ("Numéro 0", "Numéro 1", "Numéro 2", "Numéro 3", "Brouillon futur") if title in html]
    assert titles == ["Numéro 0", "Numéro 1", "Numéro 2"]
    assert html.index("Numéro 0") < html.index("Numéro 1") < html.index("Numéro 2")
    assert "<h2" in html and "Dernières NQI" in html
    assert f'href="{nqi_index.url}"' in html
    assert "Télécharger le PDF" in html


def test_latest_block_is_available_to_every_page_body_and_renders_inside_a_page(client, nqi_index, nqi_document):
    assert "latest_nqi" in BaseStreamBlock.base_blocks
    add_issue(nqi_index, month_number(0), pdf=nqi_document, title="Numéro affiché")
    page = StandardPage(title="Une page", slug="une-page", body=[("latest_nqi", {"heading": "Nos bulletins"})])
    nqi_index.get_parent().add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Nos bulletins" in html and "Numéro affiché" in html


def test_latest_block_queries_do_not_grow_with_issues(nqi_index, nqi_document):
    block = LatestNQIBlock()
    value = block.to_python({"heading": "Dernières NQI"})
    for offset in range(4):
        add_issue(nqi_index, month_number(offset), pdf=nqi_document)
    block.render(value)
    with CaptureQueriesContext(connection) as few:
        block.render(value)
    for offset in range(4, 30):
        add_issue(nqi_index, month_number(offset), pdf=nqi_document)
    with CaptureQueriesContext(connection) as many:
        block.render(value)
    assert len(few) == len(many) <= 6


def test_demo_builds_fifteen_issues_with_real_pdfs_and_covers_quickly(client, home_page):
    start = time.perf_counter()
    load_demo()
    elapsed = time.perf_counter() - start
    index = NQIIndexPage.objects.get()
    issues = NQIIssuePage.objects.child_of(index).live().order_by("month")
    assert issues.count() >= 12
    years = {issue.month.year for issue in issues}
    assert len(years) >= 2
    for issue in issues:
        document = issue.pdf
        assert document.is_processed and document.page_count >= 3
        assert document.filename == issue.download_filename
        assert document.cover is not None and document.cover.description
        assert f"N° {issue.issue_number}" in document.extracted_text
    # A word printed only inside the PDF finds its issue.
    latest = issues.last()
    assert "Lilongwe" not in latest.summary and "Lilongwe" in latest.pdf.extracted_text
    html = client.get(index.url).content.decode()
    assert latest.title.split(" : ")[0] in html
    assert elapsed < 60, elapsed


def test_demo_is_idempotent_for_nqi(home_page):
    load_demo()
    before = (
        list(NQIIssuePage.objects.values_list("pk", "latest_revision_id")),
        list(NQIDocument.objects.values_list("pk", "file", "cover_id")),
    )
    output = load_demo()
    after = (
        list(NQIIssuePage.objects.values_list("pk", "latest_revision_id")),
        list(NQIDocument.objects.values_list("pk", "file", "cover_id")),
    )
    assert before == after
    assert "NQI" not in output.split("Comptes")[0]


def test_the_organisation_page_shows_the_latest_issues_when_it_exists(client, home_page):
    load_demo()
    organisation = Page.objects.child_of(home_page).filter(slug="amnesty-international-dans-le-monde").first()
    if organisation is None:
        pytest.fail("the organisation page is part of the demo (issue 4)")
    body = organisation.specific.body
    assert [block.block_type for block in body].count("latest_nqi") == 1
    html = client.get(organisation.url).content.decode()
    assert "Dernières NQI" in html
    latest = NQIIssuePage.objects.live().order_by("-month").first()
    assert latest.title in html
