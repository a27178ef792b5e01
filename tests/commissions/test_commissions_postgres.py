"""Commissions on the real PostgreSQL: full-text search, the register's filters and the date constraint."""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import TestCase
from wagtail.models import Page

from commissions.models import DossierStatus, InterventionDossier
from tests.commissions.factories import CommissionPageFactory, DossierRegisterPageFactory, InterventionDossierFactory

CONFIDENTIAL_PERSON = "Défenseure des terres communautaires (identité protégée)"


class PostgresCommissionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"
        cls.commission = CommissionPageFactory(title="Commission Vigilance")
        cls.register = DossierRegisterPageFactory(parent=cls.commission)
        for person, country, status in [
            ("Olga Sokolova", "Russie", DossierStatus.ACQUITTED),
            ("Diego Xol", "Guatemala", DossierStatus.RELEASED),
            ("Leila Karimi", "Iran", DossierStatus.RELEASED),
        ]:
            InterventionDossierFactory(person=person, country=country, status=status)
        cls.confidential = InterventionDossierFactory(
            person=CONFIDENTIAL_PERSON, country="Honduras", summary="Menaces répétées.", confidential=True
        )
        # A full rebuild of the index, as a deployment runs it: it must skip the non-public dossier too.
        call_command("update_index", verbosity=0)

    def test_postgres_search_finds_public_dossiers_and_never_the_confidential_one(self):
        assert [d.person for d in InterventionDossier.objects.search("Sokolova")] == ["Olga Sokolova"]
        assert list(InterventionDossier.objects.search("communautaires")) == []
        assert list(InterventionDossier.objects.search("Honduras")) == []
        assert list(Page.objects.live().search("communautaires")) == []
        assert [p.title for p in Page.objects.live().search("Vigilance")] == ["Commission Vigilance"]
        # Made private, a public dossier leaves the PostgreSQL index at once.
        karimi = InterventionDossier.objects.get(person="Leila Karimi")
        karimi.is_public = False
        karimi.save()
        assert list(InterventionDossier.objects.search("Karimi")) == []

    def test_postgres_register_filters_and_hides_the_confidential_dossier(self):
        html = self.client.get(self.register.url + "?statut=libere&page=abc").content.decode()
        assert "Diego Xol" in html and "Leila Karimi" in html and "Olga Sokolova" not in html
        assert CONFIDENTIAL_PERSON not in self.client.get(self.register.url + "?pays=Honduras").content.decode()
        assert self.client.get(self.register.dossier_url(self.confidential)).status_code == 404

    def test_postgres_refuses_an_outcome_before_opening(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            InterventionDossier.objects.create(
                person="Y", country="Chili", opened_on=datetime.date(2024, 1, 2), outcome_on=datetime.date(2024, 1, 1)
            )
