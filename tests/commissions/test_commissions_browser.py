"""A visitor reaches the commission from the home page, reads its FAQ and filters the register."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
COMMISSION = "/commissions-et-regions-mondiales/protegeons-les-personnes/"
REGISTER = COMMISSION + "dossiers-d-intervention/"


def test_visitor_reaches_the_commission_from_home_and_reads_the_faq_headings(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Commissions et régions mondiales"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Commissions et régions mondiales")
    expect(page.get_by_role("heading", level=2, name="Régions mondiales")).to_be_visible()
    page.get_by_role("link", name="Commission Protégeons les personnes").click()
    expect(page).to_have_url(site_url + COMMISSION)

    faq = page.locator("section.faq")
    expect(faq.get_by_role("heading", level=2)).to_have_text("Les dossiers d'intervention en questions")
    questions = faq.get_by_role("heading", level=3)
    expect(questions).to_have_count(5)
    expect(questions.first).to_have_text("Qu'est-ce qu'un dossier d'intervention ?")
    expect(page.get_by_role("link", name="protegeonslespersonnes@amnesty.fr").first).to_have_attribute(
        "href", "mailto:protegeonslespersonnes@amnesty.fr"
    )
    expect(page.locator("figure.testimonial blockquote")).to_have_count(3)
    expect(page.get_by_role("heading", name="Comité Fonds d'aide aux victimes et aux défenseurs")).to_be_visible()


def test_visitor_filters_the_register_with_the_plain_get_form(page, site_url):
    page.goto(site_url + REGISTER)
    cards = page.locator(".dossier-list .card__title")
    expect(cards).to_have_text(["Ioulia Tsvetkova", "Bernardo Caal", "Atena Daemi"])
    expect(page.get_by_label("Pays").locator("option")).not_to_contain_text(["Honduras"])

    page.get_by_label("Pays").select_option("Iran")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(site_url + REGISTER + "?pays=Iran&statut=")
    expect(cards).to_have_text(["Atena Daemi"])
    expect(page.get_by_label("Pays")).to_have_value("Iran")

    page.get_by_label("Pays").select_option("")
    page.get_by_label("Statut").select_option("libere")
    page.get_by_role("button", name="Filtrer").press("Enter")  # keyboard submission
    expect(cards).to_have_text(["Bernardo Caal", "Atena Daemi"])

    page.get_by_role("link", name="Bernardo Caal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bernardo Caal")


def test_register_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + REGISTER)
    page.get_by_label("Statut").select_option("acquitte")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator(".dossier-list .card__title")).to_have_text(["Ioulia Tsvetkova"])
    context.close()


def test_commission_page_and_register_have_no_axe_violations(page, site_url):
    axe = Axe()
    for path in ["/commissions-et-regions-mondiales/", COMMISSION, REGISTER, REGISTER + "?pays=Iran"]:
        page.goto(site_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], f"{path}: {violations}"
