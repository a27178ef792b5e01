"""The organisation pages: tree rules, what a visitor reads, what an editor changes in the admin."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from core.demo import DemoContext
from core.models import NavigationSettings
from home.models import HomePage, StandardPage
from organisation import demo as demo_organisation
from organisation.models import (
    GoverningBody,
    InternationalMembershipPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    OrganisationIndexPage,
    Person,
    RegionalOffice,
    Role,
)
from tests.core.factories import default_home_page

ORG_URL = "/amnesty-international-dans-le-monde/"
SECRETARIAT_URL = ORG_URL + "secretariat-international/"
SECTIONS_URL = ORG_URL + "sections-nationales/"
MEMBERS_URL = ORG_URL + "membres-internationaux/"
PAGE_URLS = [ORG_URL, SECRETARIAT_URL, SECTIONS_URL, MEMBERS_URL]

# Budgets per page (anonymous visitor, warm caches), measured with the whole site chrome (menu, urgent
# banner, donation box): about 12 queries are the chrome and page routing. Raise them only with a reason.
BUDGETS = {ORG_URL: 22, SECRETARIAT_URL: 16, SECTIONS_URL: 17, MEMBERS_URL: 16}


def load_organisation() -> DemoContext:
    home = default_home_page()
    ctx = DemoContext(site=Site.objects.get(is_default_site=True), home=home, stdout=OutputWrapper(io.StringIO()))
    demo_organisation.load(ctx)
    return ctx


@pytest.fixture
def organisation(db):
    load_organisation()
    return OrganisationIndexPage.objects.get()


def soup_for(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def texts(nodes) -> list[str]:
    return [" ".join(node.get_text(" ", strip=True).split()) for node in nodes]


# --- Page tree ------------------------------------------------------------------------------------


class OrganisationTreeTests(WagtailPageTestCase):
    def test_organisation_page_is_a_single_child_of_the_home_page(self):
        self.assertAllowedParentPageTypes(OrganisationIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, OrganisationIndexPage)
        self.assertEqual(OrganisationIndexPage.max_count, 1)
        load_organisation()
        self.assertFalse(OrganisationIndexPage.can_create_at(HomePage.objects.get()))

    def test_structure_pages_live_only_under_the_organisation_page(self):
        self.assertAllowedSubpageTypes(
            OrganisationIndexPage, {InternationalSecretariatPage, NationalSectionsPage, InternationalMembershipPage}
        )
        for model in (InternationalSecretariatPage, NationalSectionsPage, InternationalMembershipPage):
            self.assertAllowedParentPageTypes(model, {OrganisationIndexPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(StandardPage, model)
            self.assertEqual(model.max_count, 1)

    def test_every_organisation_page_is_routable_renderable_and_previewable(self):
        load_organisation()
        for model in (
            OrganisationIndexPage,
            InternationalSecretariatPage,
            NationalSectionsPage,
            InternationalMembershipPage,
        ):
            page = model.objects.get()
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        org = OrganisationIndexPage.objects.get()
        self.assertPageIsPreviewable(
            org,
            post_data={
                "title": "Le mouvement dans le monde",
                "slug": org.slug,
                "intro": "Aperçu",
                "offices_intro": rich_text("<p>Nos bureaux.</p>"),
                "closed_offices_text": "Fermés.",
                "body-count": "0",
            },
        )

    def test_every_page_type_declares_search_fields_beyond_the_title(self):
        for model in (
            OrganisationIndexPage,
            InternationalSecretariatPage,
            NationalSectionsPage,
            InternationalMembershipPage,
        ):
            names = {field.field_name for field in model.search_fields}
            assert {"title", "intro", "body"} <= names, model


# --- What a visitor reads -------------------------------------------------------------------------


def test_visitor_reaches_every_organisation_page_from_the_home_navigation(client, organisation):
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert [block.value["page"].pk for block in navigation.main_menu] == [organisation.pk]

    home = soup_for(client, "/")
    menu_links = home.select("nav.main-nav a")
    assert ("Dans le monde", ORG_URL) in [(a.get_text(strip=True), a["href"]) for a in menu_links]

    org = soup_for(client, ORG_URL)
    cards = org.select("nav.page-cards .card__title a")
    assert [(a.get_text(strip=True), a["href"]) for a in cards] == [
        ("Secrétariat international", SECRETARIAT_URL),
        ("Les sections nationales", SECTIONS_URL),
        ("Les membres internationaux", MEMBERS_URL),
        ("Les bureaux régionaux", "#bureaux-regionaux"),
    ]
    for url in (SECRETARIAT_URL, SECTIONS_URL, MEMBERS_URL):
        assert soup_for(client, url).select_one(f"nav.breadcrumbs a[href='{ORG_URL}']") is not None


def test_org_chart_is_nested_lists_built_from_the_records(client, organisation):
    soup = soup_for(client, ORG_URL)
    chart = soup.select_one("section.org-chart")
    assert chart.find("img") is None
    tree = chart.select_one("ol.org-chart__tree")
    assert tree["aria-label"] == "Organigramme d'Amnesty International"

    assembly = tree.find("li", recursive=False)
    assert assembly.h3.get_text(strip=True) == "Assemblée mondiale"
    board = assembly.find("ol", recursive=False).find("li", recursive=False)
    assert board.h4.get_text(strip=True) == "Bureau exécutif international (BEI)"
    secretariat = board.find("ol", recursive=False).find("li", recursive=False)
    assert secretariat.h5.get_text(strip=True) == "Secrétariat international"
    parts = secretariat.find("ul", recursive=False)
    assert parts["aria-label"] == "Au sein du Secrétariat international"
    assert texts(parts.find_all("li", recursive=False)[0].find_all(["h6", "p"])) == [
        "Secrétaire générale",
        "Agnès Callamard",
    ]
    offices = texts(parts.select("ul.org-chart__offices > li"))
    assert offices == [
        "Dakar (Afrique)",
        "Nairobi (Afrique)",
        "Bangkok (Asie-Pacifique)",
        "Mexico (Amérique latine)",
        "Beyrouth (Moyen-Orient)",
    ]
    sections = secretariat.find("ol", recursive=False).find("li", recursive=False)
    assert texts(sections.find_all(["h6", "p"])) == ["Les sections nationales", "Présentes dans plus de 70 pays"]

    # Rename a record: the chart follows, nothing else to edit.
    GoverningBody.objects.filter(acronym="BEI").update(name="Conseil international")
    soup = soup_for(client, ORG_URL)
    assert "Conseil international (BEI)" in texts(soup.select(".org-chart h4"))


def test_regional_offices_are_grouped_by_region_and_closed_ones_set_apart(client, organisation):
    soup = soup_for(client, ORG_URL)
    offices = soup.select_one("#bureaux-regionaux")
    regions = offices.select(".offices__region")
    assert [(r.h3.get_text(strip=True), texts(r.select(".office__city"))) for r in regions] == [
        ("Afrique", ["Dakar", "Nairobi"]),
        ("Asie-Pacifique", ["Bangkok"]),
        ("Amérique latine", ["Mexico"]),
        ("Moyen-Orient", ["Beyrouth"]),
    ]
    closed = offices.select_one(".offices__closed")
    assert closed.h3.get_text(strip=True) == "Bureaux contraints de fermer"
    assert "contraints de fermer" in closed.p.get_text()
    assert texts(closed.select(".office__city")) == ["Hong Kong", "Moscou"]
    assert "contraint de fermer en 2022" in closed.get_text()


def test_secretariat_page_shows_missions_bodies_report_and_current_secretary_general(client, organisation):
    soup = soup_for(client, SECRETARIAT_URL)
    assert "Londres" in soup.select_one(".key-fact").get_text()
    missions = texts(soup.select(".titled-items__title"))
    assert missions == [
        "Représentant le mouvement",
        "Coordonnant le travail mondial sur les droits humains",
        "Élaborant la stratégie, les politiques et les normes mondiales",
        "Soutenant la gouvernance et la santé du mouvement",
    ]
    bodies = [(a.get_text(strip=True), a["href"]) for a in soup.select(".governance h3 a")]
    assert bodies == [
        ("Assemblée mondiale", ORG_URL + "#instance-assemblee-mondiale"),
        ("Bureau exécutif international (BEI)", ORG_URL + "#instance-bei"),
    ]
    report = soup.select_one(".annual-report a")
    assert report["href"].startswith("https://www.amnesty.org/") and "rapport annuel" in report.get_text()

    profile = soup.select_one("section.person-profile")
    assert profile.h2.get_text(strip=True) == "Secrétaire générale"
    assert profile.select_one(".person__name").get_text(strip=True) == "Agnès Callamard"
    assert "depuis avril 2021" in profile.select_one(".person__role").get_text()
    assert profile.select_one(".person__appointed a")["href"] == ORG_URL + "#instance-bei"
    assert "ARTICLE 19" in profile.get_text() and "Pierre Sané" in profile.get_text()
    photo = profile.select_one(".person__photo img")
    assert photo["alt"] == Person.objects.get(name="Agnès Callamard").photo.description

    # A new Secretary General: one edit on the role, every page follows.
    successor = Person.objects.create(name="Nouvelle Titulaire", role="Secrétaire générale d'Amnesty International")
    Role.objects.filter(code=Role.SECRETARY_GENERAL).update(holder=successor)
    soup = soup_for(client, SECRETARIAT_URL)
    assert soup.select_one(".person-profile .person__name").get_text(strip=True) == "Nouvelle Titulaire"
    chart = soup_for(client, ORG_URL).select_one(".org-chart__parts")
    assert "Nouvelle Titulaire" in chart.get_text() and "Callamard" not in chart.get_text()


def test_sections_and_members_pages_show_their_structured_content(client, organisation):
    sections = soup_for(client, SECTIONS_URL)
    assert "plus de 70 pays" in sections.select_one(".key-fact").get_text()
    activities = texts(sections.select(".titled-items__title"))
    assert activities[0] == "Plaidoyer" and activities[-1] == "Recherches nationales"
    assert "accord du BEI" in sections.select(".titled-items__item")[-1].get_text()
    links = [a["href"] for a in sections.select("nav.related-structures a")]
    assert SECRETARIAT_URL in links and ORG_URL + "#instance-bei" in links

    members = soup_for(client, MEMBERS_URL)
    assert members.select_one(".key-fact a")["href"] == SECRETARIAT_URL
    assert texts(members.select(".titled-items__title")) == [
        "Dans un groupe local",
        "Dans une antenne jeune",
        "Dans un cercle d'action",
        "À titre individuel",
    ]


def test_organisation_page_renders_its_body_blocks(client, organisation):
    soup = soup_for(client, ORG_URL)
    assert "Agir avec le mouvement" in texts(soup.select("article h2"))


def test_organisation_css_is_loaded_and_no_inline_style_or_script(client, organisation):
    for url in PAGE_URLS:
        html = client.get(url).content.decode()
        assert "css/organisation.css" in html, url
        assert 'style="' not in html, url
        assert "<script>" not in html, url


# --- Editors in the admin -------------------------------------------------------------------------


@pytest.fixture
def redactrice(db):
    user = get_user_model().objects.create_user("redactrice", "redactrice@example.org", "mot-de-passe-de-test")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    return user


def office_form(office: RegionalOffice, **changes) -> dict:
    data = {
        "city": office.city,
        "region": office.region,
        "opened_year": office.opened_year,
        "status": office.status,
        "closed_year": office.closed_year or "",
        "text": office.text,
    }
    data.update(changes)
    return data


def test_editor_closes_an_office_in_the_admin_and_the_public_list_moves_it(client, organisation, redactrice):
    client.force_login(redactrice)
    dakar = RegionalOffice.objects.get(city="Dakar")
    url = reverse("wagtailsnippets_home_regionaloffice:edit", args=[dakar.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, office_form(dakar, status="closed", closed_year=2025))
    assert response.status_code == 302, response.content.decode()[:2000]

    client.logout()
    soup = soup_for(client, ORG_URL)
    assert texts(soup.select(".offices__closed .office__city")) == ["Hong Kong", "Moscou", "Dakar"]
    open_cities = texts(soup.select(".offices__region .office__city"))
    assert "Dakar" not in open_cities and "Nairobi" in open_cities
    assert "Dakar" not in soup.select_one(".org-chart__offices").get_text()


def test_admin_shows_french_errors_for_a_closed_office_without_a_valid_year(client, organisation, redactrice):
    client.force_login(redactrice)
    nairobi = RegionalOffice.objects.get(city="Nairobi")
    url = reverse("wagtailsnippets_home_regionaloffice:edit", args=[nairobi.pk])

    response = client.post(url, office_form(nairobi, status="closed"))
    assert response.status_code == 200
    assert "Un bureau fermé doit avoir une année de fermeture." in response.content.decode()

    response = client.post(url, office_form(nairobi, status="closed", closed_year=2001))
    assert response.status_code == 200
    assert "Un bureau ne peut pas fermer (2001) avant d&#x27;avoir ouvert (2013)." in response.content.decode()

    response = client.post(url, office_form(nairobi, opened_year="mille neuf cent"))
    assert response.status_code == 200
    nairobi.refresh_from_db()
    assert nairobi.status == "open" and nairobi.closed_year is None


def test_editors_keep_every_organisation_record(client, organisation, redactrice):
    client.force_login(redactrice)
    for model in ("person", "role", "governingbody", "regionaloffice"):
        for action in ("add", "change", "delete"):
            assert redactrice.has_perm(f"home.{action}_{model}"), (action, model)
        listing = client.get(reverse(f"wagtailsnippets_home_{model}:list"))
        assert listing.status_code == 200, model
    moderators = Group.objects.get(name="Modérateurs")
    assert moderators.permissions.filter(codename="change_regionaloffice").exists()


def test_office_listing_filters_by_region_and_status(client, organisation, redactrice):
    client.force_login(redactrice)
    url = reverse("wagtailsnippets_home_regionaloffice:list")
    closed = client.get(url, {"status": "closed"}).content.decode()
    assert "Hong Kong" in closed and "Moscou" in closed and "Dakar" not in closed
    africa = client.get(url, {"region": "afrique"}).content.decode()
    assert "Dakar" in africa and "Nairobi" in africa and "Bangkok" not in africa


def test_snippets_are_previewable(organisation):
    for model, instance, expected in [
        ("person", Person.objects.get(name="Agnès Callamard"), "ARTICLE 19"),
        ("regionaloffice", RegionalOffice.objects.get(city="Moscou"), "contraint de fermer en 2022"),
        ("governingbody", GoverningBody.objects.get(acronym="BEI"), "Rend compte à : Assemblée mondiale"),
        ("role", Role.objects.get(), "Agnès Callamard"),
    ]:
        response = instance.make_preview_request()
        assert response.status_code == 200, model
        assert expected in response.content.decode(), model


# --- Demo content and query budgets ---------------------------------------------------------------


def records_snapshot() -> dict:
    return {
        "bodies": list(GoverningBody.objects.values_list("name", "acronym", "parent__name", "role")),
        "people": list(Person.objects.values_list("name", "role", "photo__title", "start_date", "biography")),
        "roles": list(Role.objects.values_list("code", "title", "holder__name", "appointed_by__acronym")),
        "offices": list(
            RegionalOffice.objects.values_list("city", "region", "opened_year", "status", "closed_year", "text")
        ),
        "pages": list(Page.objects.order_by("path").values_list("path", "slug", "title", "live")),
        "secretariat_bodies": list(InternationalSecretariatPage.objects.values_list("supervised_by__name")),
        "menu": list(NavigationSettings.for_site(Site.objects.get(is_default_site=True)).main_menu.raw_data),
    }


def test_demo_is_idempotent_and_matches_the_seed(db):
    ctx = load_organisation()
    first = records_snapshot()
    assert len(first["offices"]) == 7
    assert {office[1] for office in first["offices"]} == {
        "afrique",
        "asie-pacifique",
        "europe-centrale-orientale",
        "amerique-latine",
        "moyen-orient",
    }
    assert sorted(o[0] for o in first["offices"] if o[3] == "closed") == ["Hong Kong", "Moscou"]
    assert all(o[2] >= 1994 for o in first["offices"])
    for instance in [*RegionalOffice.objects.all(), *GoverningBody.objects.all(), *Person.objects.all()]:
        instance.full_clean()
    assert first["roles"] == [("secretaire-general", "Secrétaire générale", "Agnès Callamard", "BEI")]

    second = DemoContext(site=ctx.site, home=ctx.home, stdout=OutputWrapper(io.StringIO()))
    demo_organisation.load(second)
    assert second.created == []
    assert records_snapshot() == first


def count_queries(client, url) -> int:
    client.get(url)  # warm Wagtail's site-root-paths cache, as a running server has it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def set_offices_and_people(count: int) -> None:
    RegionalOffice.objects.all().delete()
    regions = ["afrique", "asie-pacifique", "europe-centrale-orientale", "amerique-latine", "moyen-orient"]
    RegionalOffice.objects.bulk_create(
        RegionalOffice(
            city=f"Ville {index}",
            region=regions[index % 5],
            opened_year=1994 + index % 30,
            status="closed" if index % 4 == 0 else "open",
            closed_year=2024 if index % 4 == 0 else None,
            text="Un bureau de test.",
        )
        for index in range(count)
    )
    Person.objects.exclude(name="Agnès Callamard").delete()
    Person.objects.bulk_create(
        Person(name=f"Personne {index}", role="Chargée de mission") for index in range(count - 1)
    )


def test_organisation_pages_render_in_constant_queries_with_5_or_50_offices_and_people(client, organisation):
    measured = {}
    for count in (5, 50):
        set_offices_and_people(count)
        assert RegionalOffice.objects.count() == count and Person.objects.count() == count
        measured[count] = {url: count_queries(client, url) for url in PAGE_URLS}
    assert measured[5] == measured[50], measured
    for url, queries in measured[50].items():
        assert queries <= BUDGETS[url], (url, queries)
    assert len(soup_for(client, ORG_URL).select("#bureaux-regionaux .office")) == 50


def test_admin_forms_for_every_organisation_type_open_in_french(client, organisation, django_user_model):
    admin = django_user_model.objects.create_superuser("admin-test", "admin@example.org", "mot-de-passe-de-test")
    client.force_login(admin)
    for model in ("person", "role", "governingbody", "regionaloffice"):
        response = client.get(reverse(f"wagtailsnippets_home_{model}:add"))
        assert response.status_code == 200, model
    office_form_html = client.get(reverse("wagtailsnippets_home_regionaloffice:add")).content.decode()
    for label in (
        "Ville",
        "Région",
        "Année d&#x27;ouverture",
        "Statut",
        "Année de fermeture",
        "Europe centrale et orientale",
    ):
        assert label in office_form_html, label
    for page in Page.objects.type(
        OrganisationIndexPage, InternationalSecretariatPage, NationalSectionsPage, InternationalMembershipPage
    ):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.title
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Organisation" in menu and "/admin/snippets/organisation/regionaloffice/" in menu
