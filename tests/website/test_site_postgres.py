"""Against the real PostgreSQL started by ops/with-postgres.sh (the `postgres` marker)."""

import pytest
from django.db import connection
from wagtail.models import Page

from tests.conftest import load_demo
from tests.website.test_demo_content import snapshot


@pytest.fixture(autouse=True)
def require_postgres(db):
    assert connection.vendor == "postgresql", (
        "the integration tests need PostgreSQL: run them through ops/with-postgres.sh (make test does)"
    )


def test_demo_content_loads_twice_identically_and_renders(client):
    load_demo()
    first = snapshot()
    load_demo()
    assert snapshot() == first
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() >= 10
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url


def test_search_index_builds_on_postgres(client):
    from django.core.management import call_command

    load_demo()
    call_command("update_index", verbosity=0)
    results = Page.objects.live().search("pétitions")
    assert "Signer nos pétitions" in [page.title for page in results]
