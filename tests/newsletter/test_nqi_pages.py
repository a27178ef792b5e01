"""The NQI index and issue pages: tree rules, admin validation, archive, feeds, downloads, search."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SiteDocument, format_file_size
from home.models import HomePage, StandardPage
from newsletter.forms import MISSING_PDF
from newsletter.models import NQIIndexPage, NQIIssuePage
from tests.core.factories import SiteDocumentFactory, default_home_page
from tests.core.pdfs import make_pdf, run_background_worker, upload
from tests.newsletter.factories import NQIIndexPageFactory, NQIIssuePageFactory, month_number

ATOM = "{http://www.w3.org/2005/Atom}"


# --- Page tree --------------------------------------------------------------------------------


class TestPageTree(WagtailPageTestCase):
    def test_the_index_lives_under_the_home_page_and_holds_only_issues(self):
        self.assertAllowedParentPageTypes(NQIIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, NQIIndexPage)
        self.assertAllowedSubpageTypes(NQIIndexPage, {NQIIssuePage})
        self.assertAllowedParentPageTypes(NQIIssuePage, {NQIIndexPage})
        self.assertCanNotCreateAt(HomePage, NQIIssuePage)
        self.assertAllowedSubpageTypes(NQIIssuePage, set())

    def test_the_index_is_a_singleton(self):
        home = default_home_page()
        assert NQIIndexPage.can_create_at(home)
        index = NQIIndexPageFactory()
        assert not NQIIndexPage.can_create_at(home), "max_count = 1"
        assert NQIIndexPageFactory() == index
        assert NQIIssuePage.can_create_at(index)

    def test_the_index_and_an_issue_are_routable_and_render(self):
        issue = NQIIssuePageFactory()
        index = issue.get_parent().specific
        for page in (index, issue):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(index, "flux/rss/")
        self.assertPageIsRoutable(index, "flux/atom/")


# --- Admin: creating, publishing and unpublishing an issue --------------------------------------


def issue_form(month="2026-12-01", pdf="", action="action-publish", **extra):
    data = {
        "title": "NQI n° 46 : la réforme des statuts",
        "slug": "nqi-2026-12",
        "issue_number": "46",
        "month": month,
        "summary": "Le numéro de décembre.",
        "articles": streamfield(
            [("article", {"title": "Réforme des statuts", "region": "Gouvernance", "text": "Un résumé."})]
        ),
        "pdf": str(pdf),
        "cover_image": "",
        **extra,
    }
    form = nested_form_data(data)
    form[action] = action
    return form


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("newsletter", "nqiissuepage", index.pk))


class TestIssueAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NQIIndexPageFactory()
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def setUp(self):
        self.client.force_login(self.admin)
        # Per test: publishing renames the PDF's stored file, which a rollback does not undo.
        self.document = SiteDocumentFactory()

    def test_an_editor_publishes_an_issue_with_its_pdf_in_one_form(self):
        response = self.client.post(add_url(self.index), issue_form(pdf=self.document.pk))
        assert response.status_code == 302
        issue = NQIIssuePage.objects.get()
        assert issue.live and issue.pdf == self.document and issue.month == datetime.date(2026, 12, 1)
        assert issue.articles[0].value["title"] == "Réforme des statuts"
        assert "NQI n° 46 : la réforme des statuts" in self.client.get(self.index.url).content.decode()

    def test_the_month_is_stored_as_the_first_day(self):
        self.client.post(add_url(self.index), issue_form(month="2026-12-17", pdf=self.document.pk))
        assert NQIIssuePage.objects.get().month == datetime.date(2026, 12, 1)

    def test_publishing_without_pdf_is_refused_in_french_and_creates_nothing(self):
        response = self.client.post(add_url(self.index), issue_form(pdf=""))
        assert response.status_code == 200
        assert MISSING_PDF in " ".join(response.context["form"].errors["pdf"])
        assert not NQIIssuePage.objects.exists()

    def test_submitting_for_moderation_without_pdf_is_refused(self):
        response = self.client.post(add_url(self.index), issue_form(pdf="", action="action-submit"))
        assert MISSING_PDF in " ".join(response.context["form"].errors["pdf"])
        assert not NQIIssuePage.objects.exists()

    def test_a_draft_may_wait_for_its_pdf(self):
        response = self.client.post(add_url(self.index), issue_form(pdf="", action="action-save-draft"))
        assert response.status_code == 302
        issue = NQIIssuePage.objects.get()
        assert not issue.live and issue.pdf is None

    def test_two_issues_cannot_share_a_month(self):
        existing = NQIIssuePageFactory(
            month=datetime.date(2026, 12, 1), pdf=self.document, title="NQI n° 45 : décembre"
        )
        response = self.client.post(add_url(self.index), issue_form(month="2026-12-09", pdf=self.document.pk))
        assert response.status_code == 200
        message = " ".join(response.context["form"].errors["month"])
        assert "« NQI n° 45 : décembre » paraît déjà en décembre 2026" in message
        assert list(NQIIssuePage.objects.all()) == [existing], "the existing issue is untouched"

    def test_editing_an_issue_keeps_its_own_month(self):
        issue = NQIIssuePageFactory(month=datetime.date(2026, 12, 1), pdf=self.document)
        data = issue_form(pdf=self.document.pk, slug=issue.slug)
        data["summary"] = "Résumé corrigé."
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[issue.pk]), data)
        assert response.status_code == 302
        issue.refresh_from_db()
        assert issue.summary == "Résumé corrigé." and issue.live

    def test_unpublishing_removes_the_issue_from_the_index_and_the_feeds(self):
        kept = NQIIssuePageFactory(month=month_number(1), pdf=self.document, title="Numéro conservé")
        gone = NQIIssuePageFactory(month=month_number(0), pdf=self.document, title="Numéro retiré")
        self.client.logout()
        assert "Numéro retiré" in self.client.get(self.index.url).content.decode()

        self.client.force_login(self.admin)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[gone.pk]), {})
        self.client.logout()

        gone.refresh_from_db()
        assert not gone.live
        index_html = self.client.get(self.index.url).content.decode()
        rss = self.client.get(self.index.url + "flux/rss/").content.decode()
        atom = self.client.get(self.index.url + "flux/atom/").content.decode()
        for text in (index_html, rss, atom):
            assert "Numéro retiré" not in text
            assert kept.title in text
        assert self.client.get(gone.url).status_code == 404

    def test_the_redacteurs_may_write_issues_under_the_index(self):
        redactrice = get_user_model().objects.create_user("redactrice", password="x")
        redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
        permissions = self.index.permissions_for_user(redactrice)
        assert permissions.can_add_subpage() and not permissions.can_publish_subpage()
        self.client.force_login(redactrice)
        response = self.client.post(add_url(self.index), issue_form(pdf=self.document.pk, action="action-save-draft"))
        assert response.status_code == 302
        assert not NQIIssuePage.objects.get().live


# --- Index, archive and feeds ---------------------------------------------------------------------


class TestIndexArchiveAndFeeds(WagtailPageTestCase):
    """Fourteen published issues, November 2026 back to October 2025, and a draft for January 2027."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NQIIndexPageFactory()
        cls.issues = [
            NQIIssuePageFactory(month=month_number(offset), title=f"Numéro {offset:02d}") for offset in range(14)
        ]
        NQIIssuePageFactory(month=datetime.date(2027, 1, 1), title="Brouillon futur", publish=False)
        cls.latest_pdf = SiteDocument.objects.get(pk=cls.issues[0].pdf_id)  # renamed on publish

    def test_index_shows_three_latest_issues_then_the_archive_by_year(self):
        response = self.client.get(self.index.url)
        html = response.content.decode()
        latest = [issue.title for issue in response.context["latest_issues"]]
        assert latest == ["Numéro 00", "Numéro 01", "Numéro 02"]
        archive = response.context["archive"]
        assert [year for year, _ in archive] == [2026, 2025]
        assert [len(issues) for _, issues in archive] == [11, 3]
        assert html.index('id="nqi-year-2026"') < html.index('id="nqi-year-2025"')
        assert "Brouillon futur" not in html
        # Download button: size and pages in French ("3 ko, 3 pages"), with the meaningful file name.
        details = f"{format_file_size(self.latest_pdf.file_size)}, 3\u00a0pages"
        assert "Télécharger le PDF" in html and f"({details})" in html
        assert 'download="nqi-2026-11.pdf"' in html
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert '<link rel="alternate" type="application/atom+xml"' in html

    def test_rss_feed_is_valid_with_absolute_links_rfc822_dates_and_pdf_enclosures(self):
        response = self.client.get(self.index.url + "flux/rss/")
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("language") == "fr"
        assert channel.findtext("link").startswith("http")
        items = channel.findall("item")
        assert [item.findtext("title") for item in items] == [f"Numéro {offset:02d}" for offset in range(14)]
        first = items[0]
        assert first.findtext("link").startswith("http") and first.findtext("link").endswith("/nqi/nqi-2026-11/")
        published = email.utils.parsedate_to_datetime(first.findtext("pubDate"))
        assert published.date() == datetime.date(2026, 11, 1) and published.tzinfo is not None
        enclosure = first.find("enclosure")
        assert enclosure.get("type") == "application/pdf"
        root_url = first.findtext("link").split("/nqi/")[0]
        assert enclosure.get("url") == root_url + self.latest_pdf.url, "the same site address as the page links"
        assert enclosure.get("url").endswith("/nqi-2026-11.pdf")
        assert channel.find(f"{ATOM}link").get("href") == root_url + "/nqi/flux/rss/"
        assert int(enclosure.get("length")) == self.latest_pdf.file_size
        assert first.findtext("description") == "Le résumé du numéro de 11/2026."

    def test_atom_feed_is_valid_with_rfc3339_dates(self):
        response = self.client.get(self.index.url + "flux/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.tag == f"{ATOM}feed"
        assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")).tzinfo is not None
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 14
        entry = entries[0]
        assert entry.findtext(f"{ATOM}title") == "Numéro 00"
        links = {link.get("rel"): link for link in entry.findall(f"{ATOM}link")}
        assert links["alternate"].get("href").startswith("http")
        assert links["enclosure"].get("type") == "application/pdf" and links["enclosure"].get("href").startswith("http")
        assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")).date() == datetime.date(2026, 11, 1)
        assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo is not None


# --- Issue page -----------------------------------------------------------------------------------


class TestIssuePage(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.older = NQIIssuePageFactory(month=month_number(2), title="Plus ancien")
        cls.issue = NQIIssuePageFactory(
            month=month_number(1),
            title="Le numéro",
            articles=[("article", {"title": "Bureaux régionaux", "region": "Afrique", "text": "Dakar et Nairobi."})],
        )
        cls.newer = NQIIssuePageFactory(month=month_number(0), title="Plus récent")
        NQIIssuePageFactory(month=month_number(3), title="Brouillon", publish=False)

    def test_issue_page_shows_articles_cover_download_and_neighbours(self):
        response = self.client.get(self.issue.url)
        html = response.content.decode()
        assert response.context["previous_issue"].pk == self.older.pk
        assert response.context["next_issue"].pk == self.newer.pk
        assert f'href="{self.older.url}" rel="prev"' in html and f'href="{self.newer.url}" rel="next"' in html
        assert "Bureaux régionaux" in html and "Afrique" in html
        assert '<time datetime="2026-10">Octobre 2026</time>' in html
        assert 'alt="Couverture de « Le numéro » : première page du PDF"' in html
        assert 'download="nqi-2026-10.pdf"' in html

    def test_the_oldest_published_issue_has_no_previous_one_and_a_draft_is_never_a_neighbour(self):
        assert self.client.get(self.older.url).context["previous_issue"] is None
        assert self.client.get(self.newer.url).context["next_issue"] is None


# --- Publishing names the PDF after the issue -----------------------------------------------------


@pytest.mark.django_db
def test_publishing_names_the_pdf_after_the_issue_and_serves_it_with_length_and_validators(client):
    document = SiteDocumentFactory()
    assert document.filename.startswith("document")
    NQIIssuePageFactory(month=datetime.date(2026, 11, 1), pdf=document)
    document.refresh_from_db()
    # Publishing the issue renamed the stored file: Wagtail's serve view uses that name.
    assert document.filename == "nqi-2026-11.pdf"
    assert document.url.endswith("/nqi-2026-11.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="nqi-2026-11.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and int(response["Content-Length"]) == len(body) == document.file_size
    assert response["ETag"] == f'"{document.file_hash}"' and response["Last-Modified"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(document.url, headers={"If-None-Match": response["ETag"]}).status_code == 304
    assert client.get(document.url.replace("nqi-2026-11", "document")).status_code == 404


@pytest.mark.django_db
def test_a_draft_leaves_its_pdf_name_alone():
    document = SiteDocumentFactory()
    NQIIssuePageFactory(month=datetime.date(2026, 11, 1), pdf=document, publish=False)
    document.refresh_from_db()
    assert document.filename.startswith("document")


# --- Search ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_word_found_only_in_the_pdf_finds_the_issue_once_the_worker_ran(admin_client):
    admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "NQI décembre",
            "file": upload("dec.pdf", make_pdf(4, "Une mission s'est rendue à Tombouctou")),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    document = SiteDocument.objects.get()
    issue = NQIIssuePageFactory(month=datetime.date(2026, 12, 1), pdf=document, summary="Rien sur la ville.")
    assert "Tombouctou" not in issue.summary
    assert list(NQIIssuePage.objects.live().search("Tombouctou")) == [], "not before the worker ran"

    run_background_worker()

    assert [page.pk for page in NQIIssuePage.objects.live().search("Tombouctou")] == [issue.pk]
