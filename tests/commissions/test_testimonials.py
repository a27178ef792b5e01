"""Testimonials (published only with a recorded consent) and the admin of dossiers and testimonials."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from commissions.forms import CONSENT_REQUIRED_MESSAGE
from commissions.models import InterventionDossier
from commissions.models import Testimonial as Temoignage
from tests.commissions.support import (
    CONFIDENTIAL_PERSON,
    add_testimonials,
    commission,
    load_commissions,
    stream_of_testimonials,
)


@pytest.fixture
def section(home_page):
    load_commissions(home_page)
    return home_page


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


ADD_URL = "wagtailsnippets_commissions_testimonial:add"


def test_publishing_a_testimonial_without_consent_date_is_refused_in_french(client, section, django_user_model):
    client.force_login(user_in(django_user_model, "Modérateurs"))
    response = client.post(reverse(ADD_URL), {**form_data_for(), "action-publish": "action-publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert CONSENT_REQUIRED_MESSAGE.replace("'", "&#x27;") in html
    assert not Temoignage.objects.filter(person="Nadia").exists()


def test_a_draft_without_consent_can_be_saved_then_published_once_consent_is_recorded(
    client, section, django_user_model
):
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


def test_editors_draft_testimonials_and_only_moderators_publish_them(client, section, django_user_model):
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


def test_block_renders_only_published_testimonials_with_consent_in_chosen_order(client, section):
    shown_first, shown_second = add_testimonials(2)
    (draft,) = add_testimonials(1, live=False)
    (no_consent,) = add_testimonials(1, consent=False)
    for index, testimonial in enumerate([draft, no_consent], start=10):
        testimonial.quote = f"Ne doit pas paraître {index}."
        testimonial.save()
    page = commission()
    page.body = [stream_of_testimonials("order", [shown_second, draft, no_consent, shown_first], heading="Paroles")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    figures = re.findall(r'<figure class="quote testimonial">(.*?)</figure>', html, flags=re.S)
    assert len(figures) == 2
    assert shown_second.quote in figures[0] and shown_first.quote in figures[1]
    assert "Ne doit pas paraître" not in html
    blockquote, figcaption = figures[0].split("</blockquote>")
    assert blockquote.strip().startswith("<blockquote><p>« ")
    assert "<figcaption>" in figcaption and shown_second.speaker in figcaption
    assert '<time datetime="2024-01-01">1 janvier 2024</time>' in figcaption


def test_block_with_no_showable_testimonial_renders_nothing(client, section):
    (draft,) = add_testimonials(1, live=False)
    page = commission()
    page.body = [stream_of_testimonials("empty", [draft], heading="Paroles vides")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Paroles vides" not in html and '<figure class="quote testimonial">' not in html


def test_demo_testimonials_show_their_outcome_dates_and_link_public_dossiers(client, section):
    html = client.get(commission().url).content.decode()
    assert "Mère de Ioulia Tsvetkova" in html
    assert '(Russie), Ioulia Tsvetkova acquittée le <time datetime="2022-07-15">15 juillet 2022</time>' in html
    assert '(Guatemala), Bernardo Caal libéré le <time datetime="2022-03-22">22 mars 2022</time>' in html
    assert '(Iran), Atena Daemi libérée le <time datetime="2022-02-07">7 février 2022</time>' in html
    caal = InterventionDossier.objects.get(person="Bernardo Caal")
    assert (
        f'href="{commission().url}dossiers-d-intervention/dossier/{caal.pk}/">Lire le dossier de Bernardo Caal' in html
    )


def test_only_shown_testimonials_are_searchable(section):
    (draft,) = add_testimonials(1, live=False)
    draft.quote = "Kaléidoscope brouillon"
    draft.save()
    (no_consent,) = add_testimonials(1, consent=False)
    no_consent.quote = "Kaléidoscope sans accord"
    no_consent.save()
    assert list(Temoignage.objects.search("Kaléidoscope")) == []
    assert [t.person for t in Temoignage.objects.search("Tsvetkova")] == ["Ioulia Tsvetkova"]
    published = Temoignage.objects.get(person="Bernardo Caal")
    published.unpublish()
    assert list(Temoignage.objects.search("Caal")) == []


def test_admin_lists_dossiers_in_french_with_filters_including_private_ones(client, section, django_user_model):
    assert {InterventionDossier, Temoignage} <= set(get_snippet_models())
    client.force_login(user_in(django_user_model, "Rédacteurs"))
    index_url = reverse("wagtailsnippets_commissions_interventiondossier:list")
    html = client.get(index_url).content.decode()
    assert "Dossiers d&#x27;intervention" in html
    assert CONFIDENTIAL_PERSON in html, "editors see non-public dossiers in the admin"
    for label in ["Statut", "Pays", "Public"]:
        assert label in html
    private_only = client.get(index_url, {"is_public": "false"}).content.decode()
    assert CONFIDENTIAL_PERSON in private_only and "Bernardo Caal" not in private_only
    by_status = client.get(index_url, {"status": "acquitte"}).content.decode()
    assert "Ioulia Tsvetkova" in by_status and "Atena Daemi" not in by_status
    by_country = client.get(index_url, {"country__icontains": "guat"}).content.decode()
    assert "Bernardo Caal" in by_country and "Atena Daemi" not in by_country
    assert "Témoignages" in client.get(reverse("wagtailsnippets_commissions_testimonial:list")).content.decode()


def test_editor_opens_the_add_forms_with_french_labels(client, section, django_user_model):
    client.force_login(user_in(django_user_model, "Rédacteurs"))
    dossier_form = client.get(reverse("wagtailsnippets_commissions_interventiondossier:add")).content.decode()
    for label in ["Personne ou groupe", "Pays", "Statut", "Date d&#x27;ouverture", "Date de l&#x27;issue", "Public"]:
        assert label in dossier_form, label
    assert "Libéré·e" in dossier_form and "Acquitté·e" in dossier_form
    testimonial_form = client.get(reverse(ADD_URL)).content.decode()
    for label in ["Citation", "Qui parle", "Date du consentement", "Obligatoire pour publier"]:
        assert label in testimonial_form, label
