"""Commission index, commission pages and their FAQ: tree rules, rendering, query budgets, demo."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Revision
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from commissions.models import (
    CommissionIndexPage,
    CommissionKind,
    CommissionPage,
    DossierRegisterPage,
    InterventionDossier,
)
from commissions.models import Testimonial as Temoignage
from core.models import NavigationSettings
from home.models import HomePage, StandardPage
from tests.commissions.support import (
    add_dossiers,
    add_testimonials,
    commission,
    load_commissions,
    register,
    stream_of_testimonials,
)
from tests.core.factories import default_home_page

# Anonymous visitor, warm caches. Raise only with a reason.
BUDGETS = {"index": 15, "commission": 19, "register": 18, "dossier": 17}


def count_queries(client, url) -> int:
    client.get(url)  # warm Wagtail's site-root-paths cache, as a running server has it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


class CommissionTreeRulesTests(WagtailPageTestCase):
    def test_index_lives_under_the_home_page_only_and_once(self):
        self.assertAllowedParentPageTypes(CommissionIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, CommissionIndexPage)
        self.assertCanNotCreateAt(StandardPage, CommissionIndexPage)
        self.assertEqual(CommissionIndexPage.max_count, 1)

    def test_commissions_live_under_the_index_and_registers_under_commissions_or_index(self):
        self.assertAllowedParentPageTypes(CommissionPage, {CommissionIndexPage})
        self.assertAllowedSubpageTypes(CommissionIndexPage, {CommissionPage, DossierRegisterPage})
        self.assertAllowedParentPageTypes(DossierRegisterPage, {CommissionPage, CommissionIndexPage})
        self.assertAllowedSubpageTypes(DossierRegisterPage, set())
        self.assertCanNotCreateAt(HomePage, CommissionPage)

    def test_editor_creates_a_commission_with_a_faq_through_the_admin(self):
        home = default_home_page()
        index = home.add_child(instance=CommissionIndexPage(title="Commissions et régions mondiales", slug="c"))
        self.login()
        self.assertCanCreate(
            index,
            CommissionPage,
            nested_form_data(
                {
                    "title": "Commission Enfants",
                    "slug": "enfants",
                    "kind": "commission",
                    "summary": "Les droits de l'enfant.",
                    "body": streamfield(
                        [
                            (
                                "faq",
                                {
                                    "heading": "Questions",
                                    "items": streamfield(
                                        [
                                            (
                                                "item",
                                                {
                                                    "question": "Qui peut rejoindre ?",
                                                    "answer": rich_text("<p>Tous.</p>"),
                                                },
                                            )
                                        ]
                                    ),
                                },
                            )
                        ]
                    ),
                    "meeting_rhythm": "Tous les mois",
                    "publications": "",
                    "contact_email": "enfants@example.org",
                    "volunteer_cta": streamfield([]),
                    "committee_name": "",
                    "committee_description": rich_text(""),
                }
            ),
        )
        page = CommissionPage.objects.get(slug="enfants")
        assert page.body[0].value["items"][0]["question"] == "Qui peut rejoindre ?"

    def test_every_commission_page_type_is_routable_and_renderable(self):
        home = default_home_page()
        load_commissions(home)
        for page in [CommissionIndexPage.objects.get(), commission(), register()]:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(register(), "dossier/1/")


@pytest.fixture
def section(home_page):
    load_commissions(home_page)
    return home_page


def test_index_groups_commissions_and_regions_with_their_summary(client, section):
    index = CommissionIndexPage.objects.get()
    hidden = index.add_child(
        instance=CommissionPage(title="Brouillon d'équipe", slug="brouillon", summary="Pas encore prête.", live=False)
    )
    html = client.get(index.url).content.decode()
    commissions_section = html.split('id="groupe-commission"')[1].split("</section>")[0]
    regions_section = html.split('id="groupe-region"')[1].split("</section>")[0]
    assert (
        "Commissions thématiques" in commissions_section
        and "Commission Protégeons les personnes" in commissions_section
    )
    assert "Régions mondiales" in regions_section and "Équipe Europe et Asie centrale" in regions_section
    assert "Équipe Europe et Asie centrale" not in commissions_section
    assert "préside aussi le Comité Fonds d&#x27;aide" in commissions_section
    assert hidden.title.replace("'", "&#x27;") not in html


def test_commission_page_shows_faq_as_headings_contact_fund_and_register(client, section):
    html = client.get(commission().url).content.decode()
    faq = html.split('class="faq"')[1].split("</section>")[0]
    assert re.search(r"<h2 [^>]*>Les dossiers d&#x27;intervention en questions</h2>", faq)
    questions = re.findall(r'<h3 class="faq__question">(.*?)</h3>', faq)
    assert questions[0] == "Qu&#x27;est-ce qu&#x27;un dossier d&#x27;intervention ?"
    assert len(questions) == 5
    assert '<div class="faq__answer rich-text"><p>Un dossier d\'intervention (DI)' in faq
    assert '<a href="mailto:protegeonslespersonnes@amnesty.fr">protegeonslespersonnes@amnesty.fr</a>' in html
    assert "Une réunion par trimestre" in html and "Un bulletin trois fois par an" in html
    fund = html.split('id="comite"')[1].split("</section>")[0]
    assert "Comité Fonds d&#x27;aide aux victimes et aux défenseurs" in fund
    assert "aide financière ponctuelle" in fund and "dons des groupes locaux" in fund
    assert f'href="{register().url}"' in html


def test_faq_without_heading_makes_each_question_a_section_heading(client, section):
    page = commission()
    page.body = [
        {
            "type": "faq",
            "value": {"heading": "", "items": [{"question": "Pourquoi écrire ?", "answer": "<p>Parce que.</p>"}]},
        }
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<h2 class="faq__question">Pourquoi écrire ?</h2>' in html
    assert '<h3 class="faq__question">' not in html


def test_commission_page_shows_the_call_to_volunteer(client, home_page):
    act = home_page.add_child(instance=StandardPage(title="Agir", slug="agir"))
    load_commissions(home_page)
    html = client.get(commission().url).content.decode()
    volunteer = html.split('id="rejoindre"')[1].split("</section>")[0]
    assert f'<a class="button button--primary" href="{act.url}">Agir avec nous</a>' in volunteer
    assert "suivre un dossier d&#x27;intervention" in volunteer


def test_index_query_budget_does_not_grow_with_commissions(client, section):
    index = CommissionIndexPage.objects.get()
    before = count_queries(client, index.url)
    for number in range(20):
        index.add_child(
            instance=CommissionPage(
                title=f"Équipe {number}", slug=f"equipe-{number}", summary="…", kind=CommissionKind.REGION
            )
        )
    after = count_queries(client, index.url)
    assert before == after <= BUDGETS["index"], (before, after)


def test_commission_page_query_budget_is_the_same_for_5_and_50_testimonials(client, section):
    page = commission()
    counts = {}
    for count in (5, 50):
        testimonials = add_testimonials(count, dossier=InterventionDossier.objects.filter(is_public=True).first())
        page.body = [stream_of_testimonials(f"budget-{count}", testimonials)]
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        assert html.count('<figure class="quote testimonial">') == count
        counts[count] = count_queries(client, page.url)
    assert counts[5] == counts[50] <= BUDGETS["commission"], counts


def test_register_query_budget_is_the_same_for_5_and_50_dossiers(client, section):
    url = register().url
    counts = {}
    add_dossiers(5)
    counts[5] = count_queries(client, url)
    add_dossiers(45, start=5)
    counts[50] = count_queries(client, url)
    assert counts[5] == counts[50] <= BUDGETS["register"], counts
    filtered = count_queries(client, url + "?pays=Chili&statut=en_cours&page=2")
    assert filtered == counts[50], filtered


def test_dossier_page_query_budget(client, section):
    dossier = InterventionDossier.objects.get(person="Ioulia Tsvetkova")
    queries = count_queries(client, register().dossier_url(dossier))
    assert queries <= BUDGETS["dossier"], queries


def test_visitor_reaches_the_commission_from_the_home_page(client, section):
    home_html = client.get("/").content.decode()
    index = CommissionIndexPage.objects.get()
    assert f'<a href="{index.url}"' in home_html or f'href="{index.url}"' in home_html
    assert f'href="{commission().url}"' in client.get(index.url).content.decode()


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "slug", "live")),
        "revisions": Revision.objects.count(),
        "dossiers": list(InterventionDossier.objects.order_by("pk").values_list("person", "is_public", "status")),
        "testimonials": list(Temoignage.objects.order_by("pk").values_list("speaker", "live", "consent_date")),
        "menu": list(NavigationSettings.for_site(Page.objects.get(depth=2).get_site()).main_menu.raw_data),
    }


def test_commissions_demo_is_idempotent(section):
    first = snapshot()
    ctx = load_commissions(HomePage.objects.get())
    assert ctx.created == []
    assert snapshot() == first
    assert len(first["testimonials"]) == 3 and all(live for _, live, _ in first["testimonials"])
    assert [p for p, public, _ in first["dossiers"] if not public], "the demo needs a non-public dossier"
