"""The "Faire un don" box as the server renders it (right without JavaScript), its settings and /don/."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import Site

from campaigns.models import DonationSettings, TaxRegime

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture
def donation_settings(home_page):
    return DonationSettings.for_site(Site.objects.get(is_default_site=True))


def html_of(client, url="/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def checked_values(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)" checked', html)


def test_without_javascript_the_box_says_fifteen_euros_a_month_cost_five_euros_ten(client, home_page):
    html = html_of(client)
    assert "Faire un don" in html
    assert f"Grâce à la réduction d&#x27;impôts de 66{NNBSP}%, votre don ne vous coûtera que : 5,10{NBSP}€/mois" in html
    assert "5,1 €" not in html and "5,1\u00a0€/" not in html, "the current site's rounding bug"
    assert checked_values(html, "frequency") == ["regular"]
    assert checked_values(html, "amount_regular") == ["15"]
    assert checked_values(html, "amount_once") == ["100"]
    # The sentence sits in a polite live region that donation.js updates, loaded without inline script.
    assert re.search(r'<p class="donation__result" id="don-resultat" aria-live="polite"', html)
    assert '<script src="/static/js/donation.js" defer></script>' in html
    assert "<script>" not in html


def test_presets_are_real_radio_buttons_with_labels_and_the_free_amount_has_a_label(client, home_page):
    html = html_of(client)
    for value in ["8", "10", "15"]:
        assert f'<input class="donation__radio" type="radio" id="don-regular-{value}" name="amount_regular"' in html
        assert f'<label class="donation__preset" for="don-regular-{value}">{value}{NBSP}€</label>' in html
    assert '<label class="donation__tab" for="don-regular">Mensuel</label>' in html
    assert '<label class="donation__tab" for="don-once">Ponctuel</label>' in html
    assert '<label for="don-libre">ou montant libre' in html
    assert 'id="don-libre" name="free_amount"' in html
    assert '<form class="donation__form" method="get" action="/don/"' in html


def test_editors_settings_change_the_presets_and_the_rate(client, donation_settings):
    donation_settings.monthly_presets = "5, 20, 30"
    donation_settings.monthly_default = 20
    donation_settings.tax_regime = TaxRegime.IFI
    donation_settings.full_clean()
    donation_settings.save()
    html = html_of(client)
    assert checked_values(html, "amount_regular") == ["20"]
    assert 'value="8"' not in html
    assert f"de 75{NNBSP}%, votre don ne vous coûtera que : 5,00{NBSP}€/mois" in html
    assert 'data-rate="75"' in html and 'data-cap-once="50000"' in html and 'data-cap-regular="4166.66"' in html


def test_the_one_off_default_frequency_renders_the_one_off_sentence(client, donation_settings):
    donation_settings.default_frequency = "once"
    donation_settings.save()
    html = html_of(client)
    assert checked_values(html, "frequency") == ["once"]
    assert f"votre don ne vous coûtera que : 34,00{NBSP}€<" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("monthly_presets", "8, -10, 15", "supérieur à zéro"),
        ("monthly_presets", "8, dix, 15", "n'est pas un montant en euros entiers"),
        ("monthly_presets", "8, 8, 15", "qu'une fois"),
        ("one_off_presets", " , ", "au moins un montant"),
        ("monthly_default", 12, "Le montant présélectionné doit figurer parmi les montants mensuels."),
        ("one_off_default", 99, "Le montant présélectionné doit figurer parmi les montants ponctuels."),
        ("one_off_presets", "80, 100, 20000", "dépasse le montant libre maximum"),
    ],
)
def test_invalid_presets_are_refused_with_a_french_message(donation_settings, field, value, message):
    setattr(donation_settings, field, value)
    with pytest.raises(ValidationError) as error:
        donation_settings.full_clean()
    assert message in str(error.value)


def test_the_default_settings_are_valid(donation_settings):
    donation_settings.full_clean()
    assert donation_settings.presets("regular") == [8, 10, 15]
    assert donation_settings.presets("once") == [80, 100, 250]


@pytest.mark.parametrize(
    ("query", "amount", "frequency"),
    [
        ("frequency=regular&amount_regular=15&amount_once=100", "1500", "regular"),
        ("frequency=once&amount_regular=15&amount_once=250", "25000", "once"),
        ("frequency=once&amount_once=100&free_amount=12,50", "1250", "once"),
        ("frequency=regular&amount_regular=8&free_amount=+1%C2%A0000+", "100000", "regular"),
    ],
)
def test_donner_redirects_to_the_platform_with_amount_in_cents_and_frequency(
    client, donation_settings, query, amount, frequency
):
    response = client.get(f"/don/?{query}")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "https://soutenir.amnesty.fr/"
    assert parse_qs(location.query) == {"amount": [amount], "frequency": [frequency]}


def test_the_platform_urls_own_query_string_is_kept(client, donation_settings):
    donation_settings.platform_url = "https://soutenir.amnesty.fr/don?campagne=proche-orient&amount=1"
    donation_settings.save()
    response = client.get("/don/?frequency=regular&amount_regular=10")
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query == {"campagne": ["proche-orient"], "amount": ["1000"], "frequency": ["regular"]}


@pytest.mark.parametrize(
    ("query", "message"),
    [
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
    ],
)
def test_bad_parameters_show_the_box_again_with_a_french_message_never_a_500(client, home_page, query, message):
    response = client.get(f"/don/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Faire un don</h1>" in html
    result = re.search(r'id="don(?:-2)?-resultat" aria-live="polite" data-donation-result>([^<]*)<', html)
    assert result is not None
    assert message in html
    assert "NaN" not in html.replace('value="NaN"', "")


def test_the_error_page_keeps_what_the_visitor_chose(client, home_page):
    html = client.get("/don/?frequency=once&amount_once=250&free_amount=abc").content.decode()
    assert 'value="abc" aria-describedby="don-resultat" aria-invalid="true"' in html
    assert 'name="frequency" value="once" checked' in html


def test_a_page_showing_the_box_twice_has_no_duplicate_ids(client, home_page):
    html = client.get("/don/?frequency=once&free_amount=abc").content.decode()
    assert html.count('class="donation"') == 2, "the header box and the page's box"
    ids = re.findall(r'\sid="([^"]+)"', html)
    duplicates = sorted({value for value in ids if ids.count(value) > 1})
    assert duplicates == []
    for match in re.finditer(r'(?:for|aria-describedby|aria-labelledby)="([^"]+)"', html):
        assert match.group(1) in ids, f"{match.group(0)} points at a missing id"
    assert html.count("js/donation.js") == 1


def test_posting_to_the_donation_view_is_refused_politely(client, home_page):
    assert client.post("/don/", {"frequency": "regular"}).status_code == 405


def test_editors_and_moderators_may_edit_the_donation_settings(db):
    for name in ["Rédacteurs", "Modérateurs"]:
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert "change_donationsettings" in codenames
        assert {"add_urgentbanner", "change_urgentbanner", "delete_urgentbanner"} <= codenames
