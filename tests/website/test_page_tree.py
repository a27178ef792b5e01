"""Where each page type may live in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.core.factories import default_home_page


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_only_one_home_page_can_exist(self):
        home = default_home_page()
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertTrue(HomePage.objects.filter(pk=home.pk).exists())

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editor_creates_a_standard_page_through_the_admin_form(self):
        home = default_home_page()
        self.login()
        self.assertCanCreate(
            home,
            StandardPage,
            {
                "title": "Nos campagnes",
                "slug": "nos-campagnes",
                "intro": "Les campagnes en cours.",
                "body-count": "0",
            },
        )
        page = StandardPage.objects.get(slug="nos-campagnes")
        self.assertEqual(page.get_parent().specific, home)

    def test_every_page_type_is_routable_and_renderable(self):
        home = default_home_page()
        page = home.add_child(instance=StandardPage(title="À propos", slug="a-propos", intro="Chapô"))
        preview_data = {
            home: {"title": "Accueil", "slug": "accueil", "hero_cta-count": "0", "body-count": "0"},
            page: {"title": "À propos", "slug": "a-propos", "intro": "Chapô modifié", "body-count": "0"},
        }
        for instance, post_data in preview_data.items():
            self.assertPageIsRoutable(instance)
            self.assertPageIsRenderable(instance)
            self.assertPageIsPreviewable(instance, post_data=post_data)
