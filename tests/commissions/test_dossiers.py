"""Intervention dossiers: validation, the public register and its filters, and the non-public rule.

A non-public dossier concerns a person whose safety requires discretion: it must never appear on
the site, in search or in the sitemap, whatever the path.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from commissions.models import DossierRegisterPage, DossierStatus, InterventionDossier
from tests.commissions.factories import (
    CommissionPageFactory,
    DossierRegisterPageFactory,
    InterventionDossierFactory,
    TestimonialFactory,
    block_of_testimonials,
)

OUTCOME_MESSAGE = "La date de l'issue ne peut pas précéder la date d'ouverture du dossier."
CONFIDENTIAL_PERSON = "Défenseure des terres communautaires (identité protégée)"
CONFIDENTIAL_COUNTRY = "Honduras"
# The public dossiers of RegisterTests, newest first (the register's order).
PUBLIC_PEOPLE = ["Olga Sokolova", "Diego Xol", "Leila Karimi"]


def listed_people(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]*">(.*?)</a></h2>', html)


# --- Validation ---------------------------------------------------------------------------------


def test_outcome_date_before_opened_date_is_refused_with_a_french_message(db):
    dossier = InterventionDossier(
        person="X", country="Chili", opened_on=datetime.date(2023, 5, 1), outcome_on=datetime.date(2023, 4, 30)
    )
    with pytest.raises(ValidationError) as error:
        dossier.full_clean()
    assert error.value.message_dict["outcome_on"] == [OUTCOME_MESSAGE]
    dossier.outcome_on = datetime.date(2023, 5, 1)
    dossier.full_clean()  # the same day is allowed


def test_database_refuses_an_outcome_before_opening_even_without_the_form(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        InterventionDossier.objects.create(
            person="X", country="Chili", opened_on=datetime.date(2023, 5, 1), outcome_on=datetime.date(2020, 1, 1)
        )


def test_editor_adding_a_dossier_in_the_admin_sees_the_french_message(client, django_user_model):
    commission = CommissionPageFactory()
    editor = django_user_model.objects.create_user("redac", password="x")
    editor.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(editor)
    url = reverse("wagtailsnippets_commissions_interventiondossier:add")
    data = {
        "person": "Nouvelle personne",
        "country": "Chili",
        "theme": "",
        "status": "en_cours",
        "opened_on": "2024-03-10",
        "outcome_on": "2024-03-01",
        "responsible_commission": str(commission.pk),
        "local_groups": "Groupe 12",
        "summary": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert OUTCOME_MESSAGE.replace("'", "&#x27;") in response.content.decode()
    assert not InterventionDossier.objects.filter(person="Nouvelle personne").exists()

    response = client.post(url, {**data, "outcome_on": "2024-04-01"})
    assert response.status_code == 302
    created = InterventionDossier.objects.get(person="Nouvelle personne")
    assert created.is_public is False, "a new dossier must stay private until an editor ticks the box"
    assert created.responsible_commission == commission


# --- The register, and the non-public dossier that is nowhere -------------------------------------


class RegisterTests(TestCase):
    """Three public dossiers and a confidential one, the most recent (it would be listed first)."""

    @classmethod
    def setUpTestData(cls):
        cls.commission = CommissionPageFactory(title="Commission Vigilance", slug="vigilance")
        cls.register = DossierRegisterPageFactory(parent=cls.commission)
        dossiers = [
            ("Olga Sokolova", "Russie", DossierStatus.ACQUITTED, datetime.date(2020, 1, 15)),
            ("Diego Xol", "Guatemala", DossierStatus.RELEASED, datetime.date(2019, 3, 1)),
            ("Leila Karimi", "Iran", DossierStatus.RELEASED, datetime.date(2017, 2, 1)),
        ]
        cls.public = {
            person: InterventionDossierFactory(
                person=person,
                country=country,
                status=status,
                opened_on=opened_on,
                responsible_commission=cls.commission,
            )
            for person, country, status, opened_on in dossiers
        }
        cls.confidential = InterventionDossierFactory(
            confidential=True,
            person=CONFIDENTIAL_PERSON,
            country=CONFIDENTIAL_COUNTRY,
            opened_on=datetime.date(2024, 5, 6),
            summary="Menaces répétées contre une défenseure et sa famille.",
            responsible_commission=cls.commission,
        )

    def html(self, url: str) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    # The non-public dossier is invisible everywhere.

    def test_register_lists_public_dossiers_only_and_hides_the_confidential_country(self):
        html = self.html(self.register.url)
        assert listed_people(html) == PUBLIC_PEOPLE
        assert CONFIDENTIAL_PERSON not in html and "identité protégée" not in html
        assert CONFIDENTIAL_COUNTRY not in html, "the country filter must not reveal a non-public dossier's country"
        assert "3 dossiers publics" in html

    def test_confidential_dossier_detail_url_is_a_404_even_filtered_by_its_country(self):
        response = self.client.get(self.register.dossier_url(self.confidential))
        assert response.status_code == 404
        assert CONFIDENTIAL_PERSON not in response.content.decode()
        public = self.public["Diego Xol"]
        detail = self.html(self.register.dossier_url(public))
        assert "<h1>Diego Xol</h1>" in detail
        assert f'href="{self.commission.url}">Commission Vigilance</a>' in detail
        html = self.html(self.register.url + f"?pays={CONFIDENTIAL_COUNTRY}")
        assert CONFIDENTIAL_PERSON not in html
        assert listed_people(html) == PUBLIC_PEOPLE, "an unknown country is ignored"

    def test_confidential_dossier_is_not_in_the_sitemap_but_public_ones_are(self):
        xml = self.html("/sitemap.xml")
        for dossier in self.public.values():
            assert self.register.dossier_url(dossier) in xml
        assert self.register.dossier_url(self.confidential) not in xml
        assert CONFIDENTIAL_PERSON not in xml

    def test_confidential_dossier_is_not_found_by_search(self):
        # Wagtail's database search backend (SQLite FTS here), as the site search will query it.
        assert list(InterventionDossier.objects.search("communautaires")) == []
        assert list(InterventionDossier.objects.search(CONFIDENTIAL_COUNTRY)) == []
        assert [d.person for d in InterventionDossier.objects.search("Sokolova")] == ["Olga Sokolova"]
        assert list(Page.objects.live().public().search("communautaires")) == []
        # The same search does find public content, so the empty results above are not a broken index.
        assert "Commission Vigilance" in [page.title for page in Page.objects.live().search("Vigilance")]

    def test_a_dossier_made_private_leaves_the_search_index_and_the_register(self):
        dossier = self.public["Leila Karimi"]
        assert [d.pk for d in InterventionDossier.objects.search("Karimi")] == [dossier.pk]
        dossier.is_public = False
        dossier.save()
        assert list(InterventionDossier.objects.search("Karimi")) == []
        assert "Leila Karimi" not in listed_people(self.html(self.register.url))
        assert self.client.get(self.register.dossier_url(dossier)).status_code == 404
        dossier.is_public = True
        dossier.save()
        assert [d.pk for d in InterventionDossier.objects.search("Karimi")] == [dossier.pk]

    def test_testimonial_linked_to_a_confidential_dossier_does_not_link_it(self):
        hidden = TestimonialFactory(dossier=self.confidential, person="Une défenseure")
        linked = TestimonialFactory(dossier=self.public["Diego Xol"], person="Diego Xol")
        page = self.commission
        page.body = [block_of_testimonials([hidden, linked])]
        page.save_revision().publish()
        html = self.html(page.url)
        figures = re.findall(r'<figure class="quote testimonial">(.*?)</figure>', html, flags=re.S)
        assert len(figures) == 2 and hidden.quote in figures[0] and linked.quote in figures[1]
        assert "dossier/" not in figures[0] and CONFIDENTIAL_PERSON not in html
        linked_url = self.register.dossier_url(self.public["Diego Xol"])
        assert f'href="{linked_url}">Lire le dossier de Diego Xol</a>' in figures[1]

    def test_dossier_page_shows_its_shown_testimonials_only(self):
        dossier = self.public["Olga Sokolova"]
        shown = TestimonialFactory(dossier=dossier)
        draft = TestimonialFactory(dossier=dossier, draft=True)
        no_consent = TestimonialFactory(dossier=dossier, consent_date=None)
        html = self.html(self.register.dossier_url(dossier))
        assert shown.quote in html
        assert draft.quote not in html and no_consent.quote not in html

    # Filters and bad parameters.

    def test_register_filters_by_country_and_by_status(self):
        url = self.register.url
        assert listed_people(self.html(url + "?pays=Iran")) == ["Leila Karimi"]
        assert listed_people(self.html(url + "?statut=libere")) == ["Diego Xol", "Leila Karimi"]
        assert listed_people(self.html(url + "?statut=acquitte&pays=Russie")) == ["Olga Sokolova"]
        html = self.html(url + "?statut=acquitte&pays=Iran")
        assert listed_people(html) == []
        assert "Aucun dossier ne correspond à ces filtres." in html
        selected = self.html(url + "?pays=Iran&statut=libere")
        assert '<option value="Iran" selected>Iran</option>' in selected
        assert '<option value="libere" selected>Libéré·e</option>' in selected

    def test_register_ignores_unknown_filter_values_and_bad_pages(self):
        for query in [
            "?statut=<script>alert(1)</script>",
            "?pays=<script>alert(1)</script>",
            "?page=999",
            "?page=abc",
            "?page=-1",
            "?statut=libere&page=0",
            "?pays=&statut=",
            "?pays=Iran&pays=Russie",
        ]:
            with self.subTest(query=query):
                response = self.client.get(self.register.url + query)
                assert response.status_code == 200
                html = response.content.decode()
                assert "<script>alert" not in html
                assert listed_people(html), query

    def test_register_paginates_and_keeps_the_filters_in_page_links(self):
        InterventionDossierFactory.create_batch(25, country="Chili", status=DossierStatus.CLOSED)
        url = self.register.url
        first = self.html(url + "?pays=Chili&statut=clos")
        assert len(listed_people(first)) == DossierRegisterPage.per_page
        assert "Page 1 sur 2" in first
        assert 'href="?pays=Chili&amp;statut=clos&amp;page=2" rel="next"' in first
        second = self.html(url + "?pays=Chili&statut=clos&page=2")
        assert len(listed_people(second)) == 5
        assert not set(listed_people(first)) & set(listed_people(second))
        # Past the last page: the last page, never an error.
        assert listed_people(self.html(url + "?pays=Chili&statut=clos&page=999")) == listed_people(second)
        # Non-public dossiers in the same country never count.
        InterventionDossierFactory.create_batch(3, country="Chili", status=DossierStatus.CLOSED, confidential=True)
        assert "25 dossiers publics" in self.html(url + "?pays=Chili&statut=clos")

    def test_register_form_is_a_plain_get_form_with_labels(self):
        html = self.html(self.register.url)
        form = html.split('<form class="filters"')[1].split("</form>")[0]
        assert 'method="get"' in form
        assert '<label for="filtre-pays">Pays</label>' in form and 'id="filtre-pays" name="pays"' in form
        assert '<label for="filtre-statut">Statut</label>' in form and 'id="filtre-statut" name="statut"' in form
        assert '<button class="button button--primary" type="submit">Filtrer</button>' in form
