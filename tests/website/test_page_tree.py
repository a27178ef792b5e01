"""Where each page type may live in the tree, for every page type of the site.

The table below is the specification; a page type added without a row fails
`test_the_table_covers_every_page_type`. Each type is then built by its factory (which builds its
parents), served, rendered, opened in the admin, and checked against Wagtail's own tree rules.
"""

from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.text import capfirst
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from commissions.models import CommissionIndexPage, CommissionPage, DossierRegisterPage
from home.models import HomePage, StandardPage
from newsletter.models import NQIIndexPage, NQIIssuePage
from organisation.models import (
    InternationalMembershipPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    OrganisationIndexPage,
)
from tests.core.factories import default_home_page

OUR_APPS = {"core", "home", "organisation", "commissions", "newsletter", "campaigns", "search"}

# page type: (allowed parents, allowed children, singleton)
TREE = {
    HomePage: ({Page}, {StandardPage, CommissionIndexPage, OrganisationIndexPage, NQIIndexPage}, True),
    StandardPage: ({HomePage, StandardPage}, {StandardPage}, False),
    OrganisationIndexPage: (
        {HomePage},
        {InternationalSecretariatPage, NationalSectionsPage, InternationalMembershipPage},
        True,
    ),
    InternationalSecretariatPage: ({OrganisationIndexPage}, set(), True),
    NationalSectionsPage: ({OrganisationIndexPage}, set(), True),
    InternationalMembershipPage: ({OrganisationIndexPage}, set(), True),
    CommissionIndexPage: ({HomePage}, {CommissionPage, DossierRegisterPage}, True),
    CommissionPage: ({CommissionIndexPage}, {DossierRegisterPage}, False),
    DossierRegisterPage: ({CommissionPage, CommissionIndexPage}, set(), False),
    NQIIndexPage: ({HomePage}, {NQIIssuePage}, True),
    NQIIssuePage: ({NQIIndexPage}, set(), False),
}


def build(model):
    """A live instance of `model` in a valid tree, from its app's factory."""
    factories = import_module(f"tests.{model._meta.app_label}.factories")
    return getattr(factories, f"{model.__name__}Factory")()


def test_the_table_covers_every_page_type():
    ours = {model for model in get_page_models() if model._meta.app_label in OUR_APPS}
    assert ours == set(TREE)


@pytest.mark.parametrize("model", list(TREE), ids=lambda model: model.__name__)
class TestEveryPageType:
    def test_tree_rules_are_the_specified_ones(self, model):
        parents, children, singleton = TREE[model]
        assert set(model.allowed_parent_page_models()) == parents
        assert set(model.allowed_subpage_models()) == children
        assert (model.max_count == 1) is singleton

    def test_its_factory_builds_it_under_an_allowed_parent_and_it_is_served(self, model, client, db):
        page = build(model)
        assert isinstance(page.get_parent().specific, tuple(TREE[model][0]))
        assert page.live
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.content.decode().count("<h1") == 1
        assert page.title in response.content.decode()

    def test_it_opens_in_the_admin_in_french(self, model, client, db):
        page = build(model)
        client.force_login(get_user_model().objects.create_superuser("admin-arbre", "a@example.org", "x"))
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="fr"' in html
        assert f"Modification de {escape(capfirst(model._meta.verbose_name))}" in html


class PageTreeAssertionsTests(WagtailPageTestCase):
    """Wagtail's own assertions, for each rule of the table."""

    def test_wagtail_agrees_with_the_table(self):
        for model, (parents, children, _singleton) in TREE.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)
                self.assertAllowedSubpageTypes(model, children)

    def test_every_page_type_is_routable_and_renderable(self):
        for model in TREE:
            with self.subTest(model=model.__name__):
                page = build(model)
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_a_singleton_cannot_be_created_twice(self):
        for model, (_parents, _children, singleton) in TREE.items():
            if not singleton or model is HomePage:
                continue
            with self.subTest(model=model.__name__):
                page = build(model)
                self.assertFalse(model.can_create_at(page.get_parent()))

    def test_an_editor_creates_a_standard_page_through_the_admin_form(self):
        home = default_home_page()
        self.login()
        self.assertCanCreate(
            home,
            StandardPage,
            {"title": "Nos campagnes", "slug": "nos-campagnes", "intro": "Les campagnes en cours.", "body-count": "0"},
        )
        page = StandardPage.objects.get(slug="nos-campagnes")
        self.assertEqual(page.get_parent().specific, home)
