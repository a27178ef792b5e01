"""`load_demo_content` builds the whole site once; running it again changes nothing."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from core.models import NavigationSettings
from home.models import HomePage
from tests.conftest import load_demo
from tests.home.content import FOCUSABLE


def snapshot() -> dict:
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "content_type__model", "title", "slug", "live")
        ),
        "revisions": Revision.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("title", "file")),
        "users": list(get_user_model().objects.order_by("username").values_list("username", "is_superuser")),
        "site": (site.hostname, site.port, site.root_page_id, Site.objects.count()),
        "navigation": [
            list(navigation.main_menu.raw_data),
            list(navigation.action_link.raw_data),
            list(navigation.footer_links.raw_data),
        ],
    }


def test_loading_twice_gives_the_same_site(db):
    first_output = load_demo()
    first = snapshot()
    second_output = load_demo()
    assert snapshot() == first
    assert "rien à changer" in second_output
    assert "admin / " in first_output and "admin / " in second_output


def test_demo_replaces_wagtail_welcome_page_and_default_site(db):
    load_demo()
    root_children = Page.get_first_root_node().get_children()
    assert [page.specific_class for page in root_children] == [HomePage]
    site = Site.objects.get()
    assert site.is_default_site and site.root_page.specific_class is HomePage


def test_every_demo_page_renders_with_one_h1_and_the_skip_link_first(client, demo_site):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() >= 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<title>{escape(page.get_meta_title())} |" in html, page.url
        soup = BeautifulSoup(html, "html.parser")
        assert len(soup.find_all("h1")) == 1, page.url
        first = soup.select(FOCUSABLE)[0]
        assert first.get_text(strip=True) == "Aller au contenu", page.url
        assert soup.find(id=first["href"].removeprefix("#")).name == "main", page.url


def test_demo_accounts_cover_each_editorial_role(db):
    load_demo()
    users = {user.username: user for user in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert [g.name for g in users["redactrice"].groups.all()] == ["Rédacteurs"]
    assert [g.name for g in users["moderateur"].groups.all()] == ["Modérateurs"]
