"""Factories of the home app's pages. The home page is a singleton: `default_home_page()` returns it."""

import factory
import wagtail_factories

from home.models import StandardPage
from tests.core.factories import default_home_page

__all__ = ["StandardPageFactory", "default_home_page"]


class StandardPageFactory(wagtail_factories.PageFactory):
    """A live standard page under the home page (pass `parent=` for a sub-page)."""

    title = factory.Sequence(lambda n: f"Page standard {n}")
    slug = factory.Sequence(lambda n: f"page-standard-{n}")
    intro = "Un chapô qui résume la page."
    parent = factory.LazyFunction(default_home_page)

    class Meta:
        model = StandardPage
