"""The organisation pages: tree rules, what a visitor reads, what an editor changes in the admin.

The tests build their own organisation with the factories (`build_organisation`); only the tests of
the organisation demo step (at the end) load the demo.
"""

import datetime
import io

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper
from django.test import TestCase
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
    Region,
    RegionalOffice,
    Role,
)
from tests.core.factories import default_home_page
from tests.organisation.factories import (
    GoverningBodyFactory,
    InternationalMembershipPageFactory,
    InternationalSecretariatPageFactory,
    NationalSectionsPageFactory,
    OrganisationIndexPageFactory,
    PersonFactory,
    RegionalOfficeFactory,
    RoleFactory,
    titled_items,
)
from tests.query_budget import assert_budget_holds

ORG_URL = "/amnesty-international-dans-le-monde/"
SECRETARIAT_URL = ORG_URL + "secretariat-international/"
SECTIONS_URL = ORG_URL + "sections-nationales/"
MEMBERS_URL = ORG_URL + "membres-internationaux/"
PAGE_URLS = [ORG_URL, SECRETARIAT_URL, SECTIONS_URL, MEMBERS_URL]
PAGE_MODELS = (OrganisationIndexPage, InternationalSecretariatPage, NationalSectionsPage, InternationalMembershipPage)

# Budgets per page (anonymous visitor, warm caches), measured on the demo with the whole site chrome
# (menu, urgent banner, donation box): about 12 queries are the chrome and page routing. Raise them
# only with a reason. `build_organisation` (no menu, no banner) costs 19, 14, 15 and 14.
BUDGETS = {ORG_URL: 22, SECRETARIAT_URL: 16, SECTIONS_URL: 17, MEMBERS_URL: 16}

MISSIONS = ["Représenter le mouvement", "Coordonner la recherche", "Fixer les normes communes"]
ACTIVITIES = [
    "Plaidoyer",
    "Campagnes",
    ("Recherches nationales", "Enquêter dans leur propre pays, avec l'accord du BEI."),
]
WAYS_TO_ACT = ["Dans un groupe local", "Dans une antenne jeune", "À titre individuel"]
REPORT_URL = "https://www.amnesty.org/fr/rapport-annuel/"
# (city, region, opened year, closed year or None)
OFFICES = [
    ("Dakar", Region.AFRICA, 2014, None),
    ("Nairobi", Region.AFRICA, 2013, None),
    ("Bangkok", Region.ASIA_PACIFIC, 2016, None),
    ("Beyrouth", Region.MIDDLE_EAST, 2013, None),
    ("Moscou", Region.CENTRAL_EASTERN_EUROPE, 2003, 2022),
    ("Hong Kong", Region.ASIA_PACIFIC, 2013, 2021),
]


def build_organisation(target) -> None:
    """An organisation with every kind of content, set as attributes of `target` (a test class)."""
    target.assembly = GoverningBodyFactory(name="Assemblée mondiale")
    target.board = GoverningBodyFactory(name="Bureau exécutif international", acronym="BEI", parent=target.assembly)
    target.holder = PersonFactory(
        name="Camille Durand",
        role="Secrétaire générale du mouvement",
        with_photo=True,
        start_date=datetime.date(2021, 4, 1),
        biography="<p>Ancienne directrice de Liberté Presse, elle a travaillé avec Jean Moreau.</p>",
    )
    target.role = RoleFactory(holder=target.holder, appointed_by=target.board)
    target.offices = {
        city: RegionalOfficeFactory(
            city=city,
            region=region,
            opened_year=opened,
            status=RegionalOffice.Status.CLOSED if closed else RegionalOffice.Status.OPEN,
            closed_year=closed,
            text=f"Fermé après une fermeture forcée en {closed}." if closed == 2021 else "Un bureau régional.",
        )
        for city, region, opened, closed in OFFICES
    }
    target.organisation = OrganisationIndexPageFactory(
        body=[
            {"type": "heading", "value": {"text": "Rejoindre le mouvement", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Chaque structure contribue à la même mission.</p>"},
        ]
    )
    target.secretariat = InternationalSecretariatPageFactory(
        intro="C'est ici que se préparent les campagnes mondiales.",
        supervised_by=[target.assembly, target.board],
        missions=titled_items("mission", *MISSIONS),
        annual_report=[
            {"type": "link", "value": {"label": "Lire le rapport annuel", "page": None, "external_url": REPORT_URL}}
        ],
    )
    target.sections = NationalSectionsPageFactory(country_count=42, activities=titled_items("activity", *ACTIVITIES))
    target.members = InternationalMembershipPageFactory(ways_to_act=titled_items("way", *WAYS_TO_ACT))


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
        OrganisationIndexPageFactory()
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

    def test_every_page_type_declares_search_fields_beyond_the_title(self):
        for model in PAGE_MODELS:
            names = {field.field_name for field in model.search_fields}
            assert {"title", "intro", "body"} <= names, model

    def test_page_factories_build_the_tree_and_reuse_the_singletons(self):
        secretariat = InternationalSecretariatPageFactory()
        organisation = OrganisationIndexPage.objects.get()
        self.assertEqual(secretariat.get_parent().pk, organisation.pk)
        self.assertEqual(organisation.get_parent().pk, default_home_page().pk)
        self.assertEqual(NationalSectionsPageFactory().get_parent().pk, organisation.pk)
        self.assertEqual(InternationalSecretariatPageFactory().pk, secretariat.pk)
        self.assertEqual(OrganisationIndexPage.objects.count(), 1)


class OrganisationPagesRenderTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_organisation(cls)

    def test_every_organisation_page_is_routable_and_renderable(self):
        for page in (self.organisation, self.secretariat, self.sections, self.members):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_organisation_page_is_previewable(self):
        self.assertPageIsPreviewable(
            self.organisation,
            post_data={
                "title": "Le mouvement dans le monde",
                "slug": self.organisation.slug,
                "intro": "Aperçu",
                "offices_intro": rich_text("<p>Nos bureaux.</p>"),
                "closed_offices_text": "Fermés.",
                "body-count": "0",
            },
        )


# --- What a visitor reads -------------------------------------------------------------------------


class OrganisationVisitorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_organisation(cls)

    def test_organisation_page_leads_to_each_structure_and_back(self):
        org = soup_for(self.client, ORG_URL)
        cards = org.select("nav.page-cards .card__title a")
        assert [(a.get_text(strip=True), a["href"]) for a in cards] == [
            ("Secrétariat international", SECRETARIAT_URL),
            ("Les sections nationales", SECTIONS_URL),
            ("Les membres internationaux", MEMBERS_URL),
            ("Les bureaux régionaux", "#bureaux-regionaux"),
        ]
        assert "4 bureaux ouverts" in org.select("nav.page-cards .card")[-1].get_text()
        for url in (SECRETARIAT_URL, SECTIONS_URL, MEMBERS_URL):
            assert soup_for(self.client, url).select_one(f"nav.breadcrumbs a[href='{ORG_URL}']") is not None

    def test_org_chart_is_nested_lists_built_from_the_records(self):
        soup = soup_for(self.client, ORG_URL)
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
            "Camille Durand",
        ]
        offices = texts(parts.select("ul.org-chart__offices > li"))
        assert offices == [
            "Dakar (Afrique)",
            "Nairobi (Afrique)",
            "Bangkok (Asie-Pacifique)",
            "Beyrouth (Moyen-Orient)",
        ]
        sections = secretariat.find("ol", recursive=False).find("li", recursive=False)
        assert texts(sections.find_all(["h6", "p"])) == ["Les sections nationales", "Présentes dans plus de 42 pays"]

        # Rename a record: the chart follows, nothing else to edit.
        GoverningBody.objects.filter(acronym="BEI").update(name="Conseil international")
        soup = soup_for(self.client, ORG_URL)
        assert "Conseil international (BEI)" in texts(soup.select(".org-chart h4"))

    def test_governing_bodies_have_an_anchor_and_say_whom_they_answer_to(self):
        soup = soup_for(self.client, ORG_URL)
        board = soup.select_one("section.governing-body#instance-bei")
        assert board.h3.get_text(strip=True) == "Bureau exécutif international (BEI)"
        parent = board.select_one(".governing-body__parent a")
        assert (parent.get_text(strip=True), parent["href"]) == ("Assemblée mondiale", "#instance-assemblee-mondiale")

    def test_regional_offices_are_grouped_by_region_and_closed_ones_set_apart(self):
        soup = soup_for(self.client, ORG_URL)
        offices = soup.select_one("#bureaux-regionaux")
        assert "Les bureaux régionaux du Secrétariat." in offices.get_text()
        regions = offices.select(".offices__region")
        assert [(r.h3.get_text(strip=True), texts(r.select(".office__city"))) for r in regions] == [
            ("Afrique", ["Dakar", "Nairobi"]),
            ("Asie-Pacifique", ["Bangkok"]),
            ("Moyen-Orient", ["Beyrouth"]),
        ]
        closed = offices.select_one(".offices__closed")
        assert closed.h3.get_text(strip=True) == "Bureaux contraints de fermer"
        assert closed.p.get_text() == self.organisation.closed_offices_text
        assert texts(closed.select(".office__city")) == ["Hong Kong", "Moscou"]
        assert "contraint de fermer en 2022" in closed.get_text()

    def test_secretariat_page_shows_missions_bodies_report_and_current_secretary_general(self):
        soup = soup_for(self.client, SECRETARIAT_URL)
        assert "Londres" in soup.select_one(".key-fact").get_text()
        assert texts(soup.select(".titled-items__title")) == MISSIONS
        bodies = [(a.get_text(strip=True), a["href"]) for a in soup.select(".governance h3 a")]
        assert bodies == [
            ("Assemblée mondiale", ORG_URL + "#instance-assemblee-mondiale"),
            ("Bureau exécutif international (BEI)", ORG_URL + "#instance-bei"),
        ]
        report = soup.select_one(".annual-report a")
        assert (report["href"], report.get_text(strip=True)) == (REPORT_URL, "Lire le rapport annuel")

        profile = soup.select_one("section.person-profile")
        assert profile.h2.get_text(strip=True) == "Secrétaire générale"
        assert profile.select_one(".person__name").get_text(strip=True) == "Camille Durand"
        assert "depuis avril 2021" in profile.select_one(".person__role").get_text()
        assert profile.select_one(".person__appointed a")["href"] == ORG_URL + "#instance-bei"
        assert "Liberté Presse" in profile.get_text() and "Jean Moreau" in profile.get_text()
        photo = profile.select_one(".person__photo img")
        assert photo["alt"] == self.holder.photo.description

        # A new Secretary General: one edit on the role, every page follows.
        successor = PersonFactory(name="Nouvelle Titulaire")
        Role.objects.filter(code=Role.SECRETARY_GENERAL).update(holder=successor)
        soup = soup_for(self.client, SECRETARIAT_URL)
        assert soup.select_one(".person-profile .person__name").get_text(strip=True) == "Nouvelle Titulaire"
        chart = soup_for(self.client, ORG_URL).select_one(".org-chart__parts")
        assert "Nouvelle Titulaire" in chart.get_text() and "Durand" not in chart.get_text()

    def test_sections_and_members_pages_show_their_structured_content(self):
        sections = soup_for(self.client, SECTIONS_URL)
        assert "plus de 42 pays" in sections.select_one(".key-fact").get_text()
        assert texts(sections.select(".titled-items__title")) == ["Plaidoyer", "Campagnes", "Recherches nationales"]
        assert "accord du BEI" in sections.select(".titled-items__item")[-1].get_text()
        links = [a["href"] for a in sections.select("nav.related-structures a")]
        assert SECRETARIAT_URL in links and ORG_URL + "#instance-bei" in links

        members = soup_for(self.client, MEMBERS_URL)
        assert members.select_one(".key-fact a")["href"] == SECRETARIAT_URL
        assert texts(members.select(".titled-items__title")) == WAYS_TO_ACT

    def test_organisation_page_renders_its_body_blocks(self):
        soup = soup_for(self.client, ORG_URL)
        assert "Rejoindre le mouvement" in texts(soup.select("article h2"))
        assert "Chaque structure contribue à la même mission." in soup.select_one("article").get_text()

    def test_organisation_css_is_loaded_and_no_inline_style_or_script(self):
        for url in PAGE_URLS:
            html = self.client.get(url).content.decode()
            assert "css/organisation.css" in html, url
            assert 'style="' not in html, url
            assert "<script>" not in html, url


class OrganisationChartFallbackTests(TestCase):
    """A secretariat that no recorded body supervises still shows, at the top of the chart."""

    @classmethod
    def setUpTestData(cls):
        GoverningBodyFactory(name="Assemblée mondiale")
        InternationalSecretariatPageFactory()

    def test_an_unsupervised_secretariat_sits_at_the_top_of_the_chart(self):
        tree = soup_for(self.client, ORG_URL).select_one("ol.org-chart__tree")
        top = tree.find_all("li", recursive=False)
        assert [item.find(["h3", "h4"]).get_text(strip=True) for item in top] == [
            "Assemblée mondiale",
            "Secrétariat international",
        ]
        assert "Aucun bureau ouvert." in tree.get_text()


# --- Editors in the admin -------------------------------------------------------------------------


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


class OrganisationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_organisation(cls)
        cls.redactrice = get_user_model().objects.create_user(
            "redactrice", "redactrice@example.org", "mot-de-passe-de-test"
        )
        cls.redactrice.groups.add(Group.objects.get(name="Rédacteurs"))

    def setUp(self):
        self.client.force_login(self.redactrice)

    def test_editor_closes_an_office_in_the_admin_and_the_public_list_moves_it(self):
        dakar = self.offices["Dakar"]
        url = reverse("wagtailsnippets_organisation_regionaloffice:edit", args=[dakar.pk])
        assert url == f"/admin/snippets/organisation/regionaloffice/edit/{dakar.pk}/"
        assert self.client.get(url).status_code == 200

        response = self.client.post(url, office_form(dakar, status="closed", closed_year=2025))
        assert response.status_code == 302, response.content.decode()[:2000]

        self.client.logout()
        soup = soup_for(self.client, ORG_URL)
        assert texts(soup.select(".offices__closed .office__city")) == ["Hong Kong", "Moscou", "Dakar"]
        open_cities = texts(soup.select(".offices__region .office__city"))
        assert "Dakar" not in open_cities and "Nairobi" in open_cities
        assert "Dakar" not in soup.select_one(".org-chart__offices").get_text()

    def test_admin_shows_french_errors_for_a_closed_office_without_a_valid_year(self):
        nairobi = self.offices["Nairobi"]
        url = reverse("wagtailsnippets_organisation_regionaloffice:edit", args=[nairobi.pk])

        response = self.client.post(url, office_form(nairobi, status="closed"))
        assert response.status_code == 200
        assert "Un bureau fermé doit avoir une année de fermeture." in response.content.decode()

        response = self.client.post(url, office_form(nairobi, status="closed", closed_year=2001))
        assert response.status_code == 200
        assert "Un bureau ne peut pas fermer (2001) avant d&#x27;avoir ouvert (2013)." in response.content.decode()

        response = self.client.post(url, office_form(nairobi, opened_year="mille neuf cent"))
        assert response.status_code == 200
        nairobi.refresh_from_db()
        assert nairobi.status == "open" and nairobi.closed_year is None

    def test_editors_keep_every_organisation_record(self):
        for model in ("person", "role", "governingbody", "regionaloffice"):
            for action in ("add", "change", "delete"):
                assert self.redactrice.has_perm(f"organisation.{action}_{model}"), (action, model)
            listing = self.client.get(reverse(f"wagtailsnippets_organisation_{model}:list"))
            assert listing.status_code == 200, model
        moderators = Group.objects.get(name="Modérateurs")
        assert moderators.permissions.filter(
            content_type__app_label="organisation", codename="change_regionaloffice"
        ).exists()

    def test_office_listing_filters_by_region_and_status(self):
        url = reverse("wagtailsnippets_organisation_regionaloffice:list")
        assert url == "/admin/snippets/organisation/regionaloffice/"
        closed = self.client.get(url, {"status": "closed"}).content.decode()
        assert "Hong Kong" in closed and "Moscou" in closed and "Dakar" not in closed
        africa = self.client.get(url, {"region": "afrique"}).content.decode()
        assert "Dakar" in africa and "Nairobi" in africa and "Bangkok" not in africa

    def test_snippets_are_previewable(self):
        for model, instance, expected in [
            ("person", self.holder, "Liberté Presse"),
            ("regionaloffice", self.offices["Moscou"], "contraint de fermer en 2022"),
            ("governingbody", self.board, "Rend compte à : Assemblée mondiale"),
            ("role", self.role, "Camille Durand"),
        ]:
            response = instance.make_preview_request()
            assert response.status_code == 200, model
            html = response.content.decode()
            assert expected in html, model
            assert "css/organisation.css" in html, model

    def test_admin_forms_for_every_organisation_type_open_in_french(self):
        admin = get_user_model().objects.create_superuser("admin-test", "admin@example.org", "mot-de-passe-de-test")
        self.client.force_login(admin)
        for model in ("person", "role", "governingbody", "regionaloffice"):
            response = self.client.get(reverse(f"wagtailsnippets_organisation_{model}:add"))
            assert response.status_code == 200, model
        office_form_html = self.client.get(reverse("wagtailsnippets_organisation_regionaloffice:add")).content.decode()
        for label in (
            "Ville",
            "Région",
            "Année d&#x27;ouverture",
            "Statut",
            "Année de fermeture",
            "Europe centrale et orientale",
        ):
            assert label in office_form_html, label
        for page in (self.organisation, self.secretariat, self.sections, self.members):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, page.title
        menu = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Organisation" in menu and "/admin/snippets/organisation/regionaloffice/" in menu


# --- Query budgets --------------------------------------------------------------------------------


def grow_records(count: int) -> None:
    """`count` more offices (a quarter closed), people and governing bodies under the assembly."""
    regions = Region.values
    assembly = GoverningBody.objects.get(name="Assemblée mondiale")
    for index in range(count):
        RegionalOfficeFactory(region=regions[index % len(regions)], closed=index % 4 == 0)
        PersonFactory()
    GoverningBodyFactory.create_batch(3, parent=assembly)


class OrganisationQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_organisation(cls)

    def test_organisation_pages_cost_the_same_with_many_more_offices_people_and_bodies(self):
        for url in PAGE_URLS:
            assert_budget_holds(self.client, url, BUDGETS[url], lambda: grow_records(20))
        offices = soup_for(self.client, ORG_URL).select("#bureaux-regionaux .office")
        assert len(offices) == RegionalOffice.objects.count() == len(OFFICES) + 4 * 20


# --- The organisation demo step -------------------------------------------------------------------


def load_organisation() -> DemoContext:
    """The organisation demo step on a bare home page (the home demo step not run)."""
    home = default_home_page()
    ctx = DemoContext(site=Site.objects.get(is_default_site=True), home=home, stdout=OutputWrapper(io.StringIO()))
    demo_organisation.load(ctx)
    return ctx


def records_snapshot() -> dict:
    return {
        "bodies": list(GoverningBody.objects.values_list("name", "acronym", "parent__name", "role")),
        "people": list(Person.objects.values_list("name", "role", "photo__title", "start_date", "biography")),
        "roles": list(Role.objects.values_list("code", "title", "holder__name", "appointed_by__acronym")),
        "offices": list(
            RegionalOffice.objects.values_list("city", "region", "opened_year", "status", "closed_year", "text")
        ),
        "pages": list(Page.objects.order_by("path").values_list("path", "slug", "title", "live")),
        "secretariat_bodies": sorted(InternationalSecretariatPage.objects.values_list("supervised_by__name")),
        "menu": list(NavigationSettings.for_site(Site.objects.get(is_default_site=True)).main_menu.raw_data),
    }


class OrganisationDemoTests(TestCase):
    def test_demo_builds_the_pages_records_and_menu_link_and_is_idempotent(self):
        ctx = load_organisation()
        first = records_snapshot()
        for model in PAGE_MODELS:
            page = model.objects.get()
            assert page.live, model
        for url in PAGE_URLS:
            assert self.client.get(url).status_code == 200, url
        assert len(first["offices"]) == 7
        assert {office[1] for office in first["offices"]} == set(Region.values)
        assert sorted(o[0] for o in first["offices"] if o[3] == "closed") == ["Hong Kong", "Moscou"]
        assert all(o[2] >= 1994 for o in first["offices"])
        for instance in [*RegionalOffice.objects.all(), *GoverningBody.objects.all(), *Person.objects.all()]:
            instance.full_clean()
        assert first["roles"] == [("secretaire-general", "Secrétaire générale", "Agnès Callamard", "BEI")]
        assert first["secretariat_bodies"] == [("Assemblée mondiale",), ("Bureau exécutif international",)]

        organisation = OrganisationIndexPage.objects.get()
        navigation = NavigationSettings.for_site(ctx.site)
        assert [block.value["page"].pk for block in navigation.main_menu] == [organisation.pk]
        menu_links = soup_for(self.client, "/").select("nav.main-nav a")
        assert ("Dans le monde", ORG_URL) in [(a.get_text(strip=True), a["href"]) for a in menu_links]

        second = DemoContext(site=ctx.site, home=ctx.home, stdout=OutputWrapper(io.StringIO()))
        demo_organisation.load(second)
        assert second.created == []
        assert records_snapshot() == first
