"""The search suite on the real OpenSearch 3 node of ops/with-opensearch.sh (SEARCH_URL), as production runs.

The content is indexed by `update_index` (the engine backend's AUTO_UPDATE is off here; the
"database" fallback backend stays in sync through the signals) into indexes named after this run's
own prefix, refreshed, and deleted at the end. French analysis: accents folded, elisions removed,
light French stemming, and `Fuzzy` typo tolerance with a spelling suggestion.
"""

from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from tests.search.engine import EngineTestCase, run_prefix
from tests.search.suite import SearchSuite

PREFIX = run_prefix("suite")


class OpenSearchSearchTests(SearchSuite, EngineTestCase):
    index_prefix = PREFIX
    fuzzy = True
    stemming = True
    engine = True

    @classmethod
    def index_content(cls):
        call_command("update_index", "--backend", "default", verbosity=0)
        get_search_backend().refresh_indexes()

    def test_the_results_come_from_this_runs_indexes_on_the_engine(self):
        backend = get_search_backend()
        self.assertTrue(backend.get_index_for_model(type(self.secretariat)).name.startswith(PREFIX))
        results = self.search("secretariat international")
        self.assertEqual(results.backend_name, "default")
        self.assertFalse(results.used_fallback)
