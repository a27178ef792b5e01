"""Autocomplete on PostgreSQL's full text (the database backend when no engine is configured).

Wagtail's PostgreSQL autocomplete uses the `simple` text search configuration, which keeps
accents: "secré" completes there, "secre" would not. The endpoint fills the list from the titles
compared through `unaccent()`, so both forms complete, as on SQLite and OpenSearch.
"""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from tests.home.factories import StandardPageFactory
from tests.organisation.factories import InternationalSecretariatPageFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db
URL = reverse("search_suggestions")


def titles(client, query) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_this_runs_on_postgresql():
    assert connection.vendor == "postgresql"


def test_wagtails_own_autocomplete_misses_the_unaccented_prefix_here():
    """Why the endpoint needs its unaccent() complement on PostgreSQL."""
    InternationalSecretariatPageFactory()
    assert [page.title for page in Page.objects.live().autocomplete("secré")] == ["Secrétariat international"]
    assert list(Page.objects.live().autocomplete("secre")) == []


@pytest.mark.parametrize("typed", ["secre", "secré", "SECRÉ", "secretariat intern", "secrétariat inter", "l'secre"])
def test_accented_and_unaccented_prefixes_complete_to_the_secretariat(client, typed):
    InternationalSecretariatPageFactory()
    assert titles(client, typed) == ["Secrétariat international"]


def test_the_unaccented_complement_keeps_drafts_and_private_pages_out(client):
    StandardPageFactory(title="Élections : notre rapport")
    StandardPageFactory(title="Élections : le brouillon", live=False)
    private = StandardPageFactory(title="Élections : page réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert titles(client, "elect") == ["Élections : notre rapport"]
    assert titles(client, "élect") == ["Élections : notre rapport"]


def test_people_complete_with_and_without_accents(client):
    InternationalSecretariatPageFactory()
    RoleFactory(holder=PersonFactory(name="Agnès Callamard", role=""))
    for typed in ["agnes", "agnès", "callam", "AGNES CALL"]:
        assert titles(client, typed) == ["Agnès Callamard"], typed
