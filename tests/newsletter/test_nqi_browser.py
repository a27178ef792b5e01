"""NQI as a visitor meets it in Chromium: latest issues, download, archive, feeds, accessibility."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INDEX = "/nouvelles-des-questions-internationales/"


def test_visitor_sees_three_latest_issues_and_downloads_a_real_pdf(page, site_url):
    page.goto(site_url + INDEX)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelles des Questions Internationales")
    latest = page.locator(".nqi-latest .nqi-card")
    expect(latest).to_have_count(3)
    expect(latest.first.locator(".nqi-card__month")).to_contain_text("Novembre 2026")
    expect(latest.first.locator("img")).to_have_attribute(
        "alt", "Couverture de « NQI n° 45 – novembre 2026 » : première page du PDF"
    )

    button = latest.first.get_by_role("link", name="Télécharger le PDF")
    expect(button).to_contain_text("pages)")
    expect(button).to_have_attribute("download", "nqi-2026-11.pdf")
    button.focus()
    expect(button).to_be_focused()

    response = page.request.get(site_url + button.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="nqi-2026-11.pdf"' in response.headers["content-disposition"]
    assert response.body().startswith(b"%PDF-")


def test_archive_by_year_and_feeds_are_advertised(page, site_url):
    page.goto(site_url + INDEX)
    expect(page.get_by_role("heading", level=3, name="2026")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="2025")).to_be_visible()
    expect(page.locator(".nqi-archive__list > li")).to_have_count(15)
    rss = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    expect(rss).to_have_count(1)
    feed = page.request.get(site_url + rss.get_attribute("href"))
    assert feed.status == 200 and "<rss" in feed.text() and "<enclosure" in feed.text()


def test_issue_page_links_to_its_neighbours(page, site_url):
    page.goto(site_url + INDEX + "nqi-2026-06/")
    pager = page.get_by_role("navigation", name="Autres numéros")
    pager.get_by_role("link", name="Numéro suivant").click()
    expect(page).to_have_url(site_url + INDEX + "nqi-2026-07/")
    expect(page.get_by_role("heading", level=2, name="Dans ce numéro")).to_be_visible()


def test_nqi_pages_have_no_axe_violations(page, site_url):
    axe = Axe()
    for path in [INDEX, INDEX + "nqi-2026-11/", "/amnesty-international-dans-le-monde/"]:
        page.goto(site_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], f"{path}: {violations}"
