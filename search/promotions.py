"""The editors' promoted results (wagtail.contrib.search_promotions) for a visitor's query.

Editors type a query in the admin (« Paramètres → Résultats de recherche mis en avant »); Wagtail
stores it lowercased but with its accents. A visitor's query matches it when both are the same
once normalised (search.logging.normalise_query: case, accents, spaces): « Secrétariat » typed by an
editor is promoted for "secretariat" typed by a visitor, and the other way round.
"""

from django.db.models import Q
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from .logging import normalise_query

MAX_PROMOTIONS = 5


def promoted_for(query_string, *, limit: int = MAX_PROMOTIONS) -> list[SearchPromotion]:
    """The promotions for this query, in the editors' order; a page only when it is live and public.

    Each promotion is a SearchPromotion (`title`, `description`, `page`, `external_link_url`) with
    `url` set: the page's URL or the external link. One query when no editor promoted anything for
    this query (the common case), two otherwise.
    """
    normalised = normalise_query(query_string)
    if not normalised:
        return []
    # The promoted queries are few (one per editor's entry): fold them here rather than ask each
    # database for an accent-insensitive comparison it may not have.
    promoted_queries = Query.objects.filter(pk__in=SearchPromotion.objects.values("query_id")).values_list(
        "pk", "query_string"
    )
    query_ids = [pk for pk, text in promoted_queries if normalise_query(text) == normalised]
    if not query_ids:
        return []
    visible_pages = Page.objects.live().public().values("pk")
    promotions = (
        SearchPromotion.objects.filter(query_id__in=query_ids)
        .filter(Q(page__isnull=True, external_link_url__gt="") | Q(page__in=visible_pages))
        .select_related("page")
        .order_by("sort_order", "pk")[:limit]
    )
    results = []
    for promotion in promotions:
        promotion.url = promotion.page.url if promotion.page_id else promotion.external_link_url
        if promotion.url:
            results.append(promotion)
    return results
