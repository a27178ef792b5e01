"""Factories of the home app's pages. The home page is a singleton, the default site's root."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage
from tests.core.factories import default_home_page

__all__ = ["HomePageFactory", "StandardPageFactory", "default_home_page"]


class HomePageFactory(factory.django.DjangoModelFactory):
    """The home page (`default_home_page()`); the fields passed are set on it and published."""

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, **fields):
        home = default_home_page()
        if fields:
            for name, value in fields.items():
                setattr(home, name, value)
            home.save_revision().publish()
        return home


class StandardPageFactory(wagtail_factories.PageFactory):
    """A live standard page under the home page (pass `parent=` for a sub-page)."""

    title = factory.Sequence(lambda n: f"Page standard {n}")
    slug = factory.Sequence(lambda n: f"page-standard-{n}")
    intro = "Un chapô qui résume la page."
    parent = factory.LazyFunction(default_home_page)

    class Meta:
        model = StandardPage
