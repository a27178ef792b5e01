"""The search suite on PostgreSQL's full text (the database backend when no engine is configured).

Run by ops/with-postgres.sh (DATABASE_URL). The backend searches with the `french_unaccent`
configuration (search/migrations/0001_french_text_search.py): accents folded, French stemming.
Typo tolerance needs the pg_trgm extension, which nothing installs: the suite asserts that a typo
finds nothing and suggests nothing here.
"""

from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings

from search.backends import POSTGRES_SEARCH_CONFIG, search_backends
from tests.search.suite import SearchSuite


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends("", settings.DATABASES["default"]["ENGINE"]))
class PostgresSearchTests(SearchSuite, TestCase):
    fuzzy = False
    stemming = True
    engine = False

    @classmethod
    def setUpClass(cls):
        assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"
        super().setUpClass()

    def test_the_backend_searches_with_the_french_unaccent_configuration(self):
        self.assertEqual(settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"], POSTGRES_SEARCH_CONFIG)
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_tsvector(%s, %s)::text", [POSTGRES_SEARCH_CONFIG, "Les bureaux régionaux"])
            vector = cursor.fetchone()[0]
        # Accents folded, then stemmed: the plural and the singular meet on one lexeme.
        self.assertIn("'bureau':2", vector)
        self.assertIn("'regional':3", vector)
