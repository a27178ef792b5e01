"""Shared fixtures and the one rule for markers.

Tests live in one folder per app (tests/<app>/). A file named `test_*_browser.py` drives headless
Chromium and is marked `browser`; a file named `test_*_postgres.py` needs the real PostgreSQL that
ops/with-postgres.sh starts and is marked `postgres`; a file named `test_*_opensearch.py` needs the
OpenSearch node that ops/with-opensearch.sh starts (SEARCH_URL) and is marked `opensearch`.
`make test` runs the postgres and opensearch ones in a second pytest run, against those servers.
"""

import io
import os

import pytest
from django.core.management import call_command

pytest_plugins = ["tests.browser_support"]

# Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run there
# unless told it is safe, which it is in these single-threaded tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

MARKERS_BY_SUFFIX = {"_browser.py": "browser", "_postgres.py": "postgres", "_opensearch.py": "opensearch"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for suffix, marker in MARKERS_BY_SUFFIX.items():
            if item.path.name.endswith(suffix):
                item.add_marker(getattr(pytest.mark, marker))


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache.

    Wagtail caches the sites' root paths in Django's cache; a test's database rollback does not
    clear it, and SQLite reuses primary keys, so a later test could read another test's site.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo_content", "--skip-index", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` shows it. Returns the HomePage.

    For the tests of the demo itself and of the whole site (snapshots, browser tests); a unit test
    builds what it needs with the factories instead, so that it does not depend on the demo's wording.
    """
    from home.models import HomePage

    load_demo()
    return HomePage.objects.get()


@pytest.fixture
def home_page(db):
    """A bare HomePage as the default site's root, without demo content."""
    from tests.core.factories import default_home_page

    return default_home_page()
