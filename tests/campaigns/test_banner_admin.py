"""Editors manage the urgent banner and the donation settings in the Wagtail admin, in French."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from campaigns.models import DonationSettings, UrgentBanner
from tests.home.factories import StandardPageFactory


@pytest.fixture
def editor_client(client, home_page):
    user = get_user_model().objects.create_user("redactrice-test", password="mot-de-passe-test")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(user)
    return client


def banner_form(**changes):
    data = {
        "label": "URGENCE SOUDAN",
        "message": "Protégeons les civils du Darfour",
        "link_page": "",
        "link_url": "https://www.amnesty.fr/",
        "link_text": "Agir",
        "start": "2026-11-01 08:00",
        "end": "",
        "active": "on",
        "target": "site",
        "sections": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


ADD_URL = "wagtailsnippets_campaigns_urgentbanner:add"


def test_an_editor_creates_a_banner(editor_client):
    assert editor_client.get(reverse(ADD_URL)).status_code == 200
    response = editor_client.post(reverse(ADD_URL), banner_form())
    assert response.status_code == 302
    banner = UrgentBanner.objects.get()
    assert banner.label == "URGENCE SOUDAN" and banner.end is None
    listing = editor_client.get(reverse("wagtailsnippets_campaigns_urgentbanner:list")).content.decode()
    assert "URGENCE SOUDAN" in listing


def test_the_admin_refuses_an_end_before_the_start_in_french(editor_client):
    response = editor_client.post(reverse(ADD_URL), banner_form(end="2026-10-01 08:00"))
    assert response.status_code == 200
    assert "La fin doit être postérieure au début." in response.content.decode()
    assert not UrgentBanner.objects.exists()


def test_the_admin_asks_for_a_section_when_the_banner_targets_sections(editor_client, home_page):
    response = editor_client.post(reverse(ADD_URL), banner_form(target="sections"))
    assert response.status_code == 200
    assert "Choisissez au moins une rubrique" in response.content.decode()
    assert not UrgentBanner.objects.exists()

    section = StandardPageFactory(parent=home_page, slug="soudan")
    response = editor_client.post(
        reverse(ADD_URL), banner_form(target="sections", sections=inline_formset([{"page": section.pk}]))
    )
    assert response.status_code == 302
    assert [s.page_id for s in UrgentBanner.objects.get().sections.all()] == [section.pk]


def test_an_editor_changes_the_donation_settings_and_a_bad_preselection_is_refused(editor_client, home_page):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["campaigns", "donationsettings", site.pk])
    assert editor_client.get(url).status_code == 200
    form = {
        "platform_url": "https://soutenir.amnesty.fr/",
        "monthly_presets": "10, 20, 30",
        "monthly_default": "15",
        "one_off_presets": "80, 100, 250",
        "one_off_default": "100",
        "default_frequency": "regular",
        "tax_regime": "income_tax",
        "max_free_amount": "10000",
        "heading": "Faire un don",
        "sentence": "Grâce à la réduction d'impôts de {taux}, votre don ne vous coûtera que :",
        "note": "",
        "button_label": "Donner",
    }
    response = editor_client.post(url, form)
    assert "Le montant présélectionné doit figurer parmi les montants mensuels." in response.content.decode()
    response = editor_client.post(url, {**form, "monthly_default": "20"})
    assert response.status_code == 302
    assert DonationSettings.for_site(site).presets("regular") == [10, 20, 30]
