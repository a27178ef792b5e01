"""The urgent banner: which one shows where and when, its validation, its markup, and what it costs."""

import re
from datetime import UTC, timedelta

from django.core.exceptions import ValidationError
from django.db import connection
from django.template import engines
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from campaigns.models import BannerTarget, UrgentBanner, banners_for
from core.blocks.links import PAGE_OR_URL_MESSAGE
from tests.campaigns.factories import BannerSectionFactory, DonationSettingsFactory, UrgentBannerFactory
from tests.core.factories import default_home_page
from tests.home.factories import StandardPageFactory
from tests.query_budget import assert_budget_holds

NOW = timezone.now().replace(microsecond=0)

# Queries of a standard page (anonymous visitor, warm caches), the urgent banner and donation box included.
STANDARD_PAGE_BUDGET = 13
# Queries of /don/ showing the box again after a bad amount (outside the page tree: site-wide banners only).
DONATE_PAGE_BUDGET = 4


def days(count: float):
    """A moment `count` days from NOW (negative: in the past)."""
    return NOW + timedelta(days=count)


def banner(start=-1, end=None, **fields) -> UrgentBanner:
    """A banner whose window is given in days relative to NOW."""
    return UrgentBannerFactory(start=days(start), end=None if end is None else days(end), **fields)


class SectionTree:
    """Home › Proche-Orient › Gaza, and Home › Contact elsewhere: built once per test class."""

    @classmethod
    def setUpTestData(cls):
        cls.home = default_home_page()
        cls.section = StandardPageFactory(parent=cls.home, title="Proche-Orient", slug="proche-orient")
        cls.child = StandardPageFactory(parent=cls.section, title="Gaza", slug="gaza")
        cls.elsewhere = StandardPageFactory(parent=cls.home, title="Contact", slug="contact")


class BannerChoiceTests(SectionTree, TestCase):
    def test_no_banner_by_default(self):
        self.assertEqual(banners_for(self.home, NOW), (None, None))

    def test_an_active_banner_in_its_window_shows(self):
        shown = banner(start=-1, end=1)
        self.assertEqual(banners_for(self.child, NOW), (shown, None))

    def test_an_inactive_or_ended_banner_does_not_show(self):
        for case, start, end, active in [
            ("ended", -3, -1, True),
            ("inactive", -1, 1, False),
            ("inactive-without-end", -1, None, False),
        ]:
            with self.subTest(case):
                banner(start=start, end=end, active=active)
                self.assertEqual(banners_for(self.home, NOW), (None, None))

    def test_the_banner_disappears_exactly_at_its_end(self):
        shown = banner(start=-1, end=1)
        self.assertEqual(banners_for(self.home, shown.end - timedelta(seconds=1))[0], shown)
        self.assertIsNone(banners_for(self.home, shown.end)[0])

    def test_a_future_banner_is_not_shown_yet_but_comes_next(self):
        future = banner(label="BIENTÔT", start=2)
        self.assertEqual(banners_for(self.home, NOW), (None, future))
        self.assertEqual(banners_for(self.home, future.start)[0], future)

    def test_at_most_one_banner_shows_the_latest_start_wins(self):
        banner(label="ANCIEN", start=-10)
        latest = banner(label="RÉCENT", start=-2, end=5)
        middle = banner(label="MOYEN", start=-5)
        self.assertEqual(banners_for(self.home, NOW)[0], latest)
        # When the latest ends, the previous one takes over again.
        self.assertEqual(banners_for(self.home, days(6))[0], middle)

    def test_a_section_banner_shows_on_the_section_and_its_descendants_only(self):
        targeted = banner(label="SECTION", sections=[self.section])
        self.assertEqual(targeted.target, BannerTarget.SECTIONS)
        self.assertEqual(banners_for(self.section, NOW)[0], targeted)
        self.assertEqual(banners_for(self.child, NOW)[0], targeted)
        self.assertIsNone(banners_for(self.elsewhere, NOW)[0])
        self.assertIsNone(banners_for(self.home, NOW)[0])
        self.assertIsNone(banners_for(None, NOW)[0], "pages outside the tree (e.g. /don/) only get whole-site banners")
        self.assertIsNone(banners_for("page 2 of search results", NOW)[0], "a `page` that is not a Wagtail page")

    def test_a_later_section_banner_beats_the_whole_site_banner_in_its_section(self):
        site_wide = banner(label="SITE", start=-5)
        targeted = banner(label="SECTION", start=-1, sections=[self.section])
        self.assertEqual(banners_for(self.child, NOW)[0], targeted)
        self.assertEqual(banners_for(self.elsewhere, NOW)[0], site_wide)

    def test_a_banner_targeting_two_sections_is_counted_once(self):
        targeted = banner(sections=[self.section])
        BannerSectionFactory(banner=targeted, page=self.child)  # a second section, added later
        self.assertEqual(targeted.sections.count(), 2)
        self.assertEqual(list(UrgentBanner.objects.shown_for(self.child, NOW)), [targeted])


class BannerValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = StandardPageFactory(parent=default_home_page(), slug="proche-orient")

    def errors_of(self, banner: UrgentBanner) -> dict[str, list[str]]:
        with self.assertRaises(ValidationError) as raised:
            banner.full_clean()
        return raised.exception.message_dict

    def test_end_before_start_is_refused_in_french(self):
        ends_first = UrgentBannerFactory.build(start=NOW, end=NOW - timedelta(hours=1))
        self.assertEqual(self.errors_of(ends_first), {"end": ["La fin doit être postérieure au début."]})

    def test_the_link_is_a_page_or_an_address_not_both_nor_neither(self):
        both = UrgentBannerFactory.build(link_page=self.campaign, link_url="https://a.fr/")
        self.assertEqual(self.errors_of(both), {"link_url": [PAGE_OR_URL_MESSAGE]}, "shown under the address")
        neither = UrgentBannerFactory.build(link_url="")
        self.assertEqual(self.errors_of(neither), {"link_page": [PAGE_OR_URL_MESSAGE]}, "shown under the page")

        page_only = UrgentBannerFactory.build(link_page=self.campaign)
        page_only.full_clean()
        self.assertEqual(page_only.url, "/proche-orient/")
        address_only = UrgentBannerFactory.build(link_url="https://www.amnesty.fr/agir")
        address_only.full_clean()
        self.assertEqual(address_only.url, "https://www.amnesty.fr/agir")


def render_chrome_tags(page) -> int:
    """Queries made by the box and the banner tags for one fresh request (as on a real page)."""
    request = RequestFactory().get(page.url)
    request.user = None
    Site.find_for_request(request)  # Wagtail's page serving has already done it (cached on the request)
    template = engines["django"].from_string(
        '{% include "campaigns/urgent_banner_tag.html" %}{% include "campaigns/donation_box_tag.html" %}'
        '{% include "campaigns/donation_box_tag.html" %}'
    )
    with CaptureQueriesContext(connection) as queries:
        template.render({"request": request, "page": page})
    return len(queries)


class BannerMarkupTests(SectionTree, TestCase):
    def html_of(self, url: str) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_banner_is_a_labelled_landmark_right_after_the_skip_link(self):
        banner(label="URGENCE PROCHE ORIENT", message="Exigez avec nous la protection sans condition")
        html = self.html_of(self.child.url)
        skip = html.index('class="skip-link"')
        aside = html.index('<aside class="urgent-banner" aria-label="Alerte urgente"')
        self.assertLess(skip, aside)
        self.assertLess(aside, html.index("<header"))
        self.assertIn("URGENCE PROCHE ORIENT", html)
        self.assertIn("Exigez avec nous la protection sans condition", html)
        # Without JavaScript the close button stays hidden; banner.js reveals it.
        self.assertRegex(html, r'<button class="urgent-banner__close" type="button" data-banner-close hidden>')
        self.assertIn("Fermer le bandeau", html)
        self.assertIn('<script src="/static/js/banner.js" defer></script>', html)

    def test_the_banner_links_to_its_campaign_page(self):
        banner(link_page=self.section, link_text="Je me mobilise")
        html = self.html_of(self.elsewhere.url)
        self.assertRegex(html, r'<a [^>]*href="/proche-orient/"[^>]*>\s*Je me mobilise')

    def test_the_page_carries_the_window_so_a_cached_copy_switches_banners_on_time(self):
        current = banner(label="MAINTENANT", start=-1, end=3)
        upcoming = banner(label="DEMAIN", start=1)
        asides = re.findall(r"<aside [^>]*>", self.html_of("/"))
        self.assertEqual(len(asides), 2)
        self.assertIn(f'data-banner-id="{current.pk}"', asides[0])
        self.assertNotIn("hidden", asides[0])
        self.assertIn(f'data-start="{current.start.astimezone(UTC).isoformat()}"', asides[0])
        self.assertIn(f'data-end="{current.end.astimezone(UTC).isoformat()}"', asides[0])
        self.assertIn(f'data-banner-id="{upcoming.pk}"', asides[1])
        self.assertTrue(asides[1].endswith(" hidden>"), asides[1])
        self.assertIn(f'data-start="{upcoming.start.astimezone(UTC).isoformat()}" data-end=""', asides[1])

    def test_no_banner_no_markup_and_no_script(self):
        html = self.html_of("/")
        self.assertNotIn("<aside", html)
        self.assertNotIn("banner.js", html)

    def test_the_box_and_the_banner_cost_two_queries_whatever_the_number_of_banners(self):
        DonationSettingsFactory()  # the settings row exists, as in production
        self.assertEqual(render_chrome_tags(self.child), 2, "one for the banners, one for the donation settings")
        for index in range(15):
            banner(label=f"SITE {index}", start=-index - 1)
            banner(label=f"SECTION {index}", sections=[self.section, self.child])
            banner(label=f"FUTUR {index}", start=index + 1, link_page=self.elsewhere)
        self.assertEqual(render_chrome_tags(self.child), 2)

    def test_a_page_costs_as_many_queries_with_twenty_banners_as_with_one(self):
        DonationSettingsFactory()
        banner(link_page=self.section)

        def twenty_more_banners():
            for index in range(10):
                banner(label=f"SITE {index}", start=-index - 2, link_page=self.elsewhere)
                banner(label=f"SECTION {index}", start=-index - 2, sections=[self.section])

        assert_budget_holds(self.client, self.child.url, STANDARD_PAGE_BUDGET, twenty_more_banners)

    def test_the_donation_page_costs_as_many_queries_with_twenty_banners_as_with_one(self):
        DonationSettingsFactory()
        banner(link_page=self.section)

        def twenty_more_banners():
            for index in range(20):
                banner(label=f"SITE {index}", start=-index - 2, link_page=self.elsewhere)

        url = "/don/?frequency=once&free_amount=abc"
        assert_budget_holds(self.client, url, DONATE_PAGE_BUDGET, twenty_more_banners, status=400)
