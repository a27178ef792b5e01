"""The search behaviour every backend must show, written once and run on each backend.

`SearchSuite` is a mixin, not a test case: test_search_sqlite.py, test_search_postgres.py and
test_search_opensearch.py each combine it with Django's TestCase and say which backend they run
and what French it understands (`fuzzy`: typo tolerance; `stemming`: singular finds plural).
Where a backend lacks a feature, its test asserts what that backend does instead (SQLite: no
result for a typo, and no suggestion), so a backend that silently changed would fail.

The content is built once per class with the factories: pages, an NQI issue whose PDF alone holds
a word, people, offices, dossiers, and everything that must never be found: a private page and
its child, an unpublished page, a draft of a live page, a non-public dossier, an issue whose PDF
sits in a private collection, a testimonial without consent, a person no page presents.
"""

import datetime
import time

from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from search.query import HIT_CAP, MAX_QUERY_LENGTH, PER_PAGE, Kind, backend_features, run_search
from tests.commissions.factories import (
    CommissionPageFactory,
    DossierRegisterPageFactory,
    InterventionDossierFactory,
    TestimonialFactory,
    block_of_testimonials,
)
from tests.core.factories import SiteDocumentFactory, default_home_page
from tests.home.factories import StandardPageFactory
from tests.newsletter.factories import NQIIssuePageFactory, month_number
from tests.organisation.factories import (
    InternationalSecretariatPageFactory,
    OrganisationIndexPageFactory,
    PersonFactory,
    RegionalOfficeFactory,
    RoleFactory,
)

SEARCH_URL = "/recherche/"

# Words that exist in exactly one place, so that a result can only come from that place.
PDF_ONLY_WORD = "pangolinerie"
PRIVATE_PAGE_WORD = "xylophonie"
UNPUBLISHED_WORD = "marsupilamie"
DRAFT_WORD = "ornithorynque"
CONFIDENTIAL_WORD = "quetzalcoatl"
PRIVATE_PDF_WORD = "zeppelinade"
UNCONSENTED_WORD = "tamanoir"
UNPRESENTED_PERSON_WORD = "orphelinat"
PAGINATED_WORD = "kaleidoscope"
SHARED_WORD = "vigilance"  # in one item of every kind, for the facets

HOSTILE_QUERIES = [
    "\x00",
    "secr\x00etariat",
    "x" * 5000,
    "<script>alert('recherche')</script>",
    '"',
    "'",
    '"secretariat international',
    "secretariat' OR '1'='1",
    "l'",
    "AND OR NOT",
    "NEAR(secretariat international)",
    "secr*",
    "-foo +bar ~baz ^2",
    "title:secretariat",
    "a:b:c:d",
    "( ) [ ] { } < > | & ; \\",
    "%s %d %% %(name)s",
    "é" * 300,
    "🦄 licorne",
    "日本語 العربية",
    "\u200b\u200e\u202e secretariat",
    "SELECT * FROM wagtailcore_page; --",
    "secretariat " * 100,
]


def page_url(page) -> str:
    return page.get_url()


class SearchSuite:
    """Mixin for a TestCase: `backend_name`, `fuzzy` and `stemming` are set by the test file."""

    backend_name = "default"
    fuzzy = False
    stemming = False
    engine = False

    # --- Content ------------------------------------------------------------------------------

    @classmethod
    def setUpTestData(cls):
        cls.build_content()
        cls.index_content()

    @classmethod
    def index_content(cls):
        """The database backends are kept up to date by Wagtail's signals: nothing to do."""

    @classmethod
    def build_content(cls):
        published = timezone.make_aware(datetime.datetime(2024, 5, 2, 10, 0))
        cls.home = default_home_page()
        cls.organisation = OrganisationIndexPageFactory(
            title="Amnesty International dans le monde",
            intro="Un mouvement mondial organisé en instances élues.",
        )
        cls.secretariat = InternationalSecretariatPageFactory(
            title="Secrétariat international",
            intro="Le siège du mouvement, à Londres : il coordonne les campagnes mondiales.",
            first_published_at=published,
        )
        cls.secretary_general = PersonFactory(
            name="Agnès Callamard",
            role="Secrétaire générale d'Amnesty International",
            biography=f"<p>Juriste, elle a fait de la {SHARED_WORD} sur les droits humains son métier.</p>",
            start_date=datetime.date(2021, 3, 29),
        )
        RoleFactory(holder=cls.secretary_general)
        cls.unpresented = PersonFactory(name="Personne Sans Fonction", biography=f"<p>{UNPRESENTED_PERSON_WORD}</p>")
        cls.nairobi = RegionalOfficeFactory(
            city="Nairobi", opened_year=2012, text=f"Le bureau régional couvre l'Afrique de l'Est ({SHARED_WORD})."
        )
        cls.offices_page = StandardPageFactory(
            title="Nos implantations",
            intro="Les bureaux régionaux sont installés sur chaque continent.",
            first_published_at=published,
        )
        cls.assembly_page = StandardPageFactory(
            title="Rôle des instances",
            intro="L'Assemblée mondiale réunit les sections chaque année.",
            first_published_at=published,
        )
        cls.shared_pages = [
            StandardPageFactory(
                title=f"Veille {number}",
                intro=f"La {SHARED_WORD} citoyenne, chapitre {number}.",
                first_published_at=timezone.make_aware(datetime.datetime(2023, 1, 10 + number)),
            )
            for number in range(2)
        ]
        cls.issue = NQIIssuePageFactory(
            title="NQI n° 7 : les nouvelles du mois",
            summary=f"Au sommaire : la {SHARED_WORD} des militants.",
            month=month_number(30),  # May 2024
            pdf__words=f"Dans ce numéro, le mot {PDF_ONLY_WORD} n'apparaît que dans le PDF.",
        )
        cls.commission = CommissionPageFactory(
            title="Commission Enfants",
            summary=f"Les droits de l'enfant sous {SHARED_WORD}.",
            first_published_at=published,
        )
        cls.register = DossierRegisterPageFactory(parent=cls.commission, title="Registre des dossiers")
        cls.dossier = InterventionDossierFactory(
            person="Olga Sokolova",
            country="Russie",
            summary=f"Militante écologiste sous {SHARED_WORD} judiciaire.",
            opened_on=datetime.date(2022, 6, 1),
        )
        cls.build_forbidden_content()
        cls.paginated = [
            InterventionDossierFactory(
                person=f"Personne {number:02d}",
                country="Chili",
                summary=f"Dossier {PAGINATED_WORD} numéro {number}.",
                opened_on=datetime.date(2020, 1, 1),
            )
            for number in range(2 * PER_PAGE + 3)
        ]

    @classmethod
    def build_forbidden_content(cls):
        # A private page (password) and its child.
        cls.private_page = StandardPageFactory(title="Espace réservé", intro=f"Le mot {PRIVATE_PAGE_WORD} est privé.")
        PageViewRestriction.objects.create(
            page=cls.private_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        cls.private_child = StandardPageFactory(
            parent=cls.private_page, title="Sous-page réservée", intro=f"Encore {PRIVATE_PAGE_WORD}."
        )
        # Never published; and a live page with a newer draft.
        cls.unpublished = StandardPageFactory(title="Brouillon jamais publié", intro=UNPUBLISHED_WORD, live=False)
        cls.drafted = StandardPageFactory(title="Page en ligne", intro="Le texte publié.")
        cls.drafted.intro = f"Le brouillon parle d'{DRAFT_WORD}."
        cls.drafted.save_revision()
        # A dossier that must stay hidden.
        cls.confidential = InterventionDossierFactory(
            person="Défenseure protégée", country="Honduras", summary=CONFIDENTIAL_WORD, confidential=True
        )
        # An issue whose PDF is in a collection only logged-in editors may see.
        private_collection = Collection.get_first_root_node().add_child(name="Documents internes")
        CollectionViewRestriction.objects.create(
            collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.private_pdf = SiteDocumentFactory(
            title="Compte rendu interne", collection=private_collection, words=f"Le mot {PRIVATE_PDF_WORD} est interne."
        )
        cls.private_pdf_issue = NQIIssuePageFactory(
            title="NQI n° 8", summary="Un numéro ordinaire.", month=month_number(31), pdf=cls.private_pdf
        )
        # A testimonial without consent, on a public dossier and in a page's testimonials block.
        cls.unconsented = TestimonialFactory(
            quote=f"Le {UNCONSENTED_WORD} nous a sauvés.", consent_date=None, dossier=cls.dossier
        )
        CommissionPageFactory(title="Commission Témoins", body=[block_of_testimonials([cls.unconsented])])

    # --- Helpers ------------------------------------------------------------------------------

    def search(self, query, **params):
        return run_search(query, backend_name=self.backend_name, **params)

    def titles(self, query, **params):
        return [item.title for item in self.search(query, **params).items]

    def get(self, query, **params):
        return self.client.get(SEARCH_URL, {"q": query, **params})

    def assert_nothing_found(self, word):
        results = self.search(word)
        self.assertEqual(results.total, 0, [item.title for item in results.items])
        self.assertEqual(results.items, [])
        response = self.get(word)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Aucun résultat")

    # --- The backend --------------------------------------------------------------------------

    def test_the_backend_declares_the_french_features_this_suite_expects(self):
        features = backend_features(self.backend_name)
        self.assertEqual(
            (features["fuzzy"], features["stemming"], features["engine"]), (self.fuzzy, self.stemming, self.engine)
        )

    # --- Finding ------------------------------------------------------------------------------

    def test_secretariat_international_without_accents_finds_the_secretariat_page_first(self):
        results = self.search("secretariat international")
        self.assertEqual(results.items[0].title, "Secrétariat international")
        self.assertEqual(results.items[0].url, page_url(self.secretariat))
        self.assertEqual(results.items[0].kind_label, "Page")
        # Only the title holds the words: the excerpt is the start of the text, nothing marked.
        self.assertEqual(
            results.items[0].excerpt, "Le siège du mouvement, à Londres : il coordonne les campagnes mondiales."
        )

    def test_an_accented_query_finds_the_unaccented_and_accented_text_alike(self):
        self.assertIn("Secrétariat international", self.titles("Secrétariat"))
        self.assertIn("Secrétariat international", self.titles("SECRETARIAT"))

    def test_callamard_finds_the_secretary_generals_profile_on_the_secretariat_page(self):
        results = self.search("Callamard")
        item = results.items[0]
        self.assertEqual((item.kind, item.kind_label, item.title), (Kind.PERSON, "Personne", "Agnès Callamard"))
        self.assertEqual(item.url, page_url(self.secretariat) + "#secretaire-generale")
        self.assertEqual(item.date_label, "en fonction depuis mars 2021")

    def test_a_word_found_only_inside_a_pdf_finds_its_nqi_issue(self):
        results = self.search(PDF_ONLY_WORD)
        self.assertEqual([item.title for item in results.items], [self.issue.title])
        item = results.items[0]
        self.assertEqual((item.kind, item.kind_label, item.url), (Kind.NQI, "Numéro des NQI", page_url(self.issue)))
        self.assertEqual(item.date_label, "mai 2024")
        self.assertIn(f"<mark>{PDF_ONLY_WORD}</mark>", item.excerpt)

    def test_an_elided_article_in_the_query_or_the_text_does_not_stop_a_match(self):
        self.assertIn(self.assembly_page.title, self.titles("assemblee mondiale"))
        self.assertIn(self.assembly_page.title, self.titles("l'Assemblée"))
        self.assertIn(self.assembly_page.title, self.titles("l’assemblée"))  # typographic apostrophe

    def test_a_regional_office_links_to_the_offices_of_the_organisation_page(self):
        (item,) = self.search("Nairobi").items
        self.assertEqual((item.kind, item.kind_label), (Kind.OFFICE, "Bureau régional"))
        self.assertEqual(item.url, page_url(self.organisation) + "#bureaux-regionaux")
        self.assertEqual(item.date_label, "ouvert en 2012")

    def test_a_public_dossier_links_into_the_register(self):
        (item,) = self.search("Sokolova").items
        self.assertEqual((item.kind, item.title), (Kind.DOSSIER, "Olga Sokolova (Russie)"))
        self.assertEqual(item.url, page_url(self.register) + f"dossier/{self.dossier.pk}/")

    def test_singular_finds_plural_only_where_the_backend_stems(self):
        titles = self.titles("bureau regional")
        if self.stemming:
            self.assertIn(self.offices_page.title, titles)  # « Les bureaux régionaux sont installés… »
        else:
            # Documented: SQLite's FTS5 folds accents but does not stem. The singular finds the
            # office whose text has the singular, not the page with the plural only.
            self.assertNotIn(self.offices_page.title, titles)
            self.assertIn("Nairobi (Afrique)", titles)
        self.assertIn(self.offices_page.title, self.titles("bureaux regionaux"))

    def test_a_typo_finds_the_person_and_a_suggestion_only_where_the_backend_is_fuzzy(self):
        # "Calamard": a letter missing where the French stemmer folds double letters anyway;
        # "Callamrd": one the stemmer does not fold, which only a fuzzy query finds.
        for typo in ("Calamard", "Callamrd"):
            with self.subTest(typo=typo):
                results = self.search(typo)
                if self.fuzzy:
                    self.assertEqual(results.items[0].title, "Agnès Callamard")
                    self.assertEqual(results.suggestion, "Callamard")
                    self.assertContains(
                        self.get(typo), 'Vouliez-vous dire : <a href="/recherche/?q=Callamard">Callamard</a>'
                    )
                else:
                    # Documented: no typo tolerance on this backend, hence nothing to suggest either.
                    self.assertEqual((results.total, results.suggestion), (0, None))
                    response = self.get(typo)
                    self.assertContains(response, "Aucun résultat")
                    self.assertNotContains(response, "Vouliez-vous dire")

    def test_a_typo_among_correct_words_is_corrected_in_the_suggestion(self):
        results = self.search("secretariat internationl")
        if self.fuzzy:
            self.assertEqual(results.items[0].title, "Secrétariat international")
            self.assertEqual(results.suggestion, "secretariat international")
        else:
            # Every word must match on this backend: the correct one alone is offered instead.
            self.assertTrue(results.relaxed)
            self.assertIsNone(results.suggestion)
            self.assertIn("Secrétariat international", [item.title for item in results.items])

    def test_a_correctly_spelt_query_gets_no_suggestion(self):
        self.assertIsNone(self.search("Callamard").suggestion)

    def test_no_result_has_every_word_then_results_with_some_of_them_are_offered(self):
        results = self.search("Sokolova hippopotame")
        self.assertTrue(results.relaxed)
        self.assertEqual([item.title for item in results.items], ["Olga Sokolova (Russie)"])

    # --- Facets and pages ---------------------------------------------------------------------

    def test_the_facets_count_each_kind_and_each_year(self):
        results = self.search(SHARED_WORD)
        kinds = {facet.value: facet.count for facet in results.kind_facets}
        self.assertEqual(
            kinds,
            {Kind.PAGE: 2, Kind.NQI: 1, Kind.COMMISSION: 1, Kind.DOSSIER: 1, Kind.PERSON: 1, Kind.OFFICE: 1},
        )
        self.assertEqual([facet.label for facet in results.kind_facets][:2], ["Page", "Numéro des NQI"])
        years = {facet.value: facet.count for facet in results.year_facets}
        # Pages: first publication; issue: its month; dossier: opened; person: in office since; office: opened.
        self.assertEqual(years, {"2024": 2, "2023": 2, "2022": 1, "2021": 1, "2012": 1})
        self.assertEqual(results.total, 7)

    def test_a_kind_facet_filters_and_the_year_counts_follow_it(self):
        results = self.search(SHARED_WORD, kind=Kind.PAGE)
        self.assertEqual(sorted(item.title for item in results.items), ["Veille 0", "Veille 1"])
        self.assertEqual(results.total, 2)
        self.assertEqual({facet.value: facet.count for facet in results.year_facets}, {"2023": 2})
        # The kind counts still show the other kinds, to switch to them.
        self.assertEqual(len(results.kind_facets), 6)
        self.assertTrue(next(facet for facet in results.kind_facets if facet.value == Kind.PAGE).selected)

    def test_a_year_facet_filters_and_the_kind_counts_follow_it(self):
        results = self.search(SHARED_WORD, year="2024")
        self.assertEqual(sorted(item.kind for item in results.items), [Kind.COMMISSION, Kind.NQI])
        self.assertEqual({facet.value: facet.count for facet in results.kind_facets}, {Kind.NQI: 1, Kind.COMMISSION: 1})

    def test_unknown_facet_values_are_ignored(self):
        results = self.search(SHARED_WORD, kind="<script>", year="deux-mille")
        self.assertEqual((results.kind, results.year, results.total), ("", "", 7))

    def test_results_come_ten_to_a_page_and_every_page_number_typed_gives_a_page(self):
        total = 2 * PER_PAGE + 3
        first = self.search(PAGINATED_WORD)
        self.assertEqual((first.total, len(first.items), first.page.paginator.num_pages), (total, PER_PAGE, 3))
        last = self.search(PAGINATED_WORD, page=3)
        self.assertEqual(len(last.items), 3)
        seen = {item.title for number in (1, 2, 3) for item in self.search(PAGINATED_WORD, page=number).items}
        self.assertEqual(len(seen), total)
        for garbage, expected in [("abc", 1), ("0", 3), ("-1", 3), ("999999", 3), ("1.5", 1), ("9" * 5000, 3), ("", 1)]:
            with self.subTest(page=garbage[:20]):
                self.assertEqual(self.search(PAGINATED_WORD, page=garbage).page.number, expected)
                self.assertEqual(self.get(PAGINATED_WORD, page=garbage).status_code, 200)

    def test_hits_gathered_per_kind_are_capped(self):
        self.assertGreaterEqual(HIT_CAP, 100)

    # --- Never --------------------------------------------------------------------------------

    def test_never_a_private_page_nor_its_child(self):
        self.assert_nothing_found(PRIVATE_PAGE_WORD)

    def test_never_an_unpublished_page(self):
        self.assert_nothing_found(UNPUBLISHED_WORD)

    def test_never_the_draft_of_a_live_page(self):
        self.assert_nothing_found(DRAFT_WORD)
        self.assertIn("Page en ligne", self.titles("publié"))

    def test_never_a_dossier_that_is_not_public(self):
        self.assert_nothing_found(CONFIDENTIAL_WORD)
        self.assert_nothing_found("Honduras")

    def test_never_the_text_of_a_pdf_in_a_private_collection(self):
        self.assert_nothing_found(PRIVATE_PDF_WORD)
        self.assertNotIn(self.private_pdf_issue.title, self.titles("numéro ordinaire"))

    def test_never_a_testimonial_without_consent(self):
        self.assert_nothing_found(UNCONSENTED_WORD)

    def test_never_a_person_no_page_presents(self):
        self.assert_nothing_found(UNPRESENTED_PERSON_WORD)

    # --- Whatever is typed --------------------------------------------------------------------

    def test_hostile_queries_are_answered_quickly_without_an_error(self):
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:30]):
                started = time.monotonic()
                response = self.get(query)
                elapsed = time.monotonic() - started
                self.assertIn(response.status_code, (200, 400))
                self.assertLess(elapsed, 1.0)
                self.assertNotContains(response, "<script>alert")
                self.assertNotContains(response, "x" * (MAX_QUERY_LENGTH + 1))

    def test_a_query_with_words_of_no_kind_of_content_is_a_plain_empty_result(self):
        results = self.search("zzzyyyxxx")
        self.assertEqual((results.total, results.items, results.kind_facets, results.year_facets), (0, [], [], []))
