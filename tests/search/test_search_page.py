"""The public search page, /recherche/, and the search form in the header of every page.

What a visitor sees and relies on, on the default backend (SQLite here): the form works without
JavaScript, results show title, type, date and an escaped excerpt with the words in <mark>, the
facets and the pages are plain links, an empty search says « Aucun résultat » and offers the main
sections, the query is echoed escaped and capped, a response to a query is private, HEAD works,
the query count does not grow with the results, searches are counted for the editors, promoted
results come first, and an engine that is down is answered from the database.
"""

import datetime
import socket
import time
from html import unescape

from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from core.models import NavigationSettings
from search.backends import search_backends
from search.models import SearchQueryDay
from search.query import MAX_QUERY_LENGTH, PER_PAGE
from tests.commissions.factories import DossierRegisterPageFactory, InterventionDossierFactory
from tests.core.factories import default_home_page
from tests.home.factories import StandardPageFactory
from tests.newsletter.factories import NQIIssuePageFactory, month_number
from tests.query_budget import assert_budget_holds

SEARCH_URL = "/recherche/"
HEADER_FORM = (
    '<form class="site-search" role="search" method="get" action="/recherche/" data-autocomplete>',
    '<label class="visually-hidden" for="recherche-q">Rechercher sur le site</label>',
    '<input class="site-search__input" type="search" id="recherche-q" name="q" maxlength="200" autocomplete="off" '
    'data-autocomplete-input data-autocomplete-url="/recherche/suggestions/">',
    '<button class="site-search__button" type="submit">Rechercher</button>',
)
# The search page's own queries, beyond the site chrome: its budget does not grow with the results.
QUERY_BUDGET = 15


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def engine_down_backends(*, with_fallback: bool) -> dict:
    backends = search_backends(f"opensearch://127.0.0.1:{closed_port()}", "django.db.backends.sqlite3", "test_down_")
    if not with_fallback:
        del backends["database"]
    return backends


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = default_home_page()
        published = timezone.make_aware(datetime.datetime(2025, 2, 3, 9, 0))
        cls.page = StandardPageFactory(
            title="Adhérer à Amnesty",
            intro=(
                "Pour adhérer, remplissez le bulletin <script>alert('x')</script> & rejoignez un groupe local. "
                "Adhésions ouvertes toute l'année."
            ),
            first_published_at=published,
        )
        cls.issue = NQIIssuePageFactory(
            title="NQI n° 3 : adhésions", summary="Le point sur les adhésions.", month=month_number(24)
        )
        cls.sections = [
            StandardPageFactory(title="Agir", slug="agir", show_in_menus=True),
            StandardPageFactory(title="Nous connaître", slug="nous-connaitre", show_in_menus=True),
        ]
        StandardPageFactory(title="Page hors menu", slug="hors-menu", show_in_menus=False)
        register = DossierRegisterPageFactory()
        cls.register = register
        for number in range(6 * PER_PAGE + 1):
            InterventionDossierFactory(person=f"Défenseur {number:02d}", summary="Dossier de la liste longue.")

    def get(self, query=None, **params):
        data = {"q": query, **params} if query is not None else params
        return self.client.get(SEARCH_URL, data)

    def test_every_page_has_the_search_form_in_its_header(self):
        for url in ("/", self.page.url, SEARCH_URL):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                header = html[html.index('<header class="site-header">') : html.index("</header>")]
                for fragment in HEADER_FORM:
                    self.assertIn(fragment, header)

    def test_the_page_without_a_query_shows_the_form_and_may_be_cached(self):
        response = self.get()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Recherche</h1>", html=True)
        self.assertContains(response, 'id="recherche-page-q" name="q" value=""')
        self.assertNotContains(response, "Aucun résultat")
        self.assertNotIn("private", response.get("Cache-Control", ""))

    def test_a_response_to_a_query_is_private_and_not_indexed(self):
        response = self.get("adhérer")
        cache_control = response["Cache-Control"]
        self.assertIn("private", cache_control)
        self.assertIn("no-cache", cache_control)
        self.assertContains(response, '<meta name="robots" content="noindex">')

    def test_head_is_answered_and_post_is_refused(self):
        self.assertEqual(self.client.head(SEARCH_URL, {"q": "adhérer"}).status_code, 200)
        self.assertEqual(self.client.post(SEARCH_URL, {"q": "adhérer"}).status_code, 405)

    def test_a_result_shows_its_title_link_type_date_and_an_escaped_excerpt_with_the_words_marked(self):
        response = self.get("adherer bulletin")
        self.assertContains(response, "1 résultat pour «&nbsp;")
        self.assertContains(response, f'<a href="{self.page.url}">Adhérer à Amnesty</a>', html=True)
        self.assertContains(response, '<span class="search-result__type">Page</span>', html=True)
        self.assertContains(response, '<time datetime="2025-02-03">3 février 2025</time>', html=True)
        excerpt = response.content.decode().split('<p class="search-result__excerpt">')[1].split("</p>")[0]
        self.assertEqual(
            excerpt,
            "Pour <mark>adhérer</mark>, remplissez le <mark>bulletin</mark> alert(&#x27;x&#x27;) &amp; rejoignez un "
            "groupe local. Adhésions ouvertes toute l&#x27;année.",
        )
        self.assertNotContains(response, "<script>alert")

    def test_the_query_is_echoed_escaped_and_capped(self):
        response = self.get('<b>"gras"</b>' + "y" * 5000)
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertNotIn("<b>", content)
        self.assertIn("&lt;b&gt;&quot;gras&quot;&lt;/b&gt;", content)
        echoed = unescape(content.split('id="recherche-page-q" name="q" value="')[1].split('"')[0])
        self.assertEqual(len(echoed), MAX_QUERY_LENGTH)
        self.assertNotIn("y" * (MAX_QUERY_LENGTH + 1), content)

    def test_the_facets_are_links_that_filter_without_javascript(self):
        response = self.get("adhesions")
        self.assertContains(response, "2 résultats")
        content = response.content.decode()
        link = '<a href="/recherche/?q=adhesions&amp;type=nqi">Numéro des NQI'
        self.assertIn(link, content)
        filtered = self.client.get("/recherche/?q=adhesions&type=nqi")
        self.assertContains(filtered, "1 résultat pour")
        self.assertContains(filtered, "avec les filtres choisis")
        self.assertContains(filtered, 'aria-current="true"')
        self.assertContains(filtered, '<a href="/recherche/?q=adhesions">Tous les types</a>', html=True)
        by_year = self.client.get("/recherche/?q=adhesions&annee=2025")
        self.assertEqual([item.title for item in by_year.context["results"].items], ["Adhérer à Amnesty"])

    def test_the_pages_are_links_with_a_bounded_range_of_numbers(self):
        response = self.get("liste longue")
        self.assertContains(response, f"{6 * PER_PAGE + 1} résultats")
        self.assertContains(response, '<span aria-current="page">Page 1 sur 7</span>', html=True)
        self.assertContains(response, '<a href="/recherche/?q=liste+longue&amp;page=2" rel="next">Page suivante</a>')
        self.assertContains(response, '<span aria-hidden="true">…</span>', html=True)
        self.assertNotContains(response, "page=5")  # elided: 1 2 3 … 7
        self.assertContains(response, "page=7")
        middle = self.get("liste longue", page="4")
        self.assertContains(middle, '<span aria-current="page">Page 4 sur 7</span>', html=True)
        self.assertContains(middle, 'rel="prev"')
        self.assertEqual(middle.content.decode().count("search-result__title"), PER_PAGE)

    def test_no_result_says_so_and_offers_the_main_sections(self):
        settings = NavigationSettings.for_site(self.home.get_site())
        settings.main_menu = [{"type": "link", "value": {"page": self.sections[0].pk, "label": "Agir"}}]
        settings.save()
        response = self.get("hippopotame")
        self.assertContains(response, '<h2 id="aucun-resultat">Aucun résultat</h2>', html=True)
        self.assertContains(response, "ne correspond à «&nbsp;hippopotame&nbsp;»")
        sections = response.content.decode().split('<nav class="search-sections"')[1].split("</nav>")[0]
        self.assertIn(f'<a href="{self.sections[0].url}">Agir</a>', sections)
        self.assertNotIn("Vouliez-vous dire", response.content.decode())

    def test_without_a_menu_the_main_sections_are_the_home_pages_children_shown_in_menus(self):
        response = self.get("hippopotame")
        sections = response.content.decode().split('<nav class="search-sections"')[1].split("</nav>")[0]
        self.assertIn(f'<a href="{self.sections[0].url}">Agir</a>', sections)
        self.assertIn(f'<a href="{self.sections[1].url}">Nous connaître</a>', sections)
        self.assertNotIn("Page hors menu", sections)

    def test_a_query_of_punctuation_only_asks_for_words(self):
        response = self.get("«  » ; !")
        self.assertContains(response, "Saisissez au moins un mot")

    def test_a_search_is_counted_once_for_the_editors_with_its_result_count(self):
        self.get("Adhérer")
        self.get("adherer", type="page")  # a facet click on the same search: not a new search
        self.get("hippopotame")
        logged = {row.query: (row.searches, row.zero_results) for row in SearchQueryDay.objects.all()}
        self.assertEqual(logged, {"adherer": (1, 0), "hippopotame": (1, 1)})

    def test_the_editors_promoted_results_come_first(self):
        query = Query.get("bulletin")
        SearchPromotion.objects.create(query=query, page=self.sections[1], description="Qui nous sommes.", sort_order=0)
        response = self.get("Bulletin")
        content = response.content.decode()
        promoted = content.split('<section class="search-promotions"')[1].split("</section>")[0]
        self.assertIn(f'<a href="{self.sections[1].url}">Nous connaître</a>', promoted)
        self.assertIn("Qui nous sommes.", promoted)
        self.assertLess(content.index("search-promotions"), content.index('<ol class="search-results"'))

    def test_the_query_budget_does_not_grow_with_the_number_of_results(self):
        def grow():
            for number in range(15):
                StandardPageFactory(title=f"Budget {number}", intro="Le mot budgétaire revient.")

        for number in range(12):
            StandardPageFactory(title=f"Budget initial {number}", intro="Le mot budgétaire revient.")
        assert_budget_holds(self.client, f"{SEARCH_URL}?q=budgetaire", QUERY_BUDGET, grow)

    def test_an_engine_that_is_down_is_answered_from_the_database_quickly(self):
        with self.settings(WAGTAILSEARCH_BACKENDS=engine_down_backends(with_fallback=True)):
            started = time.monotonic()
            response = self.get("adherer")
            elapsed = time.monotonic() - started
        self.assertEqual(response.status_code, 200)
        self.assertLess(elapsed, 3)
        self.assertContains(response, "Le moteur de recherche ne répond pas")
        self.assertContains(response, "Adhérer à Amnesty")

    def test_without_a_fallback_an_engine_that_is_down_gives_a_french_message(self):
        with self.settings(WAGTAILSEARCH_BACKENDS=engine_down_backends(with_fallback=False)):
            response = self.get("adherer")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "La recherche est momentanément indisponible")


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends("", "django.db.backends.sqlite3"))
class SearchPageWithoutSiteContentTests(TestCase):
    def test_a_site_with_no_content_answers_every_query(self):
        default_home_page()
        for query in ("secretariat", "", "\x00"):
            with self.subTest(query=query):
                self.assertEqual(self.client.get(SEARCH_URL, {"q": query}).status_code, 200)
