"""Autocomplete on the real OpenSearch 3 node of ops/with-opensearch.sh (SEARCH_URL), as production runs.

The engine folds accents at index time (edge n-grams) and, through search.backends' mapping, at
query time too (wagtail/wagtail#13005): "secre" and "secré" complete alike, from the engine itself.
The content is indexed into this run's own indexes, refreshed, and deleted at the end.
"""

import time

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from tests.home.factories import StandardPageFactory
from tests.organisation.factories import InternationalSecretariatPageFactory, PersonFactory, RoleFactory
from tests.search.engine import EngineTestCase, run_prefix
from tests.search.test_autocomplete import HOSTILE

PREFIX = run_prefix("autocomplete")
URL = reverse("search_suggestions")


class OpenSearchAutocompleteTests(EngineTestCase):
    index_prefix = PREFIX

    @classmethod
    def setUpTestData(cls):
        cls.secretariat = InternationalSecretariatPageFactory()
        RoleFactory(holder=PersonFactory(name="Agnès Callamard", role=""))
        StandardPageFactory(title="Élections : notre rapport")
        StandardPageFactory(title="Élections : le brouillon", live=False)
        private = StandardPageFactory(title="Élections : la page réservée")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        call_command("update_index", "--backend", "default", verbosity=0)
        get_search_backend().refresh_indexes()

    def titles(self, query) -> list[str]:
        response = self.client.get(URL, {"q": query})
        self.assertEqual(response.status_code, 200)
        return [result["title"] for result in response.json()["results"]]

    def test_the_engine_itself_completes_accented_and_unaccented_prefixes(self):
        backend = get_search_backend()
        self.assertEqual(type(backend).__module__, "search.engines.opensearch3")
        for typed in ["secre", "secré", "SECRÉ"]:
            pages = backend.autocomplete(typed, Page.objects.live())
            self.assertEqual([page.title for page in pages], ["Secrétariat international"], typed)

    def test_accented_and_unaccented_prefixes_complete_to_the_secretariat(self):
        for typed in ["secre", "secré", "Secrétariat inter", "secretariat intern", "l'secre"]:
            self.assertEqual(self.titles(typed), ["Secrétariat international"], typed)

    def test_the_secretary_general_completes_with_and_without_accents(self):
        for typed in ["callam", "agnes", "agnès call"]:
            self.assertEqual(self.titles(typed), ["Agnès Callamard"], typed)

    def test_drafts_and_private_pages_are_never_suggested(self):
        self.assertEqual(self.titles("elect"), ["Élections : notre rapport"])

    def test_any_input_gets_a_json_answer_within_a_second(self):
        for typed in HOSTILE:
            started = time.monotonic()
            response = self.client.get(URL, {"q": typed})
            self.assertEqual(response.status_code, 200, repr(typed[:20]))
            self.assertIsInstance(response.json()["results"], list)
            self.assertLess(time.monotonic() - started, 1, repr(typed[:20]))
