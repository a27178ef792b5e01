"""Editors manage the urgent banner and the donation settings in the Wagtail admin, in French."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from campaigns.models import DonationSettings, Frequency, UrgentBanner
from core.blocks.links import PAGE_OR_URL_MESSAGE
from tests.campaigns.factories import default_site
from tests.home.factories import StandardPageFactory

ADD_URL = "wagtailsnippets_campaigns_urgentbanner:add"
LIST_URL = "wagtailsnippets_campaigns_urgentbanner:list"


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


DONATION_FORM = {
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


class EditorAdminTests(TestCase):
    """A member of the "Rédacteurs" group, logged in to the admin."""

    @classmethod
    def setUpTestData(cls):
        cls.site = default_site()
        cls.section = StandardPageFactory(parent=cls.site.root_page, slug="soudan")
        cls.editor = get_user_model().objects.create_user("redactrice-test", password="mot-de-passe-test")
        cls.editor.groups.add(Group.objects.get(name="Rédacteurs"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_an_editor_creates_a_banner(self):
        self.assertEqual(self.client.get(reverse(ADD_URL)).status_code, 200)
        response = self.client.post(reverse(ADD_URL), banner_form())
        self.assertEqual(response.status_code, 302)
        banner = UrgentBanner.objects.get()
        self.assertEqual((banner.label, banner.end), ("URGENCE SOUDAN", None))
        self.assertContains(self.client.get(reverse(LIST_URL)), "URGENCE SOUDAN")

    def test_the_admin_refuses_an_end_before_the_start_in_french(self):
        response = self.client.post(reverse(ADD_URL), banner_form(end="2026-10-01 08:00"))
        self.assertContains(response, "La fin doit être postérieure au début.")
        self.assertFalse(UrgentBanner.objects.exists())

    def test_the_admin_asks_for_a_page_or_an_address_not_both(self):
        for case, changes, field in [
            ("both", {"link_page": self.section.pk}, "link_url"),
            ("neither", {"link_url": ""}, "link_page"),
        ]:
            with self.subTest(case):
                response = self.client.post(reverse(ADD_URL), banner_form(**changes))
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["form"].errors[field], [PAGE_OR_URL_MESSAGE])
                self.assertContains(response, PAGE_OR_URL_MESSAGE)
                self.assertFalse(UrgentBanner.objects.exists())

    def test_the_admin_asks_for_a_section_when_the_banner_targets_sections(self):
        response = self.client.post(reverse(ADD_URL), banner_form(target="sections"))
        self.assertContains(response, "Choisissez au moins une rubrique")
        self.assertFalse(UrgentBanner.objects.exists())

        response = self.client.post(
            reverse(ADD_URL), banner_form(target="sections", sections=inline_formset([{"page": self.section.pk}]))
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual([s.page_id for s in UrgentBanner.objects.get().sections.all()], [self.section.pk])

    def test_an_editor_changes_the_donation_settings_and_a_bad_preselection_is_refused(self):
        url = reverse("wagtailsettings:edit", args=["campaigns", "donationsettings", self.site.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(url, DONATION_FORM)
        self.assertContains(response, "Le montant présélectionné doit figurer parmi les montants mensuels.")
        response = self.client.post(url, {**DONATION_FORM, "monthly_default": "20"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(DonationSettings.for_site(self.site).presets(Frequency.REGULAR), [10, 20, 30])
