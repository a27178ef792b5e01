"""Helpers shared by the commissions tests: build the commission section on a bare home page."""

import datetime
import io

from django.core.management.base import OutputWrapper
from wagtail.models import Site

from commissions import demo
from commissions.models import CommissionPage, DossierRegisterPage, InterventionDossier, Testimonial
from core.demo import DemoContext, block_id

CONFIDENTIAL_PERSON = "Défenseure des terres communautaires (identité protégée)"
CONFIDENTIAL_COUNTRY = "Honduras"


def load_commissions(home) -> DemoContext:
    """The commissions demo step alone, on the given home page (no other app's content)."""
    ctx = DemoContext(site=Site.objects.get(is_default_site=True), home=home, stdout=OutputWrapper(io.StringIO()))
    demo.load(ctx)
    return ctx


def commission() -> CommissionPage:
    return CommissionPage.objects.get(slug="protegeons-les-personnes")


def register() -> DossierRegisterPage:
    return DossierRegisterPage.objects.get(slug="dossiers-d-intervention")


def confidential_dossier() -> InterventionDossier:
    return InterventionDossier.objects.get(person=CONFIDENTIAL_PERSON)


def add_dossiers(count: int, *, country: str = "Chili", status: str = "en_cours", is_public: bool = True, start=0):
    return InterventionDossier.objects.bulk_create(
        InterventionDossier(
            person=f"Personne {start + index:03d}",
            country=country,
            theme="Liberté de réunion",
            status=status,
            opened_on=datetime.date(2023, 1, 1),
            summary="Résumé public.",
            is_public=is_public,
            responsible_commission=commission(),
        )
        for index in range(count)
    )


def add_testimonials(count: int, *, live: bool = True, consent: bool = True, dossier=None) -> list[Testimonial]:
    testimonials = []
    for index in range(count):
        testimonial = Testimonial(
            quote=f"Merci à toutes et à tous, message {index}.",
            speaker=f"Proche numéro {index}",
            person=f"Personne soutenue {index}",
            country="Chili",
            outcome="libérée",
            outcome_date=datetime.date(2024, 1, 1),
            consent_date=datetime.date(2024, 2, 1) if consent else None,
            dossier=dossier,
            live=live,
        )
        testimonial.save()
        testimonials.append(testimonial)
    return testimonials


def stream_of_testimonials(key: str, testimonials, heading: str = "Témoignages") -> dict:
    return {
        "type": "testimonials",
        "value": {
            "heading": heading,
            "testimonials": [
                {"type": "item", "value": t.pk, "id": block_id(key, str(i))} for i, t in enumerate(testimonials)
            ],
        },
        "id": block_id(key),
    }
