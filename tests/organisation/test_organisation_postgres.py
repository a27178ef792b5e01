"""The organisation records and pages against the real PostgreSQL (the `postgres` marker)."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import TestCase
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from organisation.models import Person, RegionalOffice
from tests.organisation.factories import RegionalOfficeFactory
from tests.organisation.test_pages import (
    BUDGETS,
    PAGE_URLS,
    build_organisation,
    grow_records,
    load_organisation,
    records_snapshot,
)
from tests.query_budget import assert_budget_holds


@pytest.fixture(autouse=True)
def require_postgres():
    assert connection.vendor == "postgresql", (
        "the integration tests need PostgreSQL: run them through ops/with-postgres.sh (make test does)"
    )


class OrganisationOnPostgresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_organisation(cls)

    def test_full_text_search_finds_people_offices_and_pages(self):
        call_command("update_index", verbosity=0)
        backend = get_search_backend()
        assert [p.name for p in backend.search("Durand", Person)] == ["Camille Durand"]
        assert [o.city for o in backend.search("Moscou", RegionalOffice)] == ["Moscou"]
        closed = backend.search("fermeture", RegionalOffice.objects.filter(status="closed"))
        assert [o.city for o in closed] == ["Hong Kong"]
        pages = Page.objects.live().search("campagnes mondiales")
        assert self.secretariat.pk in [page.pk for page in pages]

    def test_two_offices_cannot_share_a_city(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            RegionalOfficeFactory(city="Dakar")

    def test_query_budgets_hold_on_postgres_with_many_more_offices_people_and_bodies(self):
        for url in PAGE_URLS:
            assert_budget_holds(self.client, url, BUDGETS[url], lambda: grow_records(20))


class OrganisationDemoOnPostgresTests(TestCase):
    def test_organisation_demo_loads_twice_identically_on_postgres(self):
        load_organisation()
        first = records_snapshot()
        load_organisation()
        assert records_snapshot() == first
        assert RegionalOffice.objects.filter(status="closed").count() == 2
