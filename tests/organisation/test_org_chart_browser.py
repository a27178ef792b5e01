"""The organisation chart as a screen reader and a phone user meet it, in headless Chromium."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ORG_PATH = "/amnesty-international-dans-le-monde/"
ORG_PAGES = [
    ORG_PATH,
    ORG_PATH + "secretariat-international/",
    ORG_PATH + "sections-nationales/",
    ORG_PATH + "membres-internationaux/",
]

# How deep each entry of the chart sits: the number of list items that contain its heading.
NESTING_SCRIPT = """
chart => Array.from(chart.querySelectorAll('h3, h4, h5, h6')).map(heading => {
    let depth = 0;
    for (let node = heading.parentElement; node && node !== chart; node = node.parentElement) {
        if (node.tagName === 'LI') depth += 1;
    }
    return [heading.textContent.trim(), Number(heading.tagName[1]), depth];
})
"""


def test_org_chart_reads_as_nested_lists_from_the_assembly_down_to_the_sections(page, site_url):
    page.goto(site_url + ORG_PATH)
    chart = page.get_by_role("region", name="Organigramme du mouvement")
    expect(chart.get_by_role("img")).to_have_count(0)
    expect(chart).to_match_aria_snapshot(
        """
        - heading "Organigramme du mouvement" [level=2]
        - list "Organigramme d'Amnesty International":
          - listitem:
            - heading "Assemblée mondiale" [level=3]
            - 'list "Sous l''autorité de : Assemblée mondiale"':
              - listitem:
                - heading "Bureau exécutif international (BEI)" [level=4]
                - 'list "Sous l''autorité de : Bureau exécutif international (BEI)"':
                  - listitem:
                    - heading "Secrétariat international" [level=5]
                    - list "Au sein du Secrétariat international":
                      - listitem:
                        - heading "Secrétaire générale" [level=6]
                        - paragraph: Agnès Callamard
                      - listitem:
                        - heading "Bureaux régionaux" [level=6]
                        - list "Bureaux régionaux ouverts":
                          - listitem: Dakar (Afrique)
                    - list "En lien avec le Secrétariat international":
                      - listitem:
                        - heading "Les sections nationales" [level=6]
                        - paragraph: Présentes dans plus de 70 pays
        """
    )
    # Each rank sits one list level below the previous one, and its heading level says the same.
    levels = chart.evaluate(NESTING_SCRIPT)
    assert levels == [
        ["Assemblée mondiale", 3, 1],
        ["Bureau exécutif international (BEI)", 4, 2],
        ["Secrétariat international", 5, 3],
        ["Secrétaire générale", 6, 4],
        ["Bureaux régionaux", 6, 4],
        ["Les sections nationales", 6, 4],
    ]
    # Closed offices are not in the chart; they have their own section below.
    offices = chart.get_by_role("list", name="Bureaux régionaux ouverts").get_by_role("listitem")
    expect(offices).to_have_count(5)
    expect(offices.filter(has_text="Moscou")).to_have_count(0)
    closed = page.get_by_role("region", name="Bureaux contraints de fermer")
    expect(closed.get_by_role("heading", level=4)).to_have_text(["Hong Kong", "Moscou"])


def test_org_chart_is_drawn_as_a_diagram_and_fits_a_phone_screen(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + ORG_PATH)
    chart = page.get_by_role("region", name="Organigramme du mouvement")
    chart.scroll_into_view_if_needed()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
    # The diagram: each lower level is indented under its parent and joined to it by a line.
    boxes = [
        chart.get_by_role("heading", name=name, exact=True)
        for name in ("Assemblée mondiale", "Bureau exécutif international (BEI)", "Secrétariat international")
    ]
    lefts = [box.bounding_box()["x"] for box in boxes]
    assert lefts[0] < lefts[1] < lefts[2], lefts
    for box in boxes:
        right = box.bounding_box()["x"] + box.bounding_box()["width"]
        assert right <= 360, right
    line = chart.locator("ol.org-chart__level").first.evaluate("el => getComputedStyle(el).borderLeftStyle")
    assert line == "solid"


def test_chart_links_lead_to_the_body_and_the_office_list_by_keyboard(page, site_url):
    page.goto(site_url + ORG_PATH)
    chart = page.get_by_role("region", name="Organigramme du mouvement")
    link = chart.get_by_role("link", name="Bureau exécutif international (BEI)")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + ORG_PATH + "#instance-bei")
    expect(page.get_by_role("region", name="Bureau exécutif international (BEI)")).to_contain_text(
        "Rend compte à : Assemblée mondiale"
    )
    chart.get_by_role("link", name="Les sections nationales").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les sections nationales")


def test_organisation_pages_have_no_axe_violations(page, site_url):
    axe = Axe()
    for path in ORG_PAGES:
        page.goto(site_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], f"{path}: {violations}"
