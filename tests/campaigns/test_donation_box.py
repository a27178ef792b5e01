"""The "Faire un don" box as the server renders it (right without JavaScript), its settings and /don/."""

import re
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import TestCase

from campaigns.models import DonationSettings, Frequency, TaxRegime
from tests.campaigns.factories import DonationSettingsFactory, default_site

NBSP, NNBSP = "\u00a0", "\u202f"


def checked_values(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)" checked', html)


class DonationTestCase(TestCase):
    """The home page as the default site's root, with the donation settings as the model defines them."""

    @classmethod
    def setUpTestData(cls):
        cls.settings = DonationSettingsFactory()

    def html_of(self, url: str = "/") -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()


class DonationBoxTests(DonationTestCase):
    def test_without_javascript_the_box_says_fifteen_euros_a_month_cost_five_euros_ten(self):
        html = self.html_of()
        self.assertIn("Faire un don", html)
        self.assertIn(
            f"Grâce à la réduction d&#x27;impôts de 66{NNBSP}%, votre don ne vous coûtera que : 5,10{NBSP}€/mois", html
        )
        self.assertNotIn("5,1 €", html, "the current site's rounding bug")
        self.assertNotIn(f"5,1{NBSP}€/", html, "the current site's rounding bug")
        self.assertEqual(checked_values(html, "frequency"), ["regular"])
        self.assertEqual(checked_values(html, "amount_regular"), ["15"])
        self.assertEqual(checked_values(html, "amount_once"), ["100"])
        # The sentence sits in a polite live region that donation.js updates, loaded without inline script.
        self.assertRegex(html, r'<p class="donation__result" id="don-resultat" aria-live="polite"')
        self.assertIn('<script src="/static/js/donation.js" defer></script>', html)
        self.assertNotIn("<script>", html)

    def test_presets_are_real_radio_buttons_with_labels_and_the_free_amount_has_a_label(self):
        html = self.html_of()
        for value in ["8", "10", "15"]:
            self.assertIn(
                f'<input class="donation__radio" type="radio" id="don-regular-{value}" name="amount_regular"', html
            )
            self.assertIn(f'<label class="donation__preset" for="don-regular-{value}">{value}{NBSP}€</label>', html)
        self.assertIn('<label class="donation__tab" for="don-regular">Mensuel</label>', html)
        self.assertIn('<label class="donation__tab" for="don-once">Ponctuel</label>', html)
        self.assertIn('<label for="don-libre">ou montant libre', html)
        self.assertIn('id="don-libre" name="free_amount"', html)
        self.assertIn('<form class="donation__form" method="get" action="/don/"', html)

    def test_editors_settings_change_the_presets_and_the_rate(self):
        self.settings.monthly_presets = "5, 20, 30"
        self.settings.monthly_default = 20
        self.settings.tax_regime = TaxRegime.IFI
        self.settings.full_clean()
        self.settings.save()
        html = self.html_of()
        self.assertEqual(checked_values(html, "amount_regular"), ["20"])
        self.assertNotIn('value="8"', html)
        self.assertIn(f"de 75{NNBSP}%, votre don ne vous coûtera que : 5,00{NBSP}€/mois", html)
        self.assertIn('data-rate="75"', html)
        self.assertIn('data-cap-once="50000"', html)
        self.assertIn('data-cap-regular="4166.66"', html)

    def test_the_one_off_default_frequency_renders_the_one_off_sentence(self):
        self.settings.default_frequency = Frequency.ONCE
        self.settings.save()
        html = self.html_of()
        self.assertEqual(checked_values(html, "frequency"), ["once"])
        self.assertIn(f"votre don ne vous coûtera que : 34,00{NBSP}€<", html)


class DonationSettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = default_site()

    def test_the_default_settings_are_valid(self):
        settings = DonationSettings(site=self.site)
        settings.full_clean()
        self.assertEqual(settings.presets(Frequency.REGULAR), [8, 10, 15])
        self.assertEqual(settings.presets(Frequency.ONCE), [80, 100, 250])

    def test_invalid_presets_are_refused_with_a_french_message(self):
        for field, value, message in [
            ("monthly_presets", "8, -10, 15", "supérieur à zéro"),
            ("monthly_presets", "8, dix, 15", "n'est pas un montant en euros entiers"),
            ("monthly_presets", "8, 8, 15", "qu'une fois"),
            ("one_off_presets", " , ", "au moins un montant"),
            ("monthly_default", 12, "Le montant présélectionné doit figurer parmi les montants mensuels."),
            ("one_off_default", 99, "Le montant présélectionné doit figurer parmi les montants ponctuels."),
            ("one_off_presets", "80, 100, 20000", "dépasse le montant libre maximum"),
        ]:
            with self.subTest(field=field, value=value):
                settings = DonationSettings(site=self.site, **{field: value})
                with self.assertRaises(ValidationError) as error:
                    settings.full_clean()
                self.assertIn(message, str(error.exception))

    def test_editors_and_moderators_may_edit_the_donation_settings(self):
        for name in ["Rédacteurs", "Modérateurs"]:
            with self.subTest(name):
                codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
                self.assertIn("change_donationsettings", codenames)
                self.assertLessEqual({"add_urgentbanner", "change_urgentbanner", "delete_urgentbanner"}, codenames)


class DonateViewTests(DonationTestCase):
    def test_donner_redirects_to_the_platform_with_amount_in_cents_and_frequency(self):
        for query, amount, frequency in [
            ("frequency=regular&amount_regular=15&amount_once=100", "1500", "regular"),
            ("frequency=once&amount_regular=15&amount_once=250", "25000", "once"),
            ("frequency=once&amount_once=100&free_amount=12,50", "1250", "once"),
            ("frequency=regular&amount_regular=8&free_amount=+1%C2%A0000+", "100000", "regular"),
        ]:
            with self.subTest(query):
                response = self.client.get(f"/don/?{query}")
                self.assertEqual(response.status_code, 302)
                location = urlsplit(response["Location"])
                self.assertEqual(
                    f"{location.scheme}://{location.netloc}{location.path}", "https://soutenir.amnesty.fr/"
                )
                self.assertEqual(parse_qs(location.query), {"amount": [amount], "frequency": [frequency]})

    def test_the_platform_urls_own_query_string_is_kept(self):
        self.settings.platform_url = "https://soutenir.amnesty.fr/don?campagne=proche-orient&amount=1"
        self.settings.save()
        response = self.client.get("/don/?frequency=regular&amount_regular=10")
        query = parse_qs(urlsplit(response["Location"]).query)
        self.assertEqual(query, {"campagne": ["proche-orient"], "amount": ["1000"], "frequency": ["regular"]})

    def test_bad_parameters_show_the_box_again_with_a_french_message_never_a_500(self):
        for query, message in [
            ("", "Choisissez un don mensuel ou ponctuel."),
            ("frequency=yearly&amount_regular=15", "Choisissez un don mensuel ou ponctuel."),
            ("frequency=regular", "Choisissez l&#x27;un des montants proposés"),
            ("frequency=regular&amount_regular=999", "Choisissez l&#x27;un des montants proposés"),
            ("frequency=regular&amount_regular=abc", "Choisissez l&#x27;un des montants proposés"),
            ("frequency=once&amount_once=-100", "Choisissez l&#x27;un des montants proposés"),
            ("frequency=once&free_amount=abc", "Saisissez un montant en chiffres"),
            ("frequency=once&free_amount=NaN", "Saisissez un montant en chiffres"),
            ("frequency=once&free_amount=-5", "Le montant doit être supérieur à zéro."),
            ("frequency=once&free_amount=0", "Le montant doit être supérieur à zéro."),
            ("frequency=once&free_amount=1e9", "Saisissez un montant en chiffres"),
            ("frequency=once&free_amount=10000,01", f"ne peut pas dépasser 10{NNBSP}000,00{NBSP}€"),
            ("frequency=once&free_amount=" + "9" * 5000, "ne peut pas dépasser"),
            ("frequency=once&free_amount=%00", "Saisissez un montant en chiffres"),
            ("frequency=regular&amount_regular=15&amount_regular=10&free_amount=%F0%9F%92%B6", "Saisissez un montant"),
        ]:
            with self.subTest(query[:80]):
                response = self.client.get(f"/don/?{query}")
                self.assertEqual(response.status_code, 400)
                html = response.content.decode()
                self.assertIn("<h1>Faire un don</h1>", html)
                self.assertRegex(html, r'id="don(?:-2)?-resultat" aria-live="polite" data-donation-result>([^<]*)<')
                self.assertIn(message, html)
                self.assertNotIn("NaN", html.replace('value="NaN"', ""))

    def test_the_error_page_keeps_what_the_visitor_chose(self):
        html = self.client.get("/don/?frequency=once&amount_once=250&free_amount=abc").content.decode()
        self.assertIn('value="abc" aria-describedby="don-resultat" aria-invalid="true"', html)
        self.assertIn('name="frequency" value="once" checked', html)

    def test_a_page_showing_the_box_twice_has_no_duplicate_ids(self):
        html = self.client.get("/don/?frequency=once&free_amount=abc").content.decode()
        self.assertEqual(html.count('class="donation"'), 2, "the header box and the page's box")
        ids = re.findall(r'\sid="([^"]+)"', html)
        self.assertEqual(sorted({value for value in ids if ids.count(value) > 1}), [])
        for match in re.finditer(r'(?:for|aria-describedby|aria-labelledby)="([^"]+)"', html):
            self.assertIn(match.group(1), ids, f"{match.group(0)} points at a missing id")
        self.assertEqual(html.count("js/donation.js"), 1)

    def test_posting_to_the_donation_view_is_refused_politely(self):
        self.assertEqual(self.client.post("/don/", {"frequency": "regular"}).status_code, 405)
