"""Testimonials (published only with a recorded consent) and the admin of dossiers and testimonials."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from commissions.forms import CONSENT_REQUIRED_MESSAGE
from commissions.models import DossierStatus, InterventionDossier
from commissions.models import Testimonial as Temoignage
from tests.commissions.factories import (
    CommissionPageFactory,
    DossierRegisterPageFactory,
    InterventionDossierFactory,
    TestimonialFactory,
    block_of_testimonials,
)

ADD_URL = "wagtailsnippets_commissions_testimonial:add"
CONFIDENTIAL_PERSON = "Défenseur des rivières (identité protégée)"


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def form_data_for(**changes) -> dict:
    data = {
        "quote": "Merci de ne pas m'avoir oubliée.",
        "speaker": "Sœur de Nadia",
        "person": "Nadia",
        "country": "Chili",
        "outcome": "libérée",
        "outcome_date": "2024-06-01",
        "dossier": "",
        "consent_date": "",
    }
    data.update(changes)
    return data


def figures_of(html: str) -> list[str]:
    return re.findall(r'<figure class="quote testimonial">(.*?)</figure>', html, flags=re.S)


# --- Consent and moderation in the admin ----------------------------------------------------------


def test_publishing_a_testimonial_without_consent_date_is_refused_in_french(client, django_user_model):
    client.force_login(user_in(django_user_model, "Modérateurs"))
    response = client.post(reverse(ADD_URL), {**form_data_for(), "action-publish": "action-publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert CONSENT_REQUIRED_MESSAGE.replace("'", "&#x27;") in html
    assert not Temoignage.objects.filter(person="Nadia").exists()


def test_a_draft_without_consent_can_be_saved_then_published_once_consent_is_recorded(client, django_user_model):
    client.force_login(user_in(django_user_model, "Modérateurs"))
    response = client.post(reverse(ADD_URL), form_data_for())
    assert response.status_code == 302
    testimonial = Temoignage.objects.get(person="Nadia")
    assert testimonial.live is False and testimonial.consent_date is None

    edit_url = reverse("wagtailsnippets_commissions_testimonial:edit", args=[testimonial.pk])
    response = client.post(edit_url, {**form_data_for(), "action-publish": "action-publish"})
    assert response.status_code == 200
    assert CONSENT_REQUIRED_MESSAGE.replace("'", "&#x27;") in response.content.decode()
    testimonial.refresh_from_db()
    assert testimonial.live is False

    response = client.post(edit_url, {**form_data_for(consent_date="2024-07-01"), "action-publish": "action-publish"})
    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert testimonial.live is True and testimonial.consent_date == datetime.date(2024, 7, 1)


def test_editors_draft_testimonials_and_only_moderators_publish_them(client, django_user_model):
    editor = user_in(django_user_model, "Rédacteurs")
    moderator = user_in(django_user_model, "Modérateurs")
    for codename in ["add_testimonial", "change_testimonial", "delete_testimonial"]:
        assert editor.has_perm(f"commissions.{codename}") and moderator.has_perm(f"commissions.{codename}")
    for codename in ["add_interventiondossier", "change_interventiondossier", "delete_interventiondossier"]:
        assert editor.has_perm(f"commissions.{codename}") and moderator.has_perm(f"commissions.{codename}")
    assert moderator.has_perm("commissions.publish_testimonial")
    assert not editor.has_perm("commissions.publish_testimonial")

    client.force_login(editor)
    response = client.post(
        reverse(ADD_URL), {**form_data_for(consent_date="2024-07-01"), "action-publish": "action-publish"}
    )
    testimonial = Temoignage.objects.filter(person="Nadia").first()
    # Wagtail keeps an editor's work as a draft: nothing goes live without a moderator.
    assert response.status_code == 302
    assert testimonial is not None and testimonial.live is False


def test_editor_opens_the_add_forms_with_french_labels(client, django_user_model):
    client.force_login(user_in(django_user_model, "Rédacteurs"))
    dossier_form = client.get(reverse("wagtailsnippets_commissions_interventiondossier:add")).content.decode()
    for label in ["Personne ou groupe", "Pays", "Statut", "Date d&#x27;ouverture", "Date de l&#x27;issue", "Public"]:
        assert label in dossier_form, label
    assert "Libéré·e" in dossier_form and "Acquitté·e" in dossier_form
    testimonial_form = client.get(reverse(ADD_URL)).content.decode()
    for label in ["Citation", "Qui parle", "Date du consentement", "Obligatoire pour publier"]:
        assert label in testimonial_form, label


# --- The testimonials block and search --------------------------------------------------------------


class TestimonialBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.commission = CommissionPageFactory()
        cls.register = DossierRegisterPageFactory(parent=cls.commission)
        cls.dossier = InterventionDossierFactory(person="Olga Sokolova", country="Russie")
        cls.shown_first, cls.shown_second = TestimonialFactory.create_batch(2)
        cls.draft = TestimonialFactory(draft=True, quote="Ne doit pas paraître : brouillon.")
        cls.no_consent = TestimonialFactory(consent_date=None, quote="Ne doit pas paraître : sans accord.")

    def show(self, testimonials, heading="Paroles") -> str:
        page = self.commission
        page.body = [block_of_testimonials(testimonials, heading=heading)]
        page.save_revision().publish()
        response = self.client.get(page.url)
        assert response.status_code == 200
        return response.content.decode()

    def test_factory_variants_are_a_published_testimonial_and_a_draft(self):
        assert self.shown_first.live and self.shown_first.live_revision is not None
        assert self.draft.live is False and self.draft.latest_revision is not None
        assert set(Temoignage.objects.shown()) == {self.shown_first, self.shown_second}

    def test_block_renders_only_published_testimonials_with_consent_in_chosen_order(self):
        html = self.show([self.shown_second, self.draft, self.no_consent, self.shown_first])
        figures = figures_of(html)
        assert len(figures) == 2
        assert self.shown_second.quote in figures[0] and self.shown_first.quote in figures[1]
        assert "Ne doit pas paraître" not in html
        blockquote, figcaption = figures[0].split("</blockquote>")
        assert blockquote.strip().startswith("<blockquote><p>« ")
        assert "<figcaption>" in figcaption and self.shown_second.speaker in figcaption
        assert '<time datetime="2024-01-01">1 janvier 2024</time>' in figcaption
        assert '<h2 id="temoignages-paroles">Paroles</h2>' in html

    def test_block_with_no_showable_testimonial_renders_nothing(self):
        html = self.show([self.draft, self.no_consent], heading="Paroles vides")
        assert "Paroles vides" not in html and '<figure class="quote testimonial">' not in html

    def test_testimonial_shows_its_outcome_date_and_links_its_public_dossier(self):
        linked = TestimonialFactory(
            speaker="Mère d'Olga Sokolova",
            person="Olga Sokolova",
            country="Russie",
            outcome="acquittée",
            outcome_date=datetime.date(2022, 7, 15),
            dossier=self.dossier,
        )
        html = self.show([linked])
        (figure,) = figures_of(html)
        assert "Mère d&#x27;Olga Sokolova" in figure
        assert '(Russie), Olga Sokolova acquittée le <time datetime="2022-07-15">15 juillet 2022</time>' in figure
        url = f"{self.commission.url}{self.register.slug}/dossier/{self.dossier.pk}/"
        assert f'href="{url}">Lire le dossier de Olga Sokolova</a>' in figure

    def test_only_shown_testimonials_are_searchable(self):
        TestimonialFactory(draft=True, quote="Kaléidoscope brouillon")
        TestimonialFactory(consent_date=None, quote="Kaléidoscope sans accord")
        published = TestimonialFactory(person="Diego Xol")
        assert list(Temoignage.objects.search("Kaléidoscope")) == []
        assert list(Temoignage.objects.search("Xol")) == [published]
        published.unpublish()
        assert list(Temoignage.objects.search("Xol")) == []


# --- The admin lists ---------------------------------------------------------------------------------


class AdminListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        InterventionDossierFactory(person="Olga Sokolova", country="Russie", status=DossierStatus.ACQUITTED)
        InterventionDossierFactory(person="Diego Xol", country="Guatemala", status=DossierStatus.RELEASED)
        InterventionDossierFactory(person="Leila Karimi", country="Iran", status=DossierStatus.RELEASED)
        InterventionDossierFactory(person=CONFIDENTIAL_PERSON, country="Honduras", confidential=True)

    def test_admin_lists_dossiers_in_french_with_filters_including_private_ones(self):
        assert {InterventionDossier, Temoignage} <= set(get_snippet_models())
        self.client.force_login(user_in(get_user_model(), "Rédacteurs"))
        index_url = reverse("wagtailsnippets_commissions_interventiondossier:list")
        html = self.client.get(index_url).content.decode()
        assert "Dossiers d&#x27;intervention" in html
        assert CONFIDENTIAL_PERSON in html, "editors see non-public dossiers in the admin"
        for label in ["Statut", "Pays", "Public"]:
            assert label in html
        private_only = self.client.get(index_url, {"is_public": "false"}).content.decode()
        assert CONFIDENTIAL_PERSON in private_only and "Diego Xol" not in private_only
        by_status = self.client.get(index_url, {"status": "acquitte"}).content.decode()
        assert "Olga Sokolova" in by_status and "Leila Karimi" not in by_status
        by_country = self.client.get(index_url, {"country__icontains": "guat"}).content.decode()
        assert "Diego Xol" in by_country and "Leila Karimi" not in by_country
        testimonials = self.client.get(reverse("wagtailsnippets_commissions_testimonial:list")).content.decode()
        assert "Témoignages" in testimonials
