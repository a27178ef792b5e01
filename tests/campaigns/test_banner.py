"""The urgent banner: which one shows where and when, its validation, its markup, and what it costs."""

import re
from datetime import UTC, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from campaigns.models import BannerSection, BannerTarget, UrgentBanner, banners_for
from tests.home.factories import StandardPageFactory

NOW = timezone.now().replace(microsecond=0)


def make_banner(label="URGENCE", start=-1, end=None, active=True, target=BannerTarget.SITE, sections=(), **fields):
    """A banner whose window is given in days relative to now."""
    banner = UrgentBanner.objects.create(
        label=label,
        message=fields.pop("message", "Exigez avec nous la protection des civils"),
        link_url=fields.pop("link_url", "https://www.amnesty.fr/"),
        start=NOW + timedelta(days=start),
        end=None if end is None else NOW + timedelta(days=end),
        active=active,
        target=target,
        **fields,
    )
    for page in sections:
        BannerSection.objects.create(banner=banner, page=page)
    return banner


@pytest.fixture
def tree(home_page):
    section = StandardPageFactory(parent=home_page, title="Proche-Orient", slug="proche-orient")
    child = StandardPageFactory(parent=section, title="Gaza", slug="gaza")
    elsewhere = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    return {"home": home_page, "section": section, "child": child, "elsewhere": elsewhere}


def test_no_banner_by_default(tree):
    assert banners_for(tree["home"], NOW) == (None, None)


def test_an_active_banner_in_its_window_shows(tree):
    banner = make_banner(start=-1, end=1)
    assert banners_for(tree["child"], NOW) == (banner, None)


@pytest.mark.parametrize(
    ("start", "end", "active"),
    [(-3, -1, True), (-1, 1, False), (-1, None, False)],
    ids=["ended", "inactive", "inactive-without-end"],
)
def test_an_inactive_or_ended_banner_does_not_show(tree, start, end, active):
    make_banner(start=start, end=end, active=active)
    assert banners_for(tree["home"], NOW) == (None, None)


def test_the_banner_disappears_exactly_at_its_end(tree):
    banner = make_banner(start=-1, end=1)
    end = banner.end
    assert banners_for(tree["home"], end - timedelta(seconds=1))[0] == banner
    assert banners_for(tree["home"], end)[0] is None


def test_a_future_banner_is_not_shown_yet_but_comes_next(tree):
    future = make_banner(label="BIENTÔT", start=2)
    current, following = banners_for(tree["home"], NOW)
    assert current is None and following == future
    assert banners_for(tree["home"], future.start)[0] == future


def test_at_most_one_banner_shows_the_latest_start_wins(tree):
    make_banner(label="ANCIEN", start=-10)
    latest = make_banner(label="RÉCENT", start=-2, end=5)
    make_banner(label="MOYEN", start=-5)
    assert banners_for(tree["home"], NOW)[0] == latest
    # When the latest ends, the previous one takes over again.
    assert banners_for(tree["home"], NOW + timedelta(days=6))[0].label == "MOYEN"


def test_a_section_banner_shows_on_the_section_and_its_descendants_only(tree):
    banner = make_banner(label="SECTION", target=BannerTarget.SECTIONS, sections=[tree["section"]])
    assert banners_for(tree["section"], NOW)[0] == banner
    assert banners_for(tree["child"], NOW)[0] == banner
    assert banners_for(tree["elsewhere"], NOW)[0] is None
    assert banners_for(tree["home"], NOW)[0] is None
    assert banners_for(None, NOW)[0] is None, "pages outside the tree (e.g. /don/) only get whole-site banners"
    assert banners_for("page 2 of search results", NOW)[0] is None, "a `page` that is not a Wagtail page"


def test_a_later_section_banner_beats_the_whole_site_banner_in_its_section(tree):
    site_wide = make_banner(label="SITE", start=-5)
    section = make_banner(label="SECTION", start=-1, target=BannerTarget.SECTIONS, sections=[tree["section"]])
    assert banners_for(tree["child"], NOW)[0] == section
    assert banners_for(tree["elsewhere"], NOW)[0] == site_wide


def test_a_banner_targeting_two_sections_is_counted_once(tree):
    banner = make_banner(target=BannerTarget.SECTIONS, sections=[tree["section"], tree["child"]])
    assert list(UrgentBanner.objects.shown_for(tree["child"], NOW)) == [banner]


def test_end_before_start_is_refused_in_french(tree):
    banner = UrgentBanner(
        label="X", message="Y", link_url="https://www.amnesty.fr/", start=NOW, end=NOW - timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert error.value.message_dict["end"] == ["La fin doit être postérieure au début."]


def test_the_link_is_a_page_or_an_address_not_both_nor_neither(tree):
    both = UrgentBanner(label="X", message="Y", link_page=tree["section"], link_url="https://a.fr/", start=NOW)
    with pytest.raises(ValidationError, match="pas les deux"):
        both.full_clean()
    neither = UrgentBanner(label="X", message="Y", start=NOW)
    with pytest.raises(ValidationError, match="Choisissez une page liée ou indiquez une adresse externe"):
        neither.full_clean()
    page_only = UrgentBanner(label="X", message="Y", link_page=tree["section"], start=NOW)
    page_only.full_clean()
    assert page_only.url == "/proche-orient/"


def test_the_banner_is_a_labelled_landmark_right_after_the_skip_link(client, tree):
    make_banner(label="URGENCE PROCHE ORIENT", message="Exigez avec nous la protection sans condition")
    html = client.get("/proche-orient/gaza/").content.decode()
    skip = html.index('class="skip-link"')
    aside = html.index('<aside class="urgent-banner" aria-label="Alerte urgente"')
    assert skip < aside < html.index("<header")
    assert "URGENCE PROCHE ORIENT" in html and "Exigez avec nous la protection sans condition" in html
    # Without JavaScript the close button stays hidden; banner.js reveals it.
    assert re.search(r'<button class="urgent-banner__close" type="button" data-banner-close hidden>', html)
    assert "Fermer le bandeau" in html
    assert '<script src="/static/js/banner.js" defer></script>' in html


def test_the_page_carries_the_window_so_a_cached_copy_switches_banners_on_time(client, tree):
    current = make_banner(label="MAINTENANT", start=-1, end=3)
    upcoming = make_banner(label="DEMAIN", start=1)
    html = client.get("/").content.decode()
    asides = re.findall(r"<aside [^>]*>", html)
    assert len(asides) == 2
    assert f'data-banner-id="{current.pk}"' in asides[0] and "hidden" not in asides[0]
    assert f'data-start="{current.start.astimezone(UTC).isoformat()}"' in asides[0]
    assert f'data-end="{current.end.astimezone(UTC).isoformat()}"' in asides[0]
    assert f'data-banner-id="{upcoming.pk}"' in asides[1] and asides[1].endswith(" hidden>")
    assert f'data-start="{upcoming.start.astimezone(UTC).isoformat()}" data-end=""' in asides[1]


def test_no_banner_no_markup_and_no_script(client, tree):
    html = client.get("/").content.decode()
    assert "<aside" not in html and "banner.js" not in html


def render_chrome_tags(page) -> int:
    """Queries made by the box and the banner tags for one fresh request (as on a real page)."""
    from django.template import engines

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


def test_the_box_and_the_banner_cost_two_queries_whatever_the_number_of_banners(tree):
    from campaigns.models import DonationSettings

    DonationSettings.for_site(tree["home"].get_site()).save()  # settings row exists, as in production
    assert render_chrome_tags(tree["child"]) == 2, "one for the banners, one for the donation settings"
    for index in range(15):
        make_banner(label=f"SITE {index}", start=-index - 1)
        make_banner(label=f"SECTION {index}", target=BannerTarget.SECTIONS, sections=[tree["section"], tree["child"]])
        make_banner(label=f"FUTUR {index}", start=index + 1, link_page=tree["elsewhere"], link_url="")
    assert render_chrome_tags(tree["child"]) == 2


def test_a_page_renders_in_as_many_queries_with_twenty_banners_as_with_one(client, tree):
    make_banner(link_page=tree["section"], link_url="")
    url = tree["child"].url
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(20):
        make_banner(label=f"B{index}", start=-index - 2, target=BannerTarget.SECTIONS, sections=[tree["section"]])
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(one) == len(many)
