"""Factories of the campaigns app: the urgent banner (with its target sections) and the donation settings.

`UrgentBannerFactory()` is a live whole-site banner linking to an external address, started a day
ago with no end. Pass `sections=[page, …]` to target those sections (the target follows), and
`link_page=page` to link to a page instead (the external address is then left empty).
`DonationSettingsFactory()` returns the default site's settings, created on first use (a site
setting is one row per site); the fields passed are saved on it.
"""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Site

from campaigns.models import BannerSection, BannerTarget, DonationSettings, UrgentBanner
from tests.core.factories import default_home_page
from tests.home.factories import StandardPageFactory


def default_site() -> Site:
    """The default site, rooted at the home page (both created when missing)."""
    default_home_page()
    return Site.objects.get(is_default_site=True)


class UrgentBannerFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"URGENCE {n}")
    message = "Exigez avec nous la protection des populations civiles"
    link_page = None
    link_url = factory.LazyAttribute(lambda banner: "" if banner.link_page else "https://www.amnesty.fr/")
    link_text = "Agir maintenant"
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) - timedelta(days=1))
    end = None
    active = True
    sections = ()
    target = factory.LazyAttribute(lambda banner: BannerTarget.SECTIONS if banner.sections else BannerTarget.SITE)

    class Meta:
        model = UrgentBanner

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # A ClusterableModel takes its child rows in the constructor and saves them with itself.
        kwargs["sections"] = [
            section if isinstance(section, BannerSection) else BannerSection(page=section)
            for section in kwargs["sections"]
        ]
        return kwargs


class BannerSectionFactory(factory.django.DjangoModelFactory):
    """One target section of a section banner (a new standard page under the home page by default)."""

    banner = factory.SubFactory(UrgentBannerFactory, target=BannerTarget.SECTIONS)
    page = factory.SubFactory(StandardPageFactory)

    class Meta:
        model = BannerSection


class DonationSettingsFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(default_site)

    class Meta:
        model = DonationSettings

    @classmethod
    def _create(cls, model_class, site, **fields):
        settings = model_class.for_site(site)
        for name, value in fields.items():
            setattr(settings, name, value)
        settings.save()
        return settings
