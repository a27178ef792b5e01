"""The autocomplete endpoint behind the header's search box: `/recherche/suggestions/?q=…`.

It answers small JSON, `{"query": …, "results": [{"title", "url", "kind"}, …]}`: at most
`MAX_RESULTS` suggestions whose title has words starting the way the visitor types them, from the
search backend's `.autocomplete()`. The live public pages come first, then the people the site
presents (the Secretary General…); both are the search page's own sources (search.query), so a
suggestion never shows what the search page would not, and links where its result links. Accents
never matter: "secre" and "secré" both complete to « Secrétariat international »:

- OpenSearch / Elasticsearch fold accents at index and query time (search.backends' analysis);
- SQLite FTS5's unicode61 tokenizer removes diacritics from the indexed text and from the query;
- PostgreSQL's autocomplete uses the `simple` configuration, which keeps accents: "secré" matches
  there, "secre" does not. Where the database backend answers on PostgreSQL, the remaining places
  are filled from the titles compared through `unaccent()` (the extension that
  search/migrations/0001_french_text_search.py creates).

Whatever the input (quotes, operators, NUL bytes, 5,000 characters), the query is cleaned and
capped before any backend sees it; if the engine does not answer, the database backend does; the
endpoint never answers 500. Public answers: a shared cache may keep them for a minute.
"""

import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import CharField, Func
from django.db.models.functions import Length, Lower
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from .logging import fold
from .query import Context, Kind, PageSource, PersonSource

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
MAX_TERMS = 10
MAX_RESULTS = 8
CACHE_MAX_AGE = 60  # seconds: a newly published page shows up within a minute

_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# French elided articles and pronouns ("l'Assemblée", "d'urgence", "qu'il"): not words to complete.
_ELISION = re.compile(r"\b(?:jusqu|quoiqu|lorsqu|puisqu|qu|[cdjlmnst])'", re.IGNORECASE)
# Everything that is not part of a word (quotes, operators, brackets, punctuation) becomes a space.
_NOT_WORD = re.compile(r"[^\w]+")


def clean_query(raw) -> str:
    """What the visitor typed, safe to echo: capped, without control or invisible characters."""
    if not isinstance(raw, str):
        return ""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub(" ", raw[: MAX_QUERY_LENGTH * 2]))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """The words a backend completes: no elided article, no punctuation, at most MAX_TERMS."""
    text = _ELISION.sub(" ", query.translate(_APOSTROPHES))
    words = _NOT_WORD.sub(" ", text).replace("_", " ").split()
    return " ".join(words[:MAX_TERMS])


@require_safe
def suggestions(request):
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = find_suggestions(terms, request=request) if terms else []
    response = JsonResponse({"query": query, "results": results}, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=CACHE_MAX_AGE)
    return response


def find_suggestions(terms: str, *, request=None, limit: int = MAX_RESULTS) -> list[dict]:
    """Pages first, then the people the site presents, as the search page finds them (search.query's
    sources: same public pages, same links). The engine first, the database backend if it fails."""
    from .backends import ENGINE_ERRORS

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    for name in _backend_names():
        try:
            return _suggest(name, Context(site, request), terms, limit)
        except ENGINE_ERRORS:
            logger.warning("Le moteur de recherche « %s » ne répond pas à l'autocomplétion.", name, exc_info=True)
        except (DatabaseError, ValueError, NotImplementedError):
            logger.exception("L'autocomplétion a échoué sur « %s ».", name)
    return []


def _backend_names() -> list[str]:
    names = ["default"]
    if "database" in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        names.append("database")
    return names


def _suggest(name: str, ctx: Context, terms: str, limit: int) -> list[dict]:
    folds_in_sql = _needs_unaccent(get_search_backend(name))
    page_source = PageSource()
    pages = _complete(page_source.queryset(ctx), name, terms, limit, "title", folds_in_sql)
    results = []
    for page in pages:
        url = ctx.url(page)
        if url:
            results.append(
                {"title": page.title, "url": url, "kind": Kind.LABELS[page_source.kind_for(page.content_type_id)]}
            )
    if len(results) < limit:
        results += _people(ctx, name, terms, limit - len(results), folds_in_sql)
    return results[:limit]


def _people(ctx: Context, name: str, terms: str, limit: int, folds_in_sql: bool) -> list[dict]:
    source = PersonSource()
    if not source.available(ctx):
        return []
    people = _complete(source.queryset(ctx), name, terms, limit, "name", folds_in_sql)
    shown = source.keep(ctx, [person.pk for person in people])
    url = source.link(ctx)
    if not url:
        return []
    label = Kind.LABELS[Kind.PERSON]
    return [
        {"title": person.name, "url": url, "kind": label} for person in people if shown is None or person.pk in shown
    ]


def _complete(queryset, backend_name: str, terms: str, limit: int, title_field: str, folds_in_sql: bool) -> list:
    found = list(get_search_backend(backend_name).autocomplete(terms, queryset)[:limit])
    if folds_in_sql and len(found) < limit:
        found += _unaccented_matches(
            queryset, title_field, terms, exclude=[obj.pk for obj in found], limit=limit - len(found)
        )
    return found


def _needs_unaccent(backend) -> bool:
    """PostgreSQL's database backend completes with the `simple` configuration, accents kept."""
    return type(backend).__module__.startswith("modelsearch.backends.database") and connection.vendor == "postgresql"


def _unaccented_matches(queryset, field: str, terms: str, *, exclude: list[int], limit: int) -> list:
    """PostgreSQL only: objects whose `field` has a word starting with each term, accents ignored.

    `unaccent()` comes with the extension search/migrations/0001_french_text_search.py creates (the
    `french_unaccent` configuration of the search itself needs it too)."""
    folded = Func(Lower(field), function="unaccent", output_field=CharField())
    matches = queryset.exclude(pk__in=exclude).annotate(folded_autocomplete=folded)
    for term in fold(terms).split():
        # \m is the start of a word in PostgreSQL's regular expressions; terms are word characters.
        matches = matches.filter(folded_autocomplete__regex=r"\m" + re.escape(term))
    return list(matches.order_by(Length(field), field)[:limit])
