"""Admin reports on what visitors search: « Recherches sans résultat » and « Recherches fréquentes ».

Both read the search log (search.models.SearchQueryDay, written by search.logging) over the last
`REPORT_DAYS` days, one line per normalised query. They are in the Reports menu of the Rédacteurs
and the Modérateurs (permission `search.view_searchqueryday`, granted by search's data migration).
A zero-result query is where an editor can write the missing page or promote an existing one
(« Paramètres → Résultats de recherche mis en avant », for the Modérateurs).
"""

import datetime

from django.db.models import Max, Sum
from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .logging import normalise_query
from .models import SearchQueryDay

REPORT_DAYS = 30
REPORT_PERMISSION = "search.view_searchqueryday"


class SearchLogReportView(ReportView):
    """One line per normalised query searched in the last REPORT_DAYS days, with its counts."""

    permission_policy = ModelPermissionPolicy(SearchQueryDay)
    permission_required = "view"
    header_icon = "search"
    is_searchable = True
    paginate_by = 50
    columns = [
        Column("query", label="Requête", sort_key="query"),
        NumberColumn("total_searches", label="Recherches", sort_key="total_searches"),
        NumberColumn("total_zero_results", label="Sans résultat", sort_key="total_zero_results"),
        DateColumn("last_searched", label="Dernière recherche", sort_key="last_searched"),
    ]
    list_export = ["query", "total_searches", "total_zero_results", "last_searched"]
    export_headings = {
        "query": "Requête",
        "total_searches": "Recherches",
        "total_zero_results": "Sans résultat",
        "last_searched": "Dernière recherche",
    }

    def get_page_subtitle(self):
        return f"Sur les {REPORT_DAYS} derniers jours, requêtes normalisées (minuscules, sans accents)"

    def get_base_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS - 1)
        return (
            SearchQueryDay.objects.filter(date__gte=since)
            .values("query")
            .annotate(
                total_searches=Sum("searches"),
                total_zero_results=Sum("zero_results"),
                last_searched=Max("date"),
            )
        )

    # Within equal counts: the most searched first, then alphabetical, so pages never overlap.
    tie_break = ("-total_searches", "query")

    def order_queryset(self, queryset):
        ordering = self.ordering
        if not ordering:
            return queryset
        others = [key for key in self.tie_break if key.lstrip("-") != ordering.lstrip("-")]
        return queryset.order_by(ordering, *others)

    def search_queryset(self, queryset):
        # The log holds normalised queries: compare with the editor's words normalised the same way.
        needle = normalise_query(self.search_query)
        return queryset.filter(query__contains=needle) if needle else queryset


class ZeroResultSearchesReportView(SearchLogReportView):
    page_title = "Recherches sans résultat"
    index_url_name = "search_reports:zero_results"
    index_results_url_name = "search_reports:zero_results_results"
    default_ordering = "-total_zero_results"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(total_zero_results__gt=0)

    @property
    def no_results_message(self):
        return f"Aucune recherche sans résultat sur les {REPORT_DAYS} derniers jours."


class FrequentSearchesReportView(SearchLogReportView):
    page_title = "Recherches fréquentes"
    index_url_name = "search_reports:frequent"
    index_results_url_name = "search_reports:frequent_results"
    default_ordering = "-total_searches"

    @property
    def no_results_message(self):
        return f"Aucune recherche sur les {REPORT_DAYS} derniers jours."


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    urls = [
        path("sans-resultat/", ZeroResultSearchesReportView.as_view(), name="zero_results"),
        path(
            "sans-resultat/resultats/",
            ZeroResultSearchesReportView.as_view(results_only=True),
            name="zero_results_results",
        ),
        path("frequentes/", FrequentSearchesReportView.as_view(), name="frequent"),
        path("frequentes/resultats/", FrequentSearchesReportView.as_view(results_only=True), name="frequent_results"),
    ]
    return [path("rapports/recherches/", include((urls, "search_reports")))]


@hooks.register("register_reports_menu_item")
def register_zero_result_searches_menu_item():
    return SearchReportMenuItem(
        "Recherches sans résultat",
        reverse("search_reports:zero_results"),
        name="recherches-sans-resultat",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_frequent_searches_menu_item():
    return SearchReportMenuItem(
        "Recherches fréquentes",
        reverse("search_reports:frequent"),
        name="recherches-frequentes",
        icon_name="search",
        order=1320,
    )
