"""The site chrome as a keyboard user and a screen reader meet it, in headless Chromium."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_first_tab_focuses_the_visible_skip_link_and_following_it_moves_to_main(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Aller au contenu")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["width"] > 0, "the focused skip link must be on screen"
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/#contenu")
    expect(page.locator("main#contenu")).to_be_focused()
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused_in_main


def test_main_navigation_is_keyboard_operable(page, site_url):
    page.goto(site_url + "/")
    action = page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Agir")
    action.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/agir/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agir")


def test_home_and_standard_page_have_no_axe_violations(page, site_url):
    axe = Axe()
    for path in ["/", "/agir/signer-nos-petitions/", "/qui-sommes-nous/"]:
        page.goto(site_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], f"{path}: {violations}"
