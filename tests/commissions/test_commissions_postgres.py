"""Commissions on the real PostgreSQL: full-text search, the register's filters and the date constraint."""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from wagtail.models import Page

from commissions.models import InterventionDossier
from tests.commissions.support import CONFIDENTIAL_PERSON, load_commissions, register


@pytest.fixture
def section(home_page):
    assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"
    load_commissions(home_page)
    call_command("update_index", verbosity=0)
    return home_page


def test_postgres_search_finds_public_dossiers_and_never_the_confidential_one(section):
    assert [d.person for d in InterventionDossier.objects.search("Tsvetkova")] == ["Ioulia Tsvetkova"]
    assert list(InterventionDossier.objects.search("communautaires")) == []
    assert list(InterventionDossier.objects.search("Honduras")) == []
    assert CONFIDENTIAL_PERSON not in [str(p) for p in Page.objects.live().search("communautaires")]
    # Made private, a public dossier leaves the PostgreSQL index at once.
    daemi = InterventionDossier.objects.get(person="Atena Daemi")
    daemi.is_public = False
    daemi.save()
    assert list(InterventionDossier.objects.search("Daemi")) == []


def test_postgres_register_filters_and_hides_the_confidential_dossier(client, section):
    html = client.get(register().url + "?statut=libere&page=abc").content.decode()
    assert "Bernardo Caal" in html and "Atena Daemi" in html and "Ioulia Tsvetkova" not in html
    assert CONFIDENTIAL_PERSON not in client.get(register().url + "?pays=Honduras").content.decode()
    assert client.get(register().dossier_url(InterventionDossier.objects.get(is_public=False))).status_code == 404


def test_postgres_refuses_an_outcome_before_opening(section):
    with pytest.raises(IntegrityError), transaction.atomic():
        InterventionDossier.objects.create(
            person="Y", country="Chili", opened_on=datetime.date(2024, 1, 2), outcome_on=datetime.date(2024, 1, 1)
        )
