"""The commissions demo step, alone on a bare home page: what it builds, and that it is idempotent."""

import io
import re

from django.core.management.base import OutputWrapper
from django.test import TestCase
from wagtail.models import Page, Revision, Site

from commissions import demo
from commissions.models import (
    CommissionIndexPage,
    CommissionKind,
    CommissionPage,
    DossierRegisterPage,
    InterventionDossier,
)
from commissions.models import Testimonial as Temoignage  # not a pytest class
from core.demo import DemoContext
from core.models import NavigationSettings
from tests.core.factories import default_home_page
from tests.home.factories import StandardPageFactory


def load_step() -> list[str]:
    """Run the commissions demo step on the default site's home page; returns what it created."""
    home = default_home_page()
    ctx = DemoContext(site=Site.objects.get(is_default_site=True), home=home, stdout=OutputWrapper(io.StringIO()))
    demo.load(ctx)
    return ctx.created


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "slug", "live")),
        "revisions": Revision.objects.count(),
        "dossiers": list(
            InterventionDossier.objects.order_by("pk").values_list(
                "person", "is_public", "status", "responsible_commission"
            )
        ),
        "testimonials": list(Temoignage.objects.order_by("pk").values_list("speaker", "live", "consent_date")),
        "menu": list(NavigationSettings.for_site(Site.objects.get(is_default_site=True)).main_menu.raw_data),
    }


class CommissionsDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.act = StandardPageFactory(title="Agir", slug="agir")  # the demo's call to volunteer points here
        cls.created = load_step()
        cls.index = CommissionIndexPage.objects.get()
        cls.commission = CommissionPage.objects.get(slug="protegeons-les-personnes")
        cls.register = DossierRegisterPage.objects.get()

    def test_demo_builds_the_index_in_the_main_menu_with_a_commission_a_region_and_a_register(self):
        assert self.index.get_parent().specific == default_home_page()
        assert f'href="{self.index.url}"' in html_of(self.client, "/"), "the index is in the main menu"
        children = {page.slug: page.specific for page in self.index.get_children().live()}
        assert children["protegeons-les-personnes"].kind == CommissionKind.THEMATIC
        assert any(page.kind == CommissionKind.REGION for page in children.values())
        assert self.register.get_parent().specific == self.commission
        html = html_of(self.client, self.commission.url)
        questions = re.findall(r'<h3 class="faq__question">(.*?)</h3>', html)
        assert len(questions) == len(demo.FAQ)
        assert html.count('<figure class="quote testimonial">') == len(demo.TESTIMONIALS)
        assert f'<a class="button button--primary" href="{self.act.url}">' in html
        assert f'href="{self.register.url}"' in html

    def test_demo_dossiers_are_public_except_a_confidential_one_the_register_hides(self):
        dossiers = list(InterventionDossier.objects.all())
        assert len(dossiers) == len(demo.DOSSIERS)
        assert {dossier.responsible_commission for dossier in dossiers} == {self.commission}
        (confidential,) = [dossier for dossier in dossiers if not dossier.is_public]
        html = html_of(self.client, self.register.url)
        for dossier in dossiers:
            assert (f'href="{self.register.dossier_url(dossier)}"' in html) is dossier.is_public, dossier
        assert confidential.person not in html and confidential.country not in html
        assert self.client.get(self.register.dossier_url(confidential)).status_code == 404

    def test_demo_testimonials_are_published_with_consent_and_linked_to_public_dossiers(self):
        testimonials = list(Temoignage.objects.select_related("dossier"))
        assert len(testimonials) == len(demo.TESTIMONIALS)
        assert set(Temoignage.objects.shown()) == set(testimonials)
        assert all(t.dossier is not None and t.dossier.is_public for t in testimonials)
        html = html_of(self.client, self.commission.url)
        for testimonial in testimonials:
            assert f'href="{self.register.dossier_url(testimonial.dossier)}"' in html

    def test_commissions_demo_is_idempotent(self):
        assert self.created, "the first run creates the section"
        first = snapshot()
        assert load_step() == []
        assert snapshot() == first
