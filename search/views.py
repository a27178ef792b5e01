"""The public search page, /recherche/: a plain GET form, results, facets and pages without JavaScript.

The view reads the visitor's parameters (`q`, `type`, `annee`, `page`), asks the search service
(search.query.run_search) for one page of results and builds every link the template shows (facets,
pages, suggestion). Whatever is typed, it answers 200: the query is capped and cleaned before
anything reads it, an engine failure is answered from the database backend, and with no backend
at all the page says so in French. A response to a query is private to the visitor's browser.
"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from .logging import log_search
from .promotions import promoted_for
from .query import MAX_QUERY_LENGTH, SearchUnavailable, clean_query, run_search

QUERY_PARAM = "q"
KIND_PARAM = "type"
YEAR_PARAM = "annee"
PAGE_PARAM = "page"


def _url(query: str, *, kind: str = "", year: str = "", page: int = 1) -> str:
    params = {QUERY_PARAM: query}
    if kind:
        params[KIND_PARAM] = kind
    if year:
        params[YEAR_PARAM] = year
    if page and page > 1:
        params[PAGE_PARAM] = page
    return reverse("search") + "?" + urlencode(params)


def _facet_links(results) -> dict:
    """Each facet value as a link that toggles it, keeping the other facet; plus "all" links."""
    q, kind, year = results.query, results.kind, results.year
    kinds = [
        {"facet": facet, "url": _url(q, kind="" if facet.selected else facet.value, year=year)}
        for facet in results.kind_facets
    ]
    years = [
        {"facet": facet, "url": _url(q, kind=kind, year="" if facet.selected else facet.value)}
        for facet in results.year_facets
    ]
    return {
        "kinds": kinds,
        "years": years,
        "all_kinds_url": _url(q, year=year) if kind else "",
        "all_years_url": _url(q, kind=kind) if year else "",
        "clear_url": _url(q) if kind or year else "",
    }


def _pagination(results) -> dict | None:
    page_obj = results.page
    if page_obj is None or page_obj.paginator.num_pages <= 1:
        return None
    q, kind, year = results.query, results.kind, results.year
    numbers = []
    for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == page_obj.paginator.ELLIPSIS:
            numbers.append({"ellipsis": True})
        else:
            numbers.append(
                {
                    "number": number,
                    "current": number == page_obj.number,
                    "url": _url(q, kind=kind, year=year, page=number),
                }
            )
    return {
        "numbers": numbers,
        "previous_url": _url(q, kind=kind, year=year, page=page_obj.previous_page_number())
        if page_obj.has_previous()
        else "",
        "next_url": _url(q, kind=kind, year=year, page=page_obj.next_page_number()) if page_obj.has_next() else "",
    }


def _main_sections(request) -> list[dict]:
    """Where to go when nothing was found: the sections of the header menu (the home page's
    children the editors put there), else the home page's children shown in menus."""
    from core.models import NavigationSettings

    site = Site.find_for_request(request)
    if site is None:
        return []
    menu = [
        {"title": item.value.text(), "url": item.value.url()}
        for item in NavigationSettings.for_request(request).main_menu
        if item.value.url()
    ]
    if menu:
        return menu
    children = (
        Page.objects.child_of(site.root_page)
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth")
        .order_by("path")
    )
    return [{"title": child.title, "url": child.get_url(request=request)} for child in children]


def _promotions(query: str) -> list[dict]:
    """The editors' promoted results for this query (search.promotions keeps live, public pages only)."""
    return [
        {"title": promotion.title or promotion.url, "url": promotion.url, "description": promotion.description}
        for promotion in promoted_for(query)
    ]


@require_safe
def search_page(request):
    raw_query = request.GET.get(QUERY_PARAM, "")
    query = clean_query(raw_query)
    kind = request.GET.get(KIND_PARAM, "")
    year = request.GET.get(YEAR_PARAM, "")
    page = request.GET.get(PAGE_PARAM, "1")

    context = {
        "title": f"Recherche : {query}" if query else "Recherche",
        "search_query": query,
        "max_query_length": MAX_QUERY_LENGTH,
        "results": None,
        "unavailable": False,
        "promotions": [],
        "main_sections": [],
    }
    if query:
        try:
            results = run_search(query, kind=kind, year=year, page=page, request=request)
        except SearchUnavailable:
            context["unavailable"] = True
            results = None
        if results is not None and not results.words:
            results = None  # punctuation only: the template asks for words
        if results is not None:
            first_view = not results.is_filtered and results.page.number == 1
            if first_view and PAGE_PARAM not in request.GET:
                # A new search (not a click on a facet or a page of the same one) is counted once.
                log_search(results.query, results.total)
            context.update(
                results=results,
                facets=_facet_links(results),
                pagination=_pagination(results),
                suggestion_url=_url(results.suggestion) if results.suggestion else "",
                promotions=_promotions(results.query) if first_view else [],
            )
        if context["unavailable"] or (results is not None and not results.total):
            context["main_sections"] = _main_sections(request)
    response = TemplateResponse(request, "search/search_page.html", context)
    if raw_query.strip():
        patch_cache_control(response, private=True, no_cache=True)
    return response
