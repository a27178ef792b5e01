"""The search suite on the embedded default of `make run`: Wagtail's database backend on SQLite FTS5.

FTS5's unicode61 tokenizer folds accents and splits on apostrophes, but does not stem, and the
backend has no typo tolerance (`Fuzzy` raises NotImplementedError): the suite asserts both.
"""

from django.db import connection
from django.test import TestCase, override_settings

from search.backends import search_backends
from tests.search.suite import SearchSuite


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends("", "django.db.backends.sqlite3"))
class SQLiteSearchTests(SearchSuite, TestCase):
    fuzzy = False
    stemming = False
    engine = False

    @classmethod
    def setUpClass(cls):
        assert connection.vendor == "sqlite", "this file runs on SQLite (the first pytest run of make test)"
        super().setUpClass()
