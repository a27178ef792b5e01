"""The organisation records and pages against the real PostgreSQL (the `postgres` marker)."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from organisation.models import InternationalSecretariatPage, Person, RegionalOffice
from tests.organisation.test_pages import (
    BUDGETS,
    PAGE_URLS,
    count_queries,
    load_organisation,
    records_snapshot,
    set_offices_and_people,
)


@pytest.fixture(autouse=True)
def require_postgres(db):
    assert connection.vendor == "postgresql", (
        "the integration tests need PostgreSQL: run them through ops/with-postgres.sh (make test does)"
    )


def test_organisation_demo_loads_twice_identically_on_postgres(db):
    load_organisation()
    first = records_snapshot()
    load_organisation()
    assert records_snapshot() == first
    assert RegionalOffice.objects.filter(status="closed").count() == 2


def test_full_text_search_finds_people_offices_and_pages(db):
    load_organisation()
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    assert [p.name for p in backend.search("Callamard", Person)] == ["Agnès Callamard"]
    assert [o.city for o in backend.search("Moscou", RegionalOffice)] == ["Moscou"]
    closed = backend.search("fermeture", RegionalOffice.objects.filter(status="closed"))
    assert [o.city for o in closed] == ["Hong Kong"]
    pages = Page.objects.live().search("campagnes mondiales")
    assert InternationalSecretariatPage.objects.get().pk in [page.pk for page in pages]


def test_two_offices_cannot_share_a_city(db):
    load_organisation()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegionalOffice.objects.create(city="Dakar", region="afrique", opened_year=2000)


def test_query_budgets_hold_on_postgres_with_5_and_50_offices(client, db):
    load_organisation()
    measured = {}
    for count in (5, 50):
        set_offices_and_people(count)
        measured[count] = {url: count_queries(client, url) for url in PAGE_URLS}
    assert measured[5] == measured[50], measured
    for url, queries in measured[50].items():
        assert queries <= BUDGETS[url], (url, queries)
