"""The donation box in Chromium: right without JavaScript, live and exact with it."""

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

CASES = json.loads((Path(__file__).parents[2] / "campaigns" / "donation_cases.json").read_text())
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NBSP = "\u00a0"
PLATFORM = "https://soutenir.amnesty.fr/**"


def result_of(page):
    return page.locator("header [data-donation-result]")


def intercept_platform(context, seen):
    """No internet in tests: answer for the donation platform and remember where we were sent."""

    def fulfil(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>Plateforme de don</p>")

    context.route(PLATFORM, fulfil)


def test_without_javascript_fifteen_euros_a_month_cost_five_euros_ten_and_donner_works(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    seen = []
    intercept_platform(context, seen)
    page = context.new_page()
    page.goto(site_url + "/qui-sommes-nous/")
    result = result_of(page)
    assert result.text_content() == (
        f"Grâce à la réduction d'impôts de 66\u202f%, votre don ne vous coûtera que : 5,10{NBSP}€/mois"
    )
    # CSS alone shows the chosen frequency's amounts.
    expect(page.locator("header").get_by_text("15 €", exact=True)).to_be_visible()
    expect(page.locator("header").get_by_text("250 €", exact=True)).to_be_hidden()
    page.locator("header").get_by_text("Ponctuel", exact=True).click()
    expect(page.locator("header").get_by_text("250 €", exact=True)).to_be_visible()
    page.locator("header").get_by_text("250 €", exact=True).click()
    page.locator("header").get_by_role("button", name="Donner").click()
    page.wait_for_url(PLATFORM)
    assert parse_qs(urlsplit(seen[-1]).query) == {"amount": ["25000"], "frequency": ["once"]}
    context.close()


def test_without_javascript_a_bad_free_amount_comes_back_with_a_french_message(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + "/")
    box = page.locator("header")
    box.get_by_label("ou montant libre").fill("abc")
    box.get_by_role("button", name="Donner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Faire un don")
    expect(page.locator("main [data-donation-result]")).to_have_text(
        "Saisissez un montant en chiffres, par exemple 20 ou 12,50."
    )
    context.close()


def test_with_javascript_the_live_region_follows_the_visitors_choice(page, site_url):
    page.goto(site_url + "/")
    box = page.locator("header")
    result = result_of(page)
    expect(result).to_have_attribute("aria-live", "polite")
    expect(result).to_have_text(
        f"Grâce à la réduction d'impôts de 66\u202f%, votre don ne vous coûtera que : 5,10{NBSP}€/mois"
    )

    box.get_by_text("10 €", exact=True).click()
    expect(box.get_by_role("radio", name="10 €")).to_be_checked()
    expect(result).to_have_text(
        f"Grâce à la réduction d'impôts de 66\u202f%, votre don ne vous coûtera que : 3,40{NBSP}€/mois"
    )

    free = box.get_by_label("ou montant libre")
    free.fill("abc")
    expect(result).to_have_text("Saisissez un montant en chiffres, par exemple 20 ou 12,50.")
    expect(free).to_have_attribute("aria-invalid", "true")
    expect(box.get_by_role("radio", name="10 €")).not_to_be_checked()
    for text, message in [
        ("", "Indiquez un montant en euros."),
        ("-5", "Le montant doit être supérieur à zéro."),
        ("20000", f"Le montant libre ne peut pas dépasser 10\u202f000,00{NBSP}€."),
    ]:
        free.fill(text)
        expect(result).to_have_text(message)
    assert "NaN" not in page.locator("body").inner_text()

    free.fill("1 234,56")
    expect(result).to_contain_text(f"ne vous coûtera que : 419,75{NBSP}€/mois")
    expect(free).to_have_attribute("aria-invalid", "false")

    box.get_by_text("Ponctuel", exact=True).click()
    free.fill("")
    box.get_by_text("100 €", exact=True).click()
    expect(result).to_have_text(
        f"Grâce à la réduction d'impôts de 66\u202f%, votre don ne vous coûtera que : 34,00{NBSP}€"
    )


def test_switching_frequency_shows_the_one_off_cost_of_the_preselected_hundred_euros(page, site_url):
    page.goto(site_url + "/")
    box = page.locator("header")
    box.get_by_text("Ponctuel", exact=True).click()
    expect(result_of(page)).to_have_text(
        f"Grâce à la réduction d'impôts de 66\u202f%, votre don ne vous coûtera que : 34,00{NBSP}€"
    )
    expect(box.get_by_text("80 €", exact=True)).to_be_visible()
    expect(box.get_by_text("8 €", exact=True)).to_be_hidden()


def test_the_box_is_operable_by_keyboard_with_arrow_keys_in_radio_groups(page, site_url):
    page.goto(site_url + "/")
    box = page.locator("header")
    box.get_by_role("radio", name="Mensuel").focus()
    page.keyboard.press("ArrowRight")
    expect(box.get_by_role("radio", name="Ponctuel")).to_be_checked()
    expect(result_of(page)).to_contain_text(f"34,00{NBSP}€")
    page.keyboard.press("Tab")
    expect(box.get_by_role("radio", name="100 €")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(box.get_by_role("radio", name="250 €")).to_be_checked()
    expect(result_of(page)).to_contain_text(f"85,00{NBSP}€")


def test_donner_sends_the_visitor_to_the_platform_with_cents_and_frequency(page, site_url):
    seen = []
    intercept_platform(page.context, seen)
    page.goto(site_url + "/")
    box = page.locator("header")
    box.get_by_label("ou montant libre").fill("12,50")
    box.get_by_role("button", name="Donner").click()
    page.wait_for_url(PLATFORM)
    assert parse_qs(urlsplit(seen[-1]).query) == {"amount": ["1250"], "frequency": ["regular"]}


def test_an_invalid_free_amount_is_not_submitted_and_focus_returns_to_the_field(page, site_url):
    page.goto(site_url + "/")
    box = page.locator("header")
    free = box.get_by_label("ou montant libre")
    free.fill("abc")
    box.get_by_role("button", name="Donner").click()
    expect(free).to_be_focused()
    assert urlsplit(page.url).path == "/"


def test_the_javascript_twin_agrees_with_every_case_of_the_shared_table(page, site_url):
    page.goto(site_url + "/")
    results = page.evaluate(
        """(cases) => ({
            costs: cases.costs.map((c) => {
                const cost = window.AmnestyDonation.costAfterTaxReduction(c.amount, c.rate, c.cap);
                return [cost, window.AmnestyDonation.formatEuros(cost)];
            }),
            parse: cases.parse.map((c) => window.AmnestyDonation.parseAmount(c.input, c.maximum)),
        })""",
        CASES,
    )
    for case, (cost, formatted) in zip(CASES["costs"], results["costs"], strict=True):
        assert (cost, formatted) == (case["cost"], case["formatted"]), case["label"]
    for case, parsed in zip(CASES["parse"], results["parse"], strict=True):
        assert (parsed["amount"], parsed["error"]) == (case["amount"], case["error"]), case["input"]


def test_pages_with_the_box_have_no_axe_violations_with_or_without_an_error(page, site_url):
    axe = Axe()
    for path in ["/", "/don/?frequency=once&free_amount=abc"]:
        page.goto(site_url + path)
        page.locator("header").get_by_label("ou montant libre").fill("abc")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], f"{path}: {violations}"
