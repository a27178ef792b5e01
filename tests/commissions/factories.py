"""Factories of the commissions app: its three page types, intervention dossiers and testimonials.

The page factories encode the tree: `DossierRegisterPageFactory()` alone builds the home page (the
default site's root), the commission index (a singleton, reused when it exists) and a commission.
Stream content is raw StreamField data, built with `faq()` and `block_of_testimonials()`.
"""

import datetime

import factory
import wagtail_factories

from commissions.models import (
    CommissionIndexPage,
    CommissionKind,
    CommissionPage,
    DossierRegisterPage,
    DossierStatus,
    InterventionDossier,
    Testimonial,
)
from tests.core.factories import SingletonPageFactory, default_home_page

__all__ = [
    "CommissionIndexPageFactory",
    "CommissionPageFactory",
    "DossierRegisterPageFactory",
    "InterventionDossierFactory",
    "TestimonialFactory",
    "faq",
    "block_of_testimonials",
]


class CommissionIndexPageFactory(SingletonPageFactory):
    """The live commission index under the home page. A singleton: returns the existing one if any."""

    title = "Commissions et régions"
    slug = "commissions"
    intro = "Les équipes bénévoles, par thème et par région du monde."
    parent = factory.LazyFunction(default_home_page)

    class Meta:
        model = CommissionIndexPage


class CommissionPageFactory(wagtail_factories.PageFactory):
    """A live thematic commission under the commission index (`kind=CommissionKind.REGION` for a team)."""

    title = factory.Sequence(lambda n: f"Commission {n}")
    slug = factory.Sequence(lambda n: f"commission-{n}")
    kind = CommissionKind.THEMATIC
    summary = factory.LazyAttribute(lambda page: f"Ce que fait l'équipe « {page.title} ».")
    parent = factory.SubFactory(CommissionIndexPageFactory)

    class Meta:
        model = CommissionPage


class DossierRegisterPageFactory(wagtail_factories.PageFactory):
    """A live register of dossiers under a commission (or pass the index as `parent=`)."""

    title = factory.Sequence(lambda n: f"Registre des dossiers {n}")
    slug = factory.Sequence(lambda n: f"registre-{n}")
    intro = "Les dossiers que nous pouvons rendre publics."
    parent = factory.SubFactory(CommissionPageFactory)

    class Meta:
        model = DossierRegisterPage


class InterventionDossierFactory(factory.django.DjangoModelFactory):
    """A public dossier, opened in 2023 and ongoing. `confidential=True`: one that must stay hidden.

    No responsible commission unless given (`responsible_commission=`): a dossier does not need one.
    """

    person = factory.Sequence(lambda n: f"Personne {n:03d}")
    country = "Chili"
    theme = "Liberté de réunion"
    status = DossierStatus.ONGOING
    opened_on = datetime.date(2023, 1, 1)
    summary = factory.LazyAttribute(lambda dossier: f"Résumé public du dossier de {dossier.person}.")
    is_public = True

    class Meta:
        model = InterventionDossier

    class Params:
        confidential = factory.Trait(is_public=False)


class TestimonialFactory(factory.django.DjangoModelFactory):
    """A testimonial published through a revision, as a moderator does, with the consent recorded.

    `draft=True`: saved as a draft revision only (never published). Pass `consent_date=None` for one
    whose consent was not recorded (the factory publishes it anyway, as the model allows).
    """

    quote = factory.Sequence(lambda n: f"Merci à toutes et à tous, message {n}.")
    speaker = factory.Sequence(lambda n: f"Proche numéro {n}")
    person = factory.Sequence(lambda n: f"Personne soutenue {n}")
    country = "Chili"
    outcome = "libérée"
    outcome_date = datetime.date(2024, 1, 1)
    consent_date = datetime.date(2024, 2, 1)
    dossier = None
    live = True

    __test__ = False  # not a pytest test class, whatever its name

    class Meta:
        model = Testimonial

    class Params:
        draft = factory.Trait(live=False)

    @classmethod
    def _create(cls, model_class, *args, live=True, **kwargs):
        testimonial = model_class(*args, live=False, **kwargs)
        testimonial.save()
        revision = testimonial.save_revision()
        if live:
            revision.publish()
            testimonial.refresh_from_db()
        return testimonial


def faq(heading: str, questions: list[tuple[str, str]]) -> dict:
    """A FAQ block: (question, rich-text answer) pairs."""
    return {
        "type": "faq",
        "value": {"heading": heading, "items": [{"question": q, "answer": a} for q, a in questions]},
    }


def block_of_testimonials(testimonials, heading: str = "Témoignages") -> dict:
    """A testimonials block showing these snippets, in this order."""
    return {
        "type": "testimonials",
        "value": {"heading": heading, "testimonials": [testimonial.pk for testimonial in testimonials]},
    }
