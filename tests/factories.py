"""Factories that encode the page tree: each page factory knows its parent."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage


def make_home_page() -> HomePage:
    """The default site's root HomePage, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        root.get_children().filter(slug="home").delete()
        home = HomePage(title="Accueil", slug="accueil")
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    slug = factory.Sequence(lambda n: f"page-standard-{n}")
    intro = "Un chapô qui résume la page."
    parent = factory.LazyFunction(make_home_page)

    class Meta:
        model = StandardPage
