"""What an anonymous visitor gets on each page type of the demo site."""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import StandardPage

FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


def soup_for(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_its_hero_intro_and_cards(client, demo_site):
    soup = soup_for(client, "/")
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text(strip=True) == "Défendre les droits humains, partout dans le monde"
    cards = [a.get_text(strip=True) for a in soup.select(".card__title a")]
    assert cards == [
        "Qui sommes-nous ?",
        "Agir",
        "Signer nos pétitions",
        "Rejoindre un groupe local",
        "Devenir bénévole",
        "Faire un don",
    ]
    hero_img = soup.select_one(".hero__image img")
    assert hero_img["alt"].startswith("Motif de bandes diagonales")


def test_home_page_links_reach_at_least_eight_pages(client, demo_site):
    soup = soup_for(client, "/")
    internal = {a["href"] for a in soup.select("a[href^='/']") if a["href"] != "/"}
    assert len(internal) >= 8, internal
    for href in internal:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("url", ["/", "/qui-sommes-nous/", "/agir/signer-nos-petitions/"])
def test_skip_link_is_first_focusable_and_points_at_main(client, demo_site, url):
    soup = soup_for(client, url)
    first = soup.select(FOCUSABLE)[0]
    assert first.get_text(strip=True) == "Aller au contenu"
    target = first["href"].removeprefix("#")
    assert soup.find(id=target).name == "main"


def test_standard_page_shows_its_content_children_and_breadcrumbs(client, demo_site):
    soup = soup_for(client, "/agir/")
    assert soup.h1.get_text(strip=True) == "Agir"
    assert "chacun peut agir" in soup.select_one(".lead").get_text()
    children = [a.get_text(strip=True) for a in soup.select(".subpages a")]
    assert children == ["Signer nos pétitions", "Rejoindre un groupe local", "Devenir bénévole"]
    crumbs = [a.get_text(strip=True) for a in soup.select(".breadcrumbs a")]
    assert crumbs == ["Accueil", "Agir"]


def test_blocks_render_as_semantic_html(client, demo_site):
    soup = soup_for(client, "/agir/signer-nos-petitions/")
    table = soup.select_one(".table-wrapper table")
    assert table.caption.get_text(strip=True) == "Ce que devient votre signature"
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Étape", "Ce qui se passe"]
    soup = soup_for(client, "/qui-sommes-nous/")
    assert soup.select_one("h2#un-mouvement-independant")
    quote = soup.select_one("figure.quote")
    assert "socle de notre mission" in quote.blockquote.get_text()
    assert quote.figcaption.get_text(strip=True) == "Amnesty International France"


def test_title_and_meta_description_come_from_seo_fields(client, demo_site):
    page = StandardPage.objects.get(slug="contact")
    soup = soup_for(client, "/contact/")
    assert soup.title.get_text() == "Contact | Amnesty International France"
    assert soup.find("meta", attrs={"name": "description"})["content"] == page.intro
    page.seo_title = "Nous écrire"
    page.search_description = "Écrire à Amnesty International France."
    page.save_revision().publish()
    soup = soup_for(client, "/contact/")
    assert soup.title.get_text() == "Nous écrire | Amnesty International France"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Écrire à Amnesty International France."


def test_header_navigation_and_footer_come_from_settings(client, demo_site):
    soup = soup_for(client, "/")
    nav = soup.find("nav", attrs={"aria-label": "Menu principal"})
    labels = [a.get_text(strip=True) for a in nav.find_all("a")]
    assert labels[-1] == "Agir"
    assert "button" in nav.find_all("a")[-1]["class"]
    footer = [a.get_text(strip=True) for a in soup.select("footer a")]
    assert {"Mentions légales", "Données personnelles", "Accessibilité"} <= set(footer)


def test_unknown_url_gets_a_french_404(client, demo_site):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_no_inline_script_or_style_attribute(client, demo_site):
    html = client.get("/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert ' style="' not in html
