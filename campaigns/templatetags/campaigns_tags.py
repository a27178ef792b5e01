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


@register.inclusion_tag("campaigns/urgent_banner.html", takes_context=True)
def urgent_banner(context):
    """The urgent banner for the current page, if any: one query."""
    current, following = banners_for(context.get("page"))
    return {"banners": banner_views(current, following)}
