"""The urgent banner in Chromium: closes by keyboard, stays closed, and follows its window on cached pages."""

import re
from datetime import UTC, datetime

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def banner_of(page):
    return page.get_by_role("complementary", name="Alerte urgente")


def test_without_javascript_the_banner_simply_stays_and_offers_no_useless_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + "/")
    banner = banner_of(page)
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("URGENCE PROCHE ORIENT")
    expect(banner).to_contain_text("Exigez avec nous la protection sans condition des populations civiles")
    expect(banner.get_by_role("button", name="Fermer le bandeau")).to_be_hidden()
    context.close()


def test_the_banner_comes_right_after_the_skip_link_and_closes_by_keyboard_for_good(page, site_url):
    page.goto(site_url + "/")
    banner = banner_of(page)
    expect(banner).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(banner.get_by_role("link", name="Je me mobilise")).to_be_focused()
    page.keyboard.press("Tab")
    close = banner.get_by_role("button", name="Fermer le bandeau")
    expect(close).to_be_focused()
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    # Focus is not lost on <body>: it moves to what followed the banner, the site logo.
    expect(page.locator("a.site-logo")).to_be_focused()

    page.goto(site_url + "/qui-sommes-nous/")
    expect(page.locator("[data-banner]")).to_be_hidden()
    page.reload()
    expect(page.locator("[data-banner]")).to_be_hidden()


def test_closing_one_banner_does_not_hide_a_new_one(page, site_url):
    page.goto(site_url + "/")
    banner_id = page.locator("[data-banner]").get_attribute("data-banner-id")
    # A visitor who closed an earlier banner (another id) still sees this one.
    page.evaluate("(id) => localStorage.setItem('amnesty:bandeau-ferme:' + id, '1')", str(int(banner_id) + 1000))
    page.reload()
    expect(banner_of(page)).to_be_visible()
    page.evaluate("(id) => localStorage.setItem('amnesty:bandeau-ferme:' + id, '1')", banner_id)
    page.reload()
    expect(page.locator("[data-banner]")).to_be_hidden()


def rewrite_html(page, site_url, change):
    """Serve '/' as a stale cached copy would: the HTML rendered earlier, rewritten by `change`."""

    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    page.route(site_url + "/", handle)


def test_a_cached_page_hides_the_banner_once_its_end_has_passed(page, site_url):
    rewrite_html(page, site_url, lambda html: html.replace('data-end=""', 'data-end="2026-10-15T12:00:00+00:00"'))
    page.clock.install(time=datetime(2026, 10, 15, 11, 59, 0, tzinfo=UTC))
    page.goto(site_url + "/")
    expect(banner_of(page)).to_be_visible()
    page.clock.fast_forward("02:00")
    expect(page.locator("[data-banner]")).to_be_hidden()


def test_a_cached_page_shows_the_next_banner_at_its_start(page, site_url):
    # The server renders the banner due next with `hidden`; here the only banner starts in the future.
    def upcoming(html):
        html = re.sub(r'data-start="[^"]*"', 'data-start="2030-01-01T08:00:00+00:00"', html)
        return html.replace('data-end="">', 'data-end="" hidden>')

    rewrite_html(page, site_url, upcoming)
    page.clock.install(time=datetime(2030, 1, 1, 7, 59, 0, tzinfo=UTC))
    page.goto(site_url + "/")
    expect(page.locator("[data-banner]")).to_be_hidden()
    page.clock.fast_forward("02:00")
    expect(banner_of(page)).to_be_visible()


def test_a_page_with_the_banner_and_the_box_has_no_axe_violations(page, site_url):
    page.goto(site_url + "/qui-sommes-nous/")
    expect(banner_of(page)).to_be_visible()
    expect(page.locator("header [data-donation-result]")).to_contain_text("5,10")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == []


def test_the_banner_causes_no_layout_shift(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_load_state("load")
    shift = page.evaluate(
        """() => new Promise((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 500);
        })"""
    )
    assert shift == 0


LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 500);
})"""


def test_a_closed_banner_is_hidden_from_the_first_paint_on_the_next_pages(page, site_url):
    page.goto(site_url + "/")
    banner_of(page).get_by_role("button", name="Fermer le bandeau").click()
    expect(banner_of(page)).to_be_hidden()

    # Record, from the very first frame, whether the banner was ever painted on the next page.
    page.add_init_script(
        """window.__bannerSeen = false;
        new MutationObserver(() => {
            const el = document.querySelector('[data-banner-current]');
            if (el && el.getClientRects().length) window.__bannerSeen = true;
        }).observe(document, {childList: true, subtree: true});"""
    )
    for path in ["/qui-sommes-nous/", "/agir/", "/qui-sommes-nous/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate(LAYOUT_SHIFT) == 0, path
        assert page.evaluate("window.__bannerSeen") is False, path
        expect(page.locator("[data-banner-current]")).to_be_hidden()
        # Once banner.js runs, the <html> mark is gone and `hidden` alone decides.
        expect(page.locator("html")).not_to_have_class(re.compile("urgent-banner-closed"))
