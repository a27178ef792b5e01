"""Commission index, commission pages and their FAQ: tree rules, rendering, query budgets."""

import re

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from commissions.models import CommissionIndexPage, CommissionKind, CommissionPage, DossierRegisterPage
from home.models import HomePage, StandardPage
from tests.commissions.factories import (
    CommissionIndexPageFactory,
    CommissionPageFactory,
    DossierRegisterPageFactory,
    InterventionDossierFactory,
    TestimonialFactory,
    block_of_testimonials,
    faq,
)
from tests.home.factories import StandardPageFactory
from tests.query_budget import assert_budget_holds, count_queries

# Anonymous visitor, warm caches. Raise only with a reason.
BUDGETS = {"index": 15, "commission": 19, "register": 18, "dossier": 17}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


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
        index = CommissionIndexPageFactory()
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

    def test_the_index_is_a_singleton_and_the_factories_build_the_tree(self):
        register = DossierRegisterPageFactory()
        index = CommissionIndexPageFactory()
        assert CommissionIndexPage.objects.count() == 1
        assert register.get_parent().specific_class is CommissionPage
        assert register.get_parent().get_parent().specific == index
        assert index.get_parent().specific_class is HomePage


class RoutingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.register = DossierRegisterPageFactory()
        cls.dossier = InterventionDossierFactory()

    def test_every_commission_page_type_is_routable_and_renderable(self):
        commission = self.register.get_parent().specific
        for page in [CommissionIndexPage.objects.get(), commission, self.register]:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        route = f"dossier/{self.dossier.pk}/"
        self.assertPageIsRoutable(self.register, route)
        self.assertPageIsRenderable(self.register, route)


class CommissionIndexTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = CommissionIndexPageFactory(title="Commissions et régions mondiales")
        cls.thematic = CommissionPageFactory(
            title="Commission Enfants", summary="Elle préside aussi le Comité d'entraide."
        )
        cls.region = CommissionPageFactory(title="Équipe Afrique", kind=CommissionKind.REGION)
        cls.hidden = CommissionPageFactory(title="Brouillon d'équipe", live=False)
        cls.register = DossierRegisterPageFactory(parent=cls.index, title="Tous les dossiers")

    def test_index_groups_commissions_and_regions_with_their_summary(self):
        html = html_of(self.client, self.index.url)
        commissions_section = html.split('id="groupe-commission"')[1].split("</section>")[0]
        regions_section = html.split('id="groupe-region"')[1].split("</section>")[0]
        assert "Commissions thématiques" in commissions_section and "Commission Enfants" in commissions_section
        assert f'href="{self.thematic.url}"' in commissions_section
        assert "Régions mondiales" in regions_section and "Équipe Afrique" in regions_section
        assert "Équipe Afrique" not in commissions_section
        assert "Elle préside aussi le Comité d&#x27;entraide." in commissions_section
        assert "Brouillon d&#x27;équipe" not in html
        assert f'<a href="{self.register.url}">Tous les dossiers</a>' in html

    def test_index_without_published_commission_says_so(self):
        CommissionPage.objects.update(live=False)
        html = html_of(self.client, self.index.url)
        assert "Aucune commission n'est publiée pour le moment." in html
        assert 'id="groupe-commission"' not in html


FAQ_QUESTIONS = [
    ("Qu'est-ce qu'un dossier ?", "<p>Une action de longue haleine.</p>"),
    ("Qui en a la charge ?", "<p>Les groupes locaux.</p>"),
    ("Que fait-on ?", "<ul><li>des lettres ;</li><li>des pétitions.</li></ul>"),
]


class CommissionPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.act = StandardPageFactory(title="Agir", slug="agir")
        cls.commission = CommissionPageFactory(
            title="Commission Vigilance",
            body=[faq("Les dossiers en questions", FAQ_QUESTIONS)],
            meeting_rhythm="Une réunion par trimestre",
            publications="Un bulletin trois fois par an",
            contact_email="vigilance@example.org",
            committee_name="Comité d'entraide",
            committee_description="<p>Une aide financière ponctuelle, financée par les groupes locaux.</p>",
            volunteer_cta=[
                {
                    "type": "call_to_action",
                    "value": {
                        "lead": "Vous voulez suivre un dossier d'intervention ?",
                        "label": "Agir avec nous",
                        "page": cls.act.pk,
                        "external_url": "",
                    },
                }
            ],
        )
        cls.register = DossierRegisterPageFactory(parent=cls.commission, title="Nos dossiers")

    def test_commission_page_shows_faq_as_headings_contact_fund_and_register(self):
        html = html_of(self.client, self.commission.url)
        faq_html = html.split('class="faq"')[1].split("</section>")[0]
        assert re.search(r"<h2 [^>]*>Les dossiers en questions</h2>", faq_html)
        questions = re.findall(r'<h3 class="faq__question">(.*?)</h3>', faq_html)
        assert questions == ["Qu&#x27;est-ce qu&#x27;un dossier ?", "Qui en a la charge ?", "Que fait-on ?"]
        assert '<div class="faq__answer rich-text"><p>Une action de longue haleine.</p>' in faq_html
        assert '<a href="mailto:vigilance@example.org">vigilance@example.org</a>' in html
        assert "Une réunion par trimestre" in html and "Un bulletin trois fois par an" in html
        fund = html.split('id="comite"')[1].split("</section>")[0]
        assert "Comité d&#x27;entraide" in fund and "Présidence : Commission Vigilance." in fund
        assert "aide financière ponctuelle" in fund
        assert f'<a href="{self.register.url}">Nos dossiers</a>' in html

    def test_commission_page_shows_the_call_to_volunteer(self):
        html = html_of(self.client, self.commission.url)
        volunteer = html.split('id="rejoindre"')[1].split("</section>")[0]
        assert f'<a class="button button--primary" href="{self.act.url}">Agir avec nous</a>' in volunteer
        assert "suivre un dossier d&#x27;intervention" in volunteer

    def test_faq_without_heading_makes_each_question_a_section_heading(self):
        page = self.commission
        page.body = [faq("", [("Pourquoi écrire ?", "<p>Parce que.</p>")])]
        page.save_revision().publish()
        html = html_of(self.client, page.url)
        assert '<h2 class="faq__question">Pourquoi écrire ?</h2>' in html
        assert '<h3 class="faq__question">' not in html


class QueryBudgetTests(WagtailPageTestCase):
    """Each public page type of the app costs the same whatever the content it lists."""

    @classmethod
    def setUpTestData(cls):
        cls.index = CommissionIndexPageFactory()
        cls.commission = CommissionPageFactory(parent=cls.index)
        cls.register = DossierRegisterPageFactory(parent=cls.commission)
        cls.dossier = InterventionDossierFactory(responsible_commission=cls.commission)
        InterventionDossierFactory.create_batch(4, responsible_commission=cls.commission)
        TestimonialFactory(dossier=cls.dossier)

    def test_index_query_budget_does_not_grow_with_commissions(self):
        def add_teams():
            for number in range(20):
                CommissionPageFactory(parent=self.index, kind=CommissionKind.REGION, title=f"Équipe {number}")

        assert_budget_holds(self.client, self.index.url, BUDGETS["index"], add_teams)

    def test_commission_page_query_budget_is_the_same_for_5_and_50_testimonials(self):
        page = self.commission
        testimonials = TestimonialFactory.create_batch(5, dossier=self.dossier)

        def show(count):
            page.body = [block_of_testimonials(testimonials[:count])]
            page.save_revision().publish()

        def grow():
            testimonials.extend(TestimonialFactory.create_batch(45, dossier=self.dossier))
            show(50)

        show(5)
        assert html_of(self.client, page.url).count('<figure class="quote testimonial">') == 5
        assert_budget_holds(self.client, page.url, BUDGETS["commission"], grow)
        assert html_of(self.client, page.url).count('<figure class="quote testimonial">') == 50

    def test_register_query_budget_is_the_same_for_5_and_50_dossiers(self):
        url = self.register.url

        def grow():
            InterventionDossierFactory.create_batch(45, responsible_commission=self.commission)

        before, after = assert_budget_holds(self.client, url, BUDGETS["register"], grow)
        assert count_queries(self.client, url + "?pays=Chili&statut=en_cours&page=2") == after

    def test_dossier_page_query_budget_does_not_grow_with_testimonials(self):
        def grow():
            TestimonialFactory.create_batch(5, dossier=self.dossier)

        url = self.register.dossier_url(self.dossier)
        assert_budget_holds(self.client, url, BUDGETS["dossier"], grow)
        assert html_of(self.client, url).count('<figure class="quote testimonial">') == 6
