"""The NQI index and issue pages: tree rules, admin validation, archive, feeds, downloads, search."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import format_file_size
from home.models import HomePage, StandardPage
from newsletter.forms import MISSING_PDF
from newsletter.models import NQIIndexPage, NQIIssuePage
from tests.core.pdfs import make_pdf, run_background_worker, upload
from tests.newsletter.conftest import add_issue, make_document, month_number

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


# --- Page tree --------------------------------------------------------------------------------


def test_index_is_a_singleton_under_the_home_page_and_issues_live_only_under_it(home_page):
    assert NQIIndexPage.can_create_at(home_page)
    assert not NQIIssuePage.can_create_at(home_page)
    assert NQIIndexPage in HomePage.allowed_subpage_models()
    assert NQIIndexPage not in StandardPage.allowed_subpage_models()
    index = NQIIndexPage(title="NQI", slug="nqi")
    home_page.add_child(instance=index)
    assert not NQIIndexPage.can_create_at(home_page), "max_count = 1"
    assert NQIIssuePage.can_create_at(index)
    assert NQIIndexPage.allowed_subpage_models() == [NQIIssuePage]
    assert NQIIssuePage.allowed_parent_page_models() == [NQIIndexPage]
    assert NQIIssuePage.allowed_subpage_models() == []


# --- Admin: creating and publishing an issue ------------------------------------------------------


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


def test_an_editor_publishes_an_issue_with_its_pdf_in_one_form(admin_client, nqi_index, nqi_document):
    response = admin_client.post(add_url(nqi_index), issue_form(pdf=nqi_document.pk))
    assert response.status_code == 302
    issue = NQIIssuePage.objects.get()
    assert issue.live and issue.pdf == nqi_document and issue.month == datetime.date(2026, 12, 1)
    assert issue.articles[0].value["title"] == "Réforme des statuts"
    page = admin_client.get(nqi_index.url).content.decode()
    assert "NQI n° 46 : la réforme des statuts" in page


def test_the_month_is_stored_as_the_first_day(admin_client, nqi_index, nqi_document):
    admin_client.post(add_url(nqi_index), issue_form(month="2026-12-17", pdf=nqi_document.pk))
    assert NQIIssuePage.objects.get().month == datetime.date(2026, 12, 1)


def test_publishing_without_pdf_is_refused_in_french_and_creates_nothing(admin_client, nqi_index):
    response = admin_client.post(add_url(nqi_index), issue_form(pdf=""))
    assert response.status_code == 200
    assert MISSING_PDF in " ".join(response.context["form"].errors["pdf"])
    assert not NQIIssuePage.objects.exists()


def test_submitting_for_moderation_without_pdf_is_refused(admin_client, nqi_index):
    response = admin_client.post(add_url(nqi_index), issue_form(pdf="", action="action-submit"))
    assert MISSING_PDF in " ".join(response.context["form"].errors["pdf"])
    assert not NQIIssuePage.objects.exists()


def test_a_draft_may_wait_for_its_pdf(admin_client, nqi_index):
    response = admin_client.post(add_url(nqi_index), issue_form(pdf="", action="action-save-draft"))
    assert response.status_code == 302
    issue = NQIIssuePage.objects.get()
    assert not issue.live and issue.pdf is None


def test_two_issues_cannot_share_a_month(admin_client, nqi_index, nqi_document):
    existing = add_issue(nqi_index, datetime.date(2026, 12, 1), pdf=nqi_document, title="NQI n° 45 : décembre")
    response = admin_client.post(add_url(nqi_index), issue_form(month="2026-12-09", pdf=nqi_document.pk))
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["month"])
    assert "« NQI n° 45 : décembre » paraît déjà en décembre 2026" in message
    assert list(NQIIssuePage.objects.all()) == [existing], "the existing issue is untouched"


def test_editing_an_issue_keeps_its_own_month(admin_client, nqi_index, nqi_document):
    issue = add_issue(nqi_index, datetime.date(2026, 12, 1), pdf=nqi_document)
    data = issue_form(pdf=nqi_document.pk, slug=issue.slug)
    data["summary"] = "Résumé corrigé."
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[issue.pk]), data)
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.summary == "Résumé corrigé." and issue.live


def test_unpublishing_removes_the_issue_from_the_index_and_the_feeds(client, admin_client, nqi_index, nqi_document):
    kept = add_issue(nqi_index, month_number(1), pdf=nqi_document, title="Numéro conservé")
    gone = add_issue(nqi_index, month_number(0), pdf=nqi_document, title="Numéro retiré")
    assert "Numéro retiré" in client.get(nqi_index.url).content.decode()

    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[gone.pk]), {})

    gone.refresh_from_db()
    assert not gone.live
    index_html = client.get(nqi_index.url).content.decode()
    rss = client.get(nqi_index.url + "flux/rss/").content.decode()
    atom = client.get(nqi_index.url + "flux/atom/").content.decode()
    for text in (index_html, rss, atom):
        assert "Numéro retiré" not in text
        assert kept.title in text
    assert client.get(gone.url).status_code == 404


# --- Index, issue page ------------------------------------------------------------------------------


def test_index_shows_three_latest_issues_then_the_archive_by_year(client, nqi_index, nqi_document):
    for offset in range(14):
        add_issue(nqi_index, month_number(offset), pdf=nqi_document, title=f"Numéro {offset:02d}")
    response = client.get(nqi_index.url)
    html = response.content.decode()
    latest = [issue.title for issue in response.context["latest_issues"]]
    assert latest == ["Numéro 00", "Numéro 01", "Numéro 02"]
    archive = response.context["archive"]
    assert [year for year, _ in archive] == [2026, 2025]
    assert [len(issues) for _, issues in archive] == [11, 3]
    assert html.index('id="nqi-year-2026"') < html.index('id="nqi-year-2025"')
    # Download button: size and pages in French ("3 ko, 3 pages"), with the meaningful file name.
    details = f"{format_file_size(nqi_document.file_size)}, 3\u00a0pages"
    assert "Télécharger le PDF" in html and f"({details})" in html
    assert 'download="nqi-2026-11.pdf"' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_french_file_sizes():
    assert format_file_size(1_258_291) == "1,2\u00a0Mo"
    assert format_file_size(2 * 1024 * 1024) == "2\u00a0Mo"
    assert format_file_size(870 * 1024) == "870\u00a0ko"


def test_issue_page_shows_articles_cover_download_and_neighbours(client, nqi_index, nqi_document):
    older = add_issue(nqi_index, month_number(2), pdf=nqi_document, title="Plus ancien")
    issue = add_issue(
        nqi_index,
        month_number(1),
        pdf=nqi_document,
        title="Le numéro",
        articles=[("article", {"title": "Bureaux régionaux", "region": "Afrique", "text": "Dakar et Nairobi."})],
    )
    newer = add_issue(nqi_index, month_number(0), pdf=nqi_document, title="Plus récent")
    add_issue(nqi_index, month_number(3), pdf=nqi_document, title="Brouillon", publish=False)
    response = client.get(issue.url)
    html = response.content.decode()
    assert response.context["previous_issue"].pk == older.pk
    assert response.context["next_issue"].pk == newer.pk
    assert f'href="{older.url}" rel="prev"' in html and f'href="{newer.url}" rel="next"' in html
    assert "Bureaux régionaux" in html and "Afrique" in html
    assert '<time datetime="2026-10">Octobre 2026</time>' in html
    cover = nqi_document.cover
    assert f'alt="{cover.description}"'.replace("«", "«") in html
    # The oldest published issue has no previous one; a draft never shows as a neighbour.
    assert client.get(older.url).context["previous_issue"] is None


# --- Feeds ----------------------------------------------------------------------------------------


def test_rss_feed_is_valid_with_absolute_links_rfc822_dates_and_pdf_enclosures(client, nqi_index, nqi_document):
    for offset in range(3):
        add_issue(nqi_index, month_number(offset), pdf=nqi_document, title=f"Numéro {offset}")
    response = client.get(nqi_index.url + "flux/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link").startswith("http")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Numéro 0", "Numéro 1", "Numéro 2"]
    first = items[0]
    assert first.findtext("link").startswith("http") and first.findtext("link").endswith("/nqi/nqi-2026-11/")
    published = email.utils.parsedate_to_datetime(first.findtext("pubDate"))
    assert published.date() == datetime.date(2026, 11, 1) and published.tzinfo is not None
    enclosure = first.find("enclosure")
    assert enclosure.get("type") == "application/pdf"
    nqi_document.refresh_from_db()  # publishing renamed its file
    root_url = first.findtext("link").split("/nqi/")[0]
    assert enclosure.get("url") == root_url + nqi_document.url, "the same site address as the page links"
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == root_url + "/nqi/flux/rss/"
    assert int(enclosure.get("length")) == nqi_document.file_size
    assert first.findtext("description") == "Le résumé du numéro de 11/2026."


def test_atom_feed_is_valid_with_rfc3339_dates(client, nqi_index, nqi_document):
    add_issue(nqi_index, month_number(0), pdf=nqi_document, title="Numéro de novembre")
    response = client.get(nqi_index.url + "flux/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")).tzinfo is not None
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Numéro de novembre"
    links = {link.get("rel"): link for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"].get("href").startswith("http")
    assert links["enclosure"].get("type") == "application/pdf" and links["enclosure"].get("href").startswith("http")
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")).date() == datetime.date(2026, 11, 1)
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo is not None


# --- Downloads ------------------------------------------------------------------------------------


def test_download_is_a_pdf_named_after_the_issue_with_length_and_validators(client, nqi_index, nqi_document):
    assert nqi_document.filename.startswith("numero")
    add_issue(nqi_index, datetime.date(2026, 11, 1), pdf=nqi_document)
    nqi_document.refresh_from_db()
    # Publishing the issue renamed the stored file: Wagtail's serve view uses that name.
    assert nqi_document.filename == "nqi-2026-11.pdf"
    assert nqi_document.url.endswith("/nqi-2026-11.pdf")
    response = client.get(nqi_document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="nqi-2026-11.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and int(response["Content-Length"]) == len(body) == nqi_document.file_size
    assert response["ETag"] == f'"{nqi_document.file_hash}"' and response["Last-Modified"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(nqi_document.url, headers={"If-None-Match": response["ETag"]}).status_code == 304
    assert client.get(nqi_document.url.replace("nqi-2026-11", "numero")).status_code == 404


def test_private_collection_documents_are_never_served_to_the_public(client, admin_client, db):
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = make_document("Interne", "Strictement interne")
    document.collection = private
    document.save()

    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert "Content-Disposition" not in response

    allowed = admin_client.get(document.url)
    assert allowed.status_code == 200 and allowed["Content-Type"] == "application/pdf"
    assert b"".join(allowed.streaming_content).startswith(b"%PDF-")


# --- Search ---------------------------------------------------------------------------------------


def test_a_word_found_only_in_the_pdf_finds_the_issue(admin_client, nqi_index):
    admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "NQI décembre",
            "file": upload("dec.pdf", make_pdf(4, "Une mission s'est rendue à Tombouctou")),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    from core.models import SiteDocument as NQIDocument

    document = NQIDocument.objects.get()
    issue = add_issue(nqi_index, datetime.date(2026, 12, 1), pdf=document, summary="Rien sur la ville.")
    assert "Tombouctou" not in issue.summary
    assert list(NQIIssuePage.objects.live().search("Tombouctou")) == [], "not before the worker ran"

    run_background_worker()

    assert [page.pk for page in NQIIssuePage.objects.live().search("Tombouctou")] == [issue.pk]
    assert [doc.pk for doc in NQIDocument.objects.search("Tombouctou")] == [document.pk]


def test_editor_groups_can_create_issue_pages_under_the_index(nqi_index):
    from wagtail.permission_policies.pages import PagePermissionPolicy

    group = Group.objects.get(name="Rédacteurs")
    assert group.page_permissions.filter(permission__codename="add_page").exists()
    assert PagePermissionPolicy  # page permissions are inherited from the root page
