"""Shared fixtures. Tests under tests/browser/ are marked `browser`, under tests/integration/ `postgres`."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run there
# unless told it is safe, which it is in these single-threaded tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TESTS_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if TESTS_DIR / "browser" in path.parents:
            item.add_marker(pytest.mark.browser)
        if TESTS_DIR / "integration" in path.parents:
            item.add_marker(pytest.mark.postgres)


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
    """The whole demo site, as `make run` shows it. Returns the HomePage."""
    from home.models import HomePage

    load_demo()
    return HomePage.objects.get()


@pytest.fixture
def home_page(db):
    """A bare HomePage as the default site's root, without demo content."""
    from tests.factories import make_home_page

    return make_home_page()
