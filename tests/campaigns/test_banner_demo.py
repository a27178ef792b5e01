"""Demo content of the campaigns app: the donation settings and the "URGENCE PROCHE ORIENT" banner."""

from wagtail.models import Page

from campaigns.models import DonationSettings, UrgentBanner
from tests.conftest import load_demo


def test_demo_shows_the_proche_orient_banner_linking_to_its_campaign_page_and_is_idempotent(client, demo_site):
    banner = UrgentBanner.objects.get()
    assert banner.label == "URGENCE PROCHE ORIENT"
    assert banner.message == "Exigez avec nous la protection sans condition des populations civiles"
    assert banner.is_live()
    campaign = banner.link_page.specific
    assert campaign.get_parent().pk == demo_site.pk and campaign.live
    assert DonationSettings.objects.get().platform_url == "https://soutenir.amnesty.fr/"

    html = client.get("/").content.decode()
    assert "URGENCE PROCHE ORIENT" in html and f'href="{campaign.url}"' in html
    assert client.get(campaign.url).status_code == 200

    before = (UrgentBanner.objects.count(), DonationSettings.objects.count(), Page.objects.count())
    revisions = campaign.revisions.count()
    load_demo()
    assert (UrgentBanner.objects.count(), DonationSettings.objects.count(), Page.objects.count()) == before
    assert campaign.revisions.count() == revisions
