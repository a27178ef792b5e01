"""The autocomplete endpoint (placeholder until it lands)."""

from django.http import Http404


def suggestions(request):
    raise Http404
