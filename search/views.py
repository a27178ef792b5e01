"""The public search page (placeholder until the search page lands)."""

from django.http import Http404


def search_page(request):
    raise Http404
