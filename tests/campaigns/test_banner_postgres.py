"""The urgent banner's single query (join on target sections, DISTINCT, latest start first) on PostgreSQL."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import UrgentBanner, banners_for
from tests.campaigns.factories import UrgentBannerFactory
from tests.home.factories import StandardPageFactory


def test_banner_choice_and_targeting_on_postgres(home_page):
    assert connection.vendor == "postgresql", "run through ops/with-postgres.sh (make test does)"
    now = timezone.now()
    section = StandardPageFactory(parent=home_page, slug="proche-orient")
    child = StandardPageFactory(parent=section, slug="gaza")
    other = StandardPageFactory(parent=home_page, slug="contact")

    def banner(label, days, sections=()):
        return UrgentBannerFactory(label=label, start=now + timedelta(days=days), sections=sections)

    site_wide = banner("SITE", -5)
    targeted = banner("SECTION", -1, [section, child])
    upcoming = banner("DEMAIN", 2)
    with CaptureQueriesContext(connection) as queries:
        assert banners_for(child, now) == (targeted, upcoming)
    assert len(queries) == 1
    assert banners_for(other, now) == (site_wide, upcoming)
    assert list(UrgentBanner.objects.shown_for(child, now)) == [upcoming, targeted, site_wide]
