"""The header's search box as a keyboard and screen reader user meets it, in headless Chromium,
on the demo site: an ARIA 1.2 combobox whose suggestions complete "secre" without its accent."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SECRETARIAT_PATH = "/amnesty-international-dans-le-monde/secretariat-international/"


def open_suggestions(page, site_url, typed="secre"):
    page.goto(site_url + "/")
    box = page.get_by_role("combobox", name="Rechercher sur le site")
    box.click()
    box.press_sequentially(typed, delay=30)
    listbox = page.get_by_role("listbox", name="Suggestions de recherche")
    expect(listbox).to_be_visible()
    return box, listbox


def test_typing_without_accent_suggests_the_secretariat_and_the_keyboard_opens_it(page, site_url):
    box, listbox = open_suggestions(page, site_url)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    secretariat = listbox.get_by_role("option", name=re.compile(r"^Secrétariat international"))
    expect(secretariat).to_be_visible()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_be_focused()

    options = listbox.get_by_role("option")
    target = next(
        i for i in range(options.count()) if options.nth(i).inner_text().startswith("Secrétariat international")
    )
    for _ in range(target + 1):
        page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", secretariat.get_attribute("id"))
    expect(secretariat).to_have_attribute("aria-selected", "true")
    expect(box).to_be_focused()  # the focus stays in the field: the active option is only referenced

    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + SECRETARIAT_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text("Secrétariat international")


def test_arrow_keys_move_the_active_option_and_come_back_to_the_field(page, site_url):
    box, listbox = open_suggestions(page, site_url, "internat")
    options = listbox.get_by_role("option")
    expect(options.nth(1)).to_be_visible()  # several suggestions
    count = options.count()
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))  # back to what was typed
    page.keyboard.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(count - 1).get_attribute("id"))


def test_escape_closes_the_list_and_keeps_what_was_typed(page, site_url):
    box, listbox = open_suggestions(page, site_url)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("secre")
    page.keyboard.press("ArrowDown")  # the list comes back from the keyboard
    expect(listbox).to_be_visible()


def test_the_live_region_says_how_many_suggestions_there_are(page, site_url):
    _box, listbox = open_suggestions(page, site_url, "internat")
    status = page.locator("[data-autocomplete-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    count = listbox.get_by_role("option").count()
    expect(status).to_have_text(re.compile(rf"^{count} suggestions disponibles\."))
    page.keyboard.type("zzzz")
    expect(status).to_have_text("Aucune suggestion.")
    expect(listbox).to_be_hidden()


def test_enter_without_an_active_option_submits_the_search_form(page, site_url):
    _box, _listbox = open_suggestions(page, site_url)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(site_url) + r"/recherche/\?q=secre$"))


def test_without_javascript_the_header_form_still_searches(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(site_url + "/")
        box = page.get_by_role("searchbox", name="Rechercher sur le site")
        box.fill("secretariat international")
        box.press("Enter")
        expect(page).to_have_url(re.compile(r"/recherche/\?q=secretariat\+international$"))
        expect(page.locator("main").get_by_role("link", name="Secrétariat international").first).to_be_visible()
    finally:
        context.close()


def test_the_open_combobox_has_no_axe_violations(page, site_url):
    box, listbox = open_suggestions(page, site_url, "internat")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(".+"))
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == []
