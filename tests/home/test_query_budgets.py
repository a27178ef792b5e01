"""Each public page type renders in a fixed number of queries, whatever the amount of content."""

from bs4 import BeautifulSoup
from django.test import TestCase

from core.demo import stream
from tests.core.factories import SiteImageFactory
from tests.home.content import furnish_home_page, set_navigation
from tests.home.factories import StandardPageFactory
from tests.query_budget import assert_budget_holds

# Budgets per page type (anonymous visitor, warm caches). Raise them only with a reason.
# +2 since the donation box and urgent banner (campaigns): settings + banners. Standard: +1 for its main
# image (the demo page first measured had none).
BUDGETS = {"home": 17, "standard": 16}


class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = StandardPageFactory(
            slug="rubrique",
            image=SiteImageFactory(),
            body=stream("rubrique", [("heading", {"text": "Titre", "level": "h2"}), ("paragraph", "<p>Texte</p>")]),
        )
        # One child already: a page without children does not even look for them (treebeard's leaf shortcut).
        StandardPageFactory(parent=cls.section)
        cls.cards = StandardPageFactory.create_batch(2)
        cls.home = furnish_home_page(
            hero_image=SiteImageFactory(), hero_link=cls.section, cards=cls.cards, call_to_action=cls.section
        )
        set_navigation(main_menu=cls.cards, action_link=cls.section, footer_links=cls.cards)

    def soup_for(self, url):
        return BeautifulSoup(self.client.get(url).content, "html.parser")

    def test_home_page_budget_does_not_grow_with_children_or_cards(self):
        def grow():
            children = StandardPageFactory.create_batch(20)
            self.home.body[0].value["pages"].extend(children)
            self.home.save_revision().publish()

        assert_budget_holds(self.client, "/", BUDGETS["home"], grow)
        self.assertEqual(len(self.soup_for("/").select(".card")), 22)

    def test_standard_page_budget_does_not_grow_with_children(self):
        assert_budget_holds(
            self.client,
            self.section.url,
            BUDGETS["standard"],
            lambda: StandardPageFactory.create_batch(20, parent=self.section),
        )
        self.assertEqual(len(self.soup_for(self.section.url).select(".subpages li")), 21)
