"""Factories of the organisation app: its four pages and its records.

The pages are singletons (max_count = 1): each factory returns the existing page when there is one
(whatever is passed then) and otherwise creates it under its parent, built by the parent's factory,
so `InternationalSecretariatPageFactory()` alone gives home page → organisation page → secretariat.
"""

import factory

from organisation.models import (
    GoverningBody,
    InternationalMembershipPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    OrganisationIndexPage,
    Person,
    Region,
    RegionalOffice,
    Role,
)
from tests.core.factories import SingletonPageFactory, SiteImageFactory, default_home_page

__all__ = [
    "GoverningBodyFactory",
    "InternationalMembershipPageFactory",
    "InternationalSecretariatPageFactory",
    "NationalSectionsPageFactory",
    "OrganisationIndexPageFactory",
    "PersonFactory",
    "RegionalOfficeFactory",
    "RoleFactory",
    "titled_items",
]


def titled_items(block_type: str, *items: str | tuple[str, str]) -> list[dict]:
    """Raw stream data for a list of TitledItemBlock (missions, activities, ways to act): each item
    is a title, or a (title, explanation) pair."""
    pairs = [item if isinstance(item, tuple) else (item, f"Explication : {item.lower()}.") for item in items]
    return [{"type": block_type, "value": {"title": title, "text": f"<p>{text}</p>"}} for title, text in pairs]


class OrganisationIndexPageFactory(SingletonPageFactory):
    title = "Le mouvement dans le monde"
    slug = "amnesty-international-dans-le-monde"
    intro = "Qui fait quoi dans le mouvement."
    offices_intro = "<p>Les bureaux régionaux du Secrétariat.</p>"
    closed_offices_text = "Certains bureaux ont dû fermer."
    parent = factory.LazyFunction(default_home_page)

    class Meta:
        model = OrganisationIndexPage


def organisation_page():
    return OrganisationIndexPageFactory()


class InternationalSecretariatPageFactory(SingletonPageFactory):
    """Without `supervised_by`, the chart shows the secretariat at the top (pass bodies to nest it)."""

    title = "Secrétariat international"
    slug = "secretariat-international"
    intro = "Le siège du mouvement."
    location = "Londres"
    supervised_by = factory.LazyFunction(list)
    parent = factory.LazyFunction(organisation_page)

    class Meta:
        model = InternationalSecretariatPage


class NationalSectionsPageFactory(SingletonPageFactory):
    title = "Les sections nationales"
    slug = "sections-nationales"
    intro = "Les sections dans leur pays."
    country_count = 70
    parent = factory.LazyFunction(organisation_page)

    class Meta:
        model = NationalSectionsPage


class InternationalMembershipPageFactory(SingletonPageFactory):
    title = "Les membres internationaux"
    slug = "membres-internationaux"
    intro = "Adhérer sans section nationale."
    parent = factory.LazyFunction(organisation_page)

    class Meta:
        model = InternationalMembershipPage


class GoverningBodyFactory(factory.django.DjangoModelFactory):
    """A top-level body (pass `parent=` for one that answers to another)."""

    name = factory.Sequence(lambda n: f"Instance {n}")
    acronym = ""
    role = factory.LazyAttribute(lambda body: f"<p>Le rôle de l'instance {body.name}.</p>")
    parent = None
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = GoverningBody


class PersonFactory(factory.django.DjangoModelFactory):
    """A person without photo (trait `with_photo=True` adds one from the media library)."""

    name = factory.Sequence(lambda n: f"Personne {n}")
    role = "Chargée de mission"
    biography = ""

    class Meta:
        model = Person

    class Params:
        with_photo = factory.Trait(photo=factory.SubFactory(SiteImageFactory))


class RoleFactory(factory.django.DjangoModelFactory):
    """The Secretary General's role, held by a new person. Its code is unique: build it once."""

    code = Role.SECRETARY_GENERAL
    title = "Secrétaire générale"
    holder = factory.SubFactory(PersonFactory, role="")
    appointed_by = None
    description = "<p>Dirige le Secrétariat international.</p>"

    class Meta:
        model = Role


class RegionalOfficeFactory(factory.django.DjangoModelFactory):
    """An open office (trait `closed=True`: closed in 2022)."""

    city = factory.Sequence(lambda n: f"Ville {n}")
    region = Region.AFRICA
    opened_year = 2010
    status = RegionalOffice.Status.OPEN
    closed_year = None
    text = "Un bureau régional."

    class Meta:
        model = RegionalOffice

    class Params:
        closed = factory.Trait(status=RegionalOffice.Status.CLOSED, closed_year=2022)
