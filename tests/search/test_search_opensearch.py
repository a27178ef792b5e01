"""The search suite on the real OpenSearch 3 node of ops/with-opensearch.sh (SEARCH_URL), as production runs.

The content is indexed by `update_index` (the engine backend's AUTO_UPDATE is off here; the
"database" fallback backend stays in sync through the signals) into indexes named after this run's
own prefix, refreshed, and deleted at the end. French analysis: accents folded, elisions removed,
light French stemming, and `Fuzzy` typo tolerance with a spelling suggestion.
"""

import os
import secrets

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.search.backends import get_search_backend

from search.backends import search_backends
from tests.search.suite import SearchSuite

PREFIX = f"test_{secrets.token_hex(4)}_suite_"


def engine_backends() -> dict:
    search_url = os.environ.get("SEARCH_URL", "")
    if not search_url.startswith("opensearch"):
        raise AssertionError("SEARCH_URL=opensearch://… manquant : lancez ces tests avec ops/with-opensearch.sh")
    backends = search_backends(search_url, settings.DATABASES["default"]["ENGINE"], PREFIX)
    backends["default"]["AUTO_UPDATE"] = False
    return backends


class OpenSearchSearchTests(SearchSuite, TestCase):
    fuzzy = True
    stemming = True
    engine = True

    @classmethod
    def setUpClass(cls):
        cls._engine_settings = override_settings(WAGTAILSEARCH_BACKENDS=engine_backends())
        cls._engine_settings.enable()
        try:
            super().setUpClass()
        except Exception:
            cls.delete_indexes()
            cls._engine_settings.disable()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.delete_indexes()
            super().tearDownClass()
        finally:
            cls._engine_settings.disable()

    @classmethod
    def index_content(cls):
        call_command("update_index", "--backend", "default", verbosity=0)
        get_search_backend().refresh_indexes()

    @classmethod
    def delete_indexes(cls):
        client = get_search_backend().es
        for name in client.indices.get(index=f"{PREFIX}*", expand_wildcards="all"):
            client.indices.delete(index=name)

    def test_the_results_come_from_this_runs_indexes_on_the_engine(self):
        backend = get_search_backend()
        self.assertTrue(backend.get_index_for_model(type(self.secretariat)).name.startswith(PREFIX))
        results = self.search("secretariat international")
        self.assertEqual(results.backend_name, "default")
        self.assertFalse(results.used_fallback)
