"""Content for the home app's page tests: a furnished home page and the site's navigation.

Raw StreamField data is written with core.demo's `stream` and `link_value` (deterministic ids, the
form the blocks store).
"""

from wagtail.models import Site

from core.demo import link_value, stream
from core.models import NavigationSettings
from tests.home.factories import HomePageFactory

# What a keyboard user can Tab to; the skip link must come first.
FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


def furnish_home_page(*, hero_image, hero_link, cards, call_to_action):
    """The default home page with its hero (title, text, image, call to action), introduction and a
    body of page cards followed by a call to action; published."""
    return HomePageFactory(
        hero_title="Défendre les droits humains",
        hero_text="Ensemble, nous enquêtons, alertons et agissons.",
        hero_image=hero_image,
        hero_cta=stream("hero", [("call_to_action", {**link_value(hero_link, label="Agir avec nous"), "lead": ""})]),
        introduction="<p>Des <strong>millions</strong> de personnes se mobilisent.</p>",
        body=stream(
            "home",
            [
                ("page_cards", {"heading": "Comprendre et agir", "pages": [page.pk for page in cards]}),
                ("call_to_action", {**link_value(call_to_action, label="Nous écrire"), "lead": "Une question ?"}),
            ],
        ),
    )


def set_navigation(*, main_menu=(), action_link=None, footer_links=()):
    """The default site's header menu, its action button and its footer links."""

    def links(name, pages):
        return stream(name, [("link", link_value(page)) for page in pages])

    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_menu = links("main_menu", main_menu)
    navigation.action_link = links("action_link", [action_link] if action_link else [])
    navigation.footer_links = links("footer_links", footer_links)
    navigation.save()
    return navigation
