"""What an anonymous visitor gets on the home page and on standard pages."""

import re

from bs4 import BeautifulSoup
from django.test import TestCase

from core.demo import stream
from tests.core.factories import SiteImageFactory
from tests.home.content import FOCUSABLE, furnish_home_page, set_navigation
from tests.home.factories import StandardPageFactory


class PageRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.about = StandardPageFactory(
            title="Qui sommes-nous ?",
            slug="qui-sommes-nous",
            intro="Un mouvement mondial.",
            image=SiteImageFactory(description="Des militantes devant une banderole"),
            body=stream(
                "about",
                [
                    ("heading", {"text": "Un mouvement indépendant", "level": "h2"}),
                    ("paragraph", "<p>Né en 1961.</p>"),
                    ("quote", {"quote": "Ne pas les oublier.", "attribution": "Amnesty International France"}),
                ],
            ),
        )
        cls.act = StandardPageFactory(title="Agir", slug="agir", intro="Chacun peut agir pour les droits humains.")
        cls.petitions = StandardPageFactory(
            parent=cls.act,
            title="Signer nos pétitions",
            slug="signer-nos-petitions",
            body=stream(
                "petitions",
                [
                    (
                        "table",
                        {
                            "caption": "Ce que devient votre signature",
                            "table": {
                                "data": [["Étape", "Ce qui se passe"], ["Remise", "Portée aux autorités."]],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    )
                ],
            ),
        )
        cls.groups = StandardPageFactory(parent=cls.act, title="Rejoindre un groupe local")
        StandardPageFactory(parent=cls.act, title="Brouillon pas encore publié", live=False)
        cls.contact = StandardPageFactory(title="Contact", slug="contact", intro="Pour toute question.")
        cls.legal = StandardPageFactory(title="Mentions légales", show_in_menus=False)
        cls.hero_image = SiteImageFactory(description="Bandes diagonales noires sur fond jaune")
        cls.home = furnish_home_page(
            hero_image=cls.hero_image,
            hero_link=cls.act,
            cards=[cls.about, cls.act, cls.petitions, cls.groups],
            call_to_action=cls.contact,
        )
        set_navigation(main_menu=[cls.about], action_link=cls.act, footer_links=[cls.contact, cls.legal])
        cls.urls = ["/", cls.about.url, cls.act.url, cls.petitions.url, cls.contact.url]

    def soup_for(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return BeautifulSoup(response.content, "html.parser")

    def test_home_page_shows_its_hero_introduction_and_cards(self):
        soup = self.soup_for("/")
        self.assertEqual(soup.html["lang"], "fr")
        self.assertEqual([h1.get_text(strip=True) for h1 in soup.find_all("h1")], ["Défendre les droits humains"])
        self.assertEqual(soup.select_one(".hero__lead").get_text(strip=True), self.home.hero_text)
        hero_link = soup.select_one(".hero a.button")
        self.assertEqual((hero_link["href"], hero_link.get_text(strip=True)), ("/agir/", "Agir avec nous"))
        self.assertEqual(soup.select_one(".hero__image img")["alt"], "Bandes diagonales noires sur fond jaune")
        self.assertEqual(soup.select_one(".intro strong").get_text(), "millions")
        cards = [(a.get_text(strip=True), a["href"]) for a in soup.select(".card__title a")]
        self.assertEqual(
            cards,
            [
                ("Qui sommes-nous ?", "/qui-sommes-nous/"),
                ("Agir", "/agir/"),
                ("Signer nos pétitions", "/agir/signer-nos-petitions/"),
                ("Rejoindre un groupe local", self.groups.url),
            ],
        )
        self.assertIn("Un mouvement mondial.", soup.select_one(".card").get_text())

    def test_every_internal_link_on_the_home_page_answers(self):
        soup = self.soup_for("/")
        internal = {a["href"] for a in soup.select("a[href^='/']") if a["href"] != "/"}
        expected = {self.about.url, self.act.url, self.petitions.url, self.groups.url, self.contact.url}
        self.assertEqual(internal, expected | {self.legal.url})
        for href in internal:
            self.assertEqual(self.client.get(href).status_code, 200, href)

    def test_skip_link_is_first_focusable_and_points_at_main(self):
        for url in self.urls:
            with self.subTest(url=url):
                soup = self.soup_for(url)
                first = soup.select(FOCUSABLE)[0]
                self.assertEqual(first.get_text(strip=True), "Aller au contenu")
                self.assertEqual(soup.find(id=first["href"].removeprefix("#")).name, "main")

    def test_standard_page_shows_its_content_published_children_and_breadcrumbs(self):
        soup = self.soup_for("/agir/")
        self.assertEqual(soup.h1.get_text(strip=True), "Agir")
        self.assertEqual(soup.select_one(".lead").get_text(strip=True), "Chacun peut agir pour les droits humains.")
        children = [a.get_text(strip=True) for a in soup.select(".subpages a")]
        self.assertEqual(children, ["Signer nos pétitions", "Rejoindre un groupe local"])
        soup = self.soup_for("/agir/signer-nos-petitions/")
        crumbs = [(a.get_text(strip=True), a["href"]) for a in soup.select(".breadcrumbs a")]
        self.assertEqual(
            crumbs, [("Accueil", "/"), ("Agir", "/agir/"), ("Signer nos pétitions", "/agir/signer-nos-petitions/")]
        )
        self.assertIsNone(soup.select_one(".subpages"), "a page without children lists none")

    def test_standard_page_shows_its_main_image_with_its_alt_text_and_credit(self):
        figure = self.soup_for("/qui-sommes-nous/").select_one("figure.figure--main")
        self.assertEqual(figure.img["alt"], "Des militantes devant une banderole")
        self.assertEqual(figure.figcaption.get_text(strip=True), "© Amnesty International")

    def test_blocks_render_as_semantic_html(self):
        table = self.soup_for("/agir/signer-nos-petitions/").select_one(".table-wrapper table")
        self.assertEqual(table.caption.get_text(strip=True), "Ce que devient votre signature")
        self.assertEqual([th.get_text(strip=True) for th in table.select("thead th")], ["Étape", "Ce qui se passe"])
        soup = self.soup_for("/qui-sommes-nous/")
        self.assertEqual(soup.select_one("h2#un-mouvement-independant").get_text(), "Un mouvement indépendant")
        quote = soup.select_one("figure.quote")
        self.assertEqual(quote.blockquote.get_text(strip=True), "Ne pas les oublier.")
        self.assertEqual(quote.figcaption.get_text(strip=True), "Amnesty International France")

    def test_title_and_meta_description_come_from_seo_fields(self):
        def title_and_description(url):
            soup = self.soup_for(url)
            return soup.title.get_text(), soup.find("meta", attrs={"name": "description"})["content"]

        self.assertEqual(
            title_and_description("/contact/"), ("Contact | Amnesty International France", "Pour toute question.")
        )
        self.assertEqual(
            title_and_description("/")[1], "Des millions de personnes se mobilisent.", "the home page's introduction"
        )
        page = self.contact
        page.seo_title = "Nous écrire"
        page.search_description = "Écrire à Amnesty International France."
        page.save_revision().publish()
        self.assertEqual(
            title_and_description("/contact/"),
            ("Nous écrire | Amnesty International France", "Écrire à Amnesty International France."),
        )

    def test_header_navigation_and_footer_come_from_settings(self):
        soup = self.soup_for("/qui-sommes-nous/")
        links = soup.find("nav", attrs={"aria-label": "Menu principal"}).find_all("a")
        self.assertEqual([a.get_text(strip=True) for a in links], ["Qui sommes-nous ?", "Agir"])
        self.assertEqual(links[0].get("aria-current"), "page", "the menu marks the current page")
        self.assertIn("button", links[-1]["class"], "the action link is the header's button")
        footer = [(a.get_text(strip=True), a["href"]) for a in soup.select("footer a")]
        self.assertEqual(footer, [("Contact", "/contact/"), ("Mentions légales", self.legal.url)])

    def test_unknown_url_gets_a_french_404(self):
        response = self.client.get("/cette-page-n-existe-pas/")
        self.assertContains(response, "Page introuvable", status_code=404)

    def test_no_inline_script_or_style_attribute(self):
        for url in self.urls:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html))
                self.assertNotIn(' style="', html)
