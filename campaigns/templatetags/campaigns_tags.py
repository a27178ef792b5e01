from django import template

from campaigns.box import banner_views, build_box
from campaigns.models import DonationSettings, banners_for

register = template.Library()


@register.inclusion_tag("campaigns/donation_box.html", takes_context=True)
def donation_box(context):
    """The "Faire un don" box. Its settings are cached on the request: one query per page at most."""
    request = context.get("request")
    if request is None:
        return {"box": None}
    return {"box": build_box(DonationSettings.for_request(request), request)}


def page_banners(context):
    """The current and next banners for this page, looked up once per request (one query)."""
    request = context.get("request")
    found = getattr(request, "_urgent_banners", None)
    if found is None:
        found = banners_for(context.get("page"))
        if request is not None:
            request._urgent_banners = found
    return found


@register.inclusion_tag("campaigns/urgent_banner_head.html", takes_context=True)
def urgent_banner_head(context):
    """In <head>: the current banner's id and a tiny render-blocking script that hides it before
    the first paint when the visitor has closed it, so a returning visitor sees no layout shift."""
    current, _following = page_banners(context)
    return {"current": current}


@register.inclusion_tag("campaigns/urgent_banner.html", takes_context=True)
def urgent_banner(context):
    """The urgent banner for the current page, if any (shares the head tag's query)."""
    current, following = page_banners(context)
    return {"banners": banner_views(current, following)}
