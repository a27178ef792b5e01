"""The harness of the tests on the real OpenSearch node (ops/with-opensearch.sh exports SEARCH_URL).

`EngineTestCase` points the search settings at the node, with indexes named after the test
module's own `index_prefix` (so that runs never share an index), the engine backend's AUTO_UPDATE
off (the content is indexed explicitly, then refreshed) and the "database" fallback kept in sync by
the signals; its indexes are deleted when the class is done, even when setting up failed.
"""

import os
import secrets

from django.conf import settings
from django.test import TestCase, override_settings
from wagtail.search.backends import get_search_backend

from search.backends import search_backends


def run_prefix(name: str) -> str:
    return f"test_{secrets.token_hex(4)}_{name}_"


def engine_backends(index_prefix: str) -> dict:
    search_url = os.environ.get("SEARCH_URL", "")
    if not search_url.startswith("opensearch"):
        raise AssertionError("SEARCH_URL=opensearch://… manquant : lancez ces tests avec ops/with-opensearch.sh")
    backends = search_backends(search_url, settings.DATABASES["default"]["ENGINE"], index_prefix)
    backends["default"]["AUTO_UPDATE"] = False
    return backends


class EngineTestCase(TestCase):
    index_prefix = ""  # set by each test class, from run_prefix()

    @classmethod
    def setUpClass(cls):
        cls._engine_settings = override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(cls.index_prefix))
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
    def delete_indexes(cls):
        client = get_search_backend().es
        for name in client.indices.get(index=f"{cls.index_prefix}*", expand_wildcards="all"):
            client.indices.delete(index=name)
