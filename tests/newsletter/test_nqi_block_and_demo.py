"""The « Dernières NQI » block the pages' bodies offer (newsletter.blocks.NQIStreamBlock), and the NQI demo content."""

import datetime
import time

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from commissions.models import CommissionPage
from core.blocks import BaseStreamBlock
from core.models import SiteDocument
from home.models import HomePage, StandardPage
from newsletter.blocks import LatestNQIBlock, NQIStreamBlock
from newsletter.models import NQIIndexPage, NQIIssuePage
from organisation.models import (
    InternationalMembershipPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    OrganisationIndexPage,
)
from tests.conftest import load_demo
from tests.core.factories import SiteDocumentFactory
from tests.home.factories import StandardPageFactory
from tests.newsletter.factories import NQIIndexPageFactory, NQIIssuePageFactory, month_number

PAGES_WITH_THE_BLOCK = [
    HomePage,
    StandardPage,
    OrganisationIndexPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    InternationalMembershipPage,
    CommissionPage,
]


@pytest.mark.parametrize("page_model", PAGES_WITH_THE_BLOCK, ids=lambda model: model.__name__)
def test_the_body_offers_the_latest_issues_block(page_model):
    stream_block = page_model._meta.get_field("body").stream_block
    assert isinstance(stream_block, NQIStreamBlock)
    assert isinstance(stream_block.child_blocks["latest_nqi"], LatestNQIBlock)


def test_core_s_shared_stream_knows_no_nqi_block():
    # Arrows point down: core knows no domain block; newsletter composes it in.
    assert "latest_nqi" not in BaseStreamBlock.base_blocks
    assert not any(isinstance(block, LatestNQIBlock) for block in BaseStreamBlock().child_blocks.values())
    assert set(NQIStreamBlock.base_blocks) == {*BaseStreamBlock.base_blocks, "latest_nqi"}


class TestLatestNQIBlock(TestCase):
    """Five published issues, November 2026 back to July 2026, and a draft for 2027."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NQIIndexPageFactory()
        cls.document = SiteDocumentFactory()
        for offset in range(5):
            NQIIssuePageFactory(month=month_number(offset), pdf=cls.document, title=f"Numéro {offset}")
        NQIIssuePageFactory(month=datetime.date(2027, 5, 1), pdf=cls.document, title="Brouillon futur", publish=False)

    def render(self, heading="Dernières NQI") -> str:
        block = LatestNQIBlock()
        return block.render(block.to_python({"heading": heading}))

    def test_it_renders_the_three_latest_published_issues(self):
        html = self.render()
        titles = [
            title for title in ("Numéro 0", "Numéro 1", "Numéro 2", "Numéro 3", "Brouillon futur") if title in html
        ]
        assert titles == ["Numéro 0", "Numéro 1", "Numéro 2"]
        assert html.index("Numéro 0") < html.index("Numéro 1") < html.index("Numéro 2")
        assert "<h2" in html and "Dernières NQI" in html
        assert f'href="{self.index.url}"' in html
        assert "Télécharger le PDF" in html

    def test_it_renders_inside_a_page_body(self):
        page = StandardPageFactory(body=[("latest_nqi", {"heading": "Nos bulletins"})])
        html = self.client.get(page.url).content.decode()
        assert "Nos bulletins" in html and "Numéro 0" in html and "Numéro 3" not in html

    def test_its_queries_do_not_grow_with_the_issues(self):
        self.render()
        with CaptureQueriesContext(connection) as few:
            self.render()
        for offset in range(5, 30):
            NQIIssuePageFactory(month=month_number(offset), pdf=self.document)
        with CaptureQueriesContext(connection) as many:
            self.render()
        assert len(few) == len(many) <= 6


# --- The demo (its subject is the demo content itself) -------------------------------------------


def issue_state():
    return (
        list(NQIIssuePage.objects.order_by("pk").values_list("pk", "latest_revision_id")),
        list(SiteDocument.objects.order_by("pk").values_list("pk", "file", "cover_id")),
    )


class TestNQIDemo(TestCase):
    @classmethod
    def setUpTestData(cls):
        start = time.perf_counter()
        load_demo()
        cls.elapsed = time.perf_counter() - start

    def test_it_builds_fifteen_issues_with_real_pdfs_and_covers_quickly(self):
        index = NQIIndexPage.objects.get()
        issues = NQIIssuePage.objects.child_of(index).live().order_by("month")
        assert issues.count() >= 12
        assert len({issue.month.year for issue in issues}) >= 2
        for issue in issues:
            document = issue.pdf
            assert document.is_processed and document.page_count >= 3
            assert document.filename == issue.download_filename
            assert document.cover is not None and document.cover.description
            assert f"N° {issue.issue_number}" in document.extracted_text
        # A word printed only inside the PDF finds its issue.
        latest = issues.last()
        assert "Lilongwe" not in latest.summary and "Lilongwe" in latest.pdf.extracted_text
        html = self.client.get(index.url).content.decode()
        assert latest.title.split(" : ")[0] in html
        assert self.elapsed < 60, self.elapsed

    def test_it_is_idempotent_for_nqi(self):
        before = issue_state()
        output = load_demo()
        assert issue_state() == before
        assert "NQI" not in output.split("Comptes")[0]

    def test_the_organisation_page_shows_the_latest_issues(self):
        organisation = OrganisationIndexPage.objects.get()
        assert [block.block_type for block in organisation.body].count("latest_nqi") == 1
        html = self.client.get(organisation.url).content.decode()
        assert "Dernières NQI" in html
        assert NQIIssuePage.objects.live().order_by("-month").first().title in html
