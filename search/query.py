"""The search service: one French query over the public content, ranked, faceted and paginated.

`run_search(query_string, kind=, year=, page=)` is what the search page (search.views) and the
benchmark call. It searches, on the configured backend, every kind of public content the site can
link to, and returns a `SearchResults`:

- pages (`live().public()`, under the site's root): general pages, NQI issues and commissions;
- public intervention dossiers (`InterventionDossier.objects.public()`), linked into the register;
- the people the organisation pages present (role holders), linked to the Secretariat page's
  profile, else to the organisation page;
- the regional offices, linked to the organisation page's « bureaux régionaux ».

Never: drafts, private pages (view restrictions), non-public dossiers, testimonials (none are a
result type, and none reach a page's indexed text), NQI issues whose PDF sits in a private
collection (the PDF's text is indexed with the issue: leaving the issue out keeps that text from
surfacing).

How it stays safe and fast whatever the visitor types: the query is capped (`MAX_QUERY_LENGTH`)
and stripped of control characters first; it is then cut into at most `MAX_WORDS` words (letters
and digits only: quotes, operators and markup never reach a query parser); each kind of content
gathers at most `HIT_CAP` hits (primary keys and scores, no model instance; on the engine, one
multi-search request for all of them), and only the page of results shown is loaded, in one query
per model. Facets and pages are computed from those hits.

Backends (see search.backends): when every word as typed finds nothing, the search engine
(OpenSearch / Elasticsearch) tries close spellings (`Fuzzy`, typo tolerance, with a spelling
suggestion), and so does PostgreSQL when `pg_trgm` is installed (trigram similarity); SQLite has
neither typo tolerance nor stemming (`backend_features`). Then any of the words (`relaxed`). An engine that is down or broken (`ENGINE_ERRORS`) is answered from the
"database" backend, which Wagtail's signals keep in sync.
"""

from __future__ import annotations

import datetime
import difflib
import html
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override
from wagtail.models import Collection, CollectionViewRestriction, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.index import SearchField
from wagtail.search.query import Fuzzy, Or, PlainText

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
PER_PAGE = 10
HIT_CAP = 1000  # hits gathered per kind of content, for the facets and the pages
EXCERPT_LENGTH = 240
EXCERPT_LEAD = 80  # characters kept before the first matching word
TITLE_WEIGHT = 2.0  # a title holding every query word triples the score

FALLBACK_BACKEND = "database"


class Kind:
    """The kinds of result, in the facets' order: (GET value, French label)."""

    PAGE = "page"
    NQI = "nqi"
    COMMISSION = "commission"
    DOSSIER = "dossier"
    PERSON = "personne"
    OFFICE = "bureau"

    LABELS = {
        PAGE: "Page",
        NQI: "Numéro des NQI",
        COMMISSION: "Commission",
        DOSSIER: "Dossier d'intervention",
        PERSON: "Personne",
        OFFICE: "Bureau régional",
    }


class SearchUnavailable(Exception):
    """The engine failed and no database backend is configured to answer instead."""


# --- Query cleaning -------------------------------------------------------------------------------

# Articles French elides before a vowel: "l'Assemblée" is searched as "Assemblée".
ELIDED = {"l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"}
# Dropped from a query of several words (the database backends require every word to match).
STOP_WORDS = {
    "a",
    "à",
    "au",
    "aux",
    "avec",
    "ce",
    "ces",
    "dans",
    "de",
    "des",
    "du",
    "en",
    "et",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "ou",
    "par",
    "pour",
    "sa",
    "se",
    "ses",
    "son",
    "sur",
    "un",
    "une",
}
APOSTROPHES = re.compile(r"[\u2019\u02bc\u2032`´]")
WORD = re.compile(r"\w+(?:'\w+)*")
TEXT_WORD = re.compile(r"\w+")
WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase without accents: "Secrétariat" -> "secretariat"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def clean_query(raw) -> str:
    """What may be echoed and searched: control characters (NUL…) removed, whitespace folded, capped."""
    if not isinstance(raw, str):
        return ""
    raw = raw[: MAX_QUERY_LENGTH * 4]
    kept = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw)
    return WHITESPACE.sub(" ", kept).strip()[:MAX_QUERY_LENGTH].strip()


def query_words(query: str) -> list[str]:
    """The words searched for: letters and digits only, elided articles dropped, stop words too
    when other words remain, at most MAX_WORDS."""
    words = []
    for token in WORD.findall(APOSTROPHES.sub("'", query)):
        parts = token.split("'")
        if len(parts) > 1 and fold(parts[0]) in ELIDED:
            parts = parts[1:]
        words.extend(part[:MAX_WORD_LENGTH] for part in parts if part)
    meaningful = [word for word in words if fold(word) not in STOP_WORDS]
    words = meaningful or words
    unique = list(dict.fromkeys(words))
    return unique[:MAX_WORDS]


# --- Highlighting and excerpts --------------------------------------------------------------------


def _stem(folded: str) -> str:
    """A light French stem for matching a query word against the text: plural and feminine endings off."""
    for suffix, replacement in (
        ("aux", "a"),
        ("eaux", "eau"),
        ("ees", "e"),
        ("es", "e"),
        ("s", ""),
        ("x", ""),
        ("al", "a"),
    ):
        if folded.endswith(suffix) and len(folded) - len(suffix) + len(replacement) >= 3:
            folded = folded[: len(folded) - len(suffix)] + replacement
            break
    if folded.endswith("e") and len(folded) > 4:
        folded = folded[:-1]
    return folded


class Matcher:
    """Which words of a text match which query words: same folded word, same light stem, or (with a
    fuzzy backend) a close spelling."""

    def __init__(self, words: list[str], *, fuzzy: bool):
        self.terms = []
        for word in words:
            folded = fold(word)
            if folded in STOP_WORDS and len(words) > 1:
                continue
            self.terms.append((folded, _stem(folded)))
        self.fuzzy = fuzzy
        self._cache: dict[str, frozenset[int]] = {}

    def __bool__(self):
        return bool(self.terms)

    def terms_of(self, text_word: str) -> frozenset[int]:
        """The indexes of the query words this word of the text matches."""
        folded = fold(text_word)
        if folded not in self._cache:
            self._cache[folded] = frozenset(
                position for position, (term, stem) in enumerate(self.terms) if self._match(folded, term, stem)
            )
        return self._cache[folded]

    def matches(self, text_word: str) -> bool:
        return bool(self.terms_of(text_word))

    def coverage(self, text: str) -> float:
        """The share of the query words found in `text` (0 to 1)."""
        if not self.terms:
            return 0.0
        found = set()
        for word in TEXT_WORD.findall(text):
            found |= self.terms_of(word)
        return len(found) / len(self.terms)

    def _match(self, folded: str, term: str, stem: str) -> bool:
        if folded == term:
            return True
        if len(stem) >= 3 and folded.startswith(stem) and len(folded) - len(stem) <= 4:
            return True
        if self.fuzzy and len(term) >= 5 and abs(len(folded) - len(term)) <= 2 and folded[:1] == term[:1]:
            return difflib.SequenceMatcher(None, folded, term).ratio() >= 0.8
        return False


def plain_text(value) -> str:
    """Indexed text as people read it: tags stripped, entities decoded, whitespace folded."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(plain_text(item) for item in value)
    return WHITESPACE.sub(" ", html.unescape(strip_tags(str(value)))).strip()


MAX_EXCERPT_CANDIDATES = 200  # matching words considered per segment when choosing the window


def _best_window(segments: list[str], matcher: Matcher, length: int):
    """(segment, position of the first marked word) of the window holding the most distinct query
    words, the earliest on a tie; None when no segment has a match."""
    best, best_key = None, None
    for index, segment in enumerate(segments):
        hits = []
        for match in TEXT_WORD.finditer(segment):
            terms = matcher.terms_of(match.group())
            if terms:
                hits.append((match.start(), match.end(), terms))
                if len(hits) >= MAX_EXCERPT_CANDIDATES:
                    break
        for first, (start, _end, _terms) in enumerate(hits):
            covered = set()
            for _other_start, other_end, terms in hits[first:]:
                if other_end - start > length - EXCERPT_LEAD:
                    break
                covered |= terms
            key = (len(covered), -index, -first)
            if best_key is None or key > best_key:
                best, best_key = (segment, start), key
        if best_key is not None and best_key[0] == len(matcher.terms):
            break  # every word in one window: no better one further on
    return best


def build_excerpt(segments: list[str], matcher: Matcher, length: int = EXCERPT_LENGTH) -> SafeString:
    """An escaped excerpt of the indexed text, cut around the window that holds the most query
    words, with the matching words in <mark>. Without any match, the start of the first segment."""
    segments = [segment for segment in segments if segment]
    if not segments:
        return mark_safe("")
    found = _best_window(segments, matcher, length) if matcher else None
    text, first = found if found else (segments[0], 0)
    start = 0
    if first > EXCERPT_LEAD:
        start = text.find(" ", first - EXCERPT_LEAD, first)
        start = first if start < 0 else start + 1
    end = start + length
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    else:
        end = len(text)
    window = text[start:end]
    pieces = ["… "] if start > 0 else []
    position = 0
    for match in TEXT_WORD.finditer(window):
        if matcher and matcher.matches(match.group()):
            pieces.append(escape(window[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(window[position:]))
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(str(piece) for piece in pieces))


def suggest(words: list[str], texts: list[str]) -> str | None:
    """A spelling suggestion: each query word found in none of the texts (the best results of a
    fuzzy search) is replaced by the closest word they contain. None when nothing changes."""
    vocabulary: dict[str, str] = {}
    for text in texts:
        for word in TEXT_WORD.findall(text):
            if len(word) >= 3:
                vocabulary.setdefault(fold(word), word)
    if not vocabulary:
        return None
    corrected, changed = [], False
    for word in words:
        folded = fold(word)
        exact_word = Matcher([word], fuzzy=False)
        if len(folded) < 4 or folded in STOP_WORDS or any(exact_word.matches(known) for known in vocabulary.values()):
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, list(vocabulary), n=1, cutoff=0.75)
        if close:
            found = vocabulary[close[0]]
            corrected.append(found if word[:1].isupper() else found.lower())
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


# --- Backends -------------------------------------------------------------------------------------


def engine_errors() -> tuple[type[BaseException], ...]:
    """What an unreachable or broken engine raises (search.backends.ENGINE_ERRORS, which imports
    the engine clients: read when a search runs, not when this module loads)."""
    from search.backends import ENGINE_ERRORS

    return ENGINE_ERRORS


_backends: dict[tuple[str, str], object] = {}


def search_backend(backend_name: str = "default"):
    """The configured backend, kept while its settings stay the same: an engine backend holds
    its client, whose connections are then reused from one search to the next."""
    config = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get(backend_name)
    key = (backend_name, repr(sorted(config.items())) if isinstance(config, dict) else repr(config))
    if key not in _backends:
        if len(_backends) > 16:
            _backends.clear()
        _backends[key] = get_search_backend(backend_name)
    return _backends[key]


def is_engine(backend) -> bool:
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

    return isinstance(backend, ElasticsearchBaseSearchBackend)


def _is_sqlite(backend) -> bool:
    return type(backend).__name__.startswith("SQLite")


def _has_trigram(backend) -> bool:
    if is_engine(backend) or connections["default"].vendor != "postgresql":
        return False
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def backend_features(backend_name: str = "default") -> dict[str, bool]:
    """What the backend does with French text: typo tolerance (`fuzzy`) and stemming (plural and
    singular). The search suite asserts each backend's answer."""
    backend = search_backend(backend_name)
    if is_engine(backend):
        return {"fuzzy": True, "stemming": True, "engine": True}
    if _is_sqlite(backend):
        return {"fuzzy": False, "stemming": False, "engine": False}
    return {"fuzzy": _has_trigram(backend), "stemming": connections["default"].vendor == "postgresql", "engine": False}


# --- What is searched -----------------------------------------------------------------------------


@dataclass
class Hit:
    source: Source
    pk: int
    score: float
    kind: str = ""
    date: datetime.date | None = None
    content_type_id: int | None = None
    title: str = ""

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


def _as_date(value) -> datetime.date | None:
    """A date as the site shows it: a moment is read in the site's time zone (Europe/Paris)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _french_date(value: datetime.date, pattern: str = "j F Y") -> str:
    with override("fr"):
        return date_format(value, pattern)


class Context:
    """What the sources share during one search: the site, the request, the pages links point to."""

    def __init__(self, site, request):
        self.site = site
        self.request = request
        self._cache = {}

    def once(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def url(self, page) -> str:
        return page.get_url(request=self.request) or ""

    @property
    def private_q(self):
        """Pages under a view restriction (read once per search)."""
        return self.once("private_q", lambda: Page.objects.private_q())

    def public_pages(self, model):
        return model.objects.live().exclude(self.private_q)

    @property
    def organisation_page(self):
        from organisation.models import OrganisationIndexPage

        return self.once("organisation", lambda: self.public_pages(OrganisationIndexPage).first())

    @property
    def secretariat_page(self):
        from organisation.models import InternationalSecretariatPage

        return self.once("secretariat", lambda: self.public_pages(InternationalSecretariatPage).first())

    @property
    def register_page(self):
        from commissions.models import DossierRegisterPage

        return self.once("register", lambda: self.public_pages(DossierRegisterPage).order_by("path").first())


class Source:
    """One model family: its public queryset, how to describe a hit (kind, date), how to show it."""

    model = None

    def available(self, ctx: Context) -> bool:
        return True

    def queryset(self, ctx: Context):
        raise NotImplementedError

    def keep(self, ctx: Context, pks: list[int]) -> set[int] | None:
        """The pks allowed among the hits, when the queryset cannot say it (None: all)."""
        return None

    def describe(self, ctx: Context, hits: list[Hit]) -> None:
        raise NotImplementedError

    def load(self, ctx: Context, hits: list[Hit], matcher: Matcher) -> dict[int, SearchItem]:
        raise NotImplementedError


def _segments(obj, skip: str = "") -> list[str]:
    """The object's indexed text, field by field (its search fields but the title)."""
    segments = []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name == "title":
            continue
        value = search_field.get_value(obj)
        # A StreamField gives one text per block: each stays a segment, so an excerpt never runs a
        # heading into the next paragraph.
        for item in value if isinstance(value, (list, tuple)) else [value]:
            text = plain_text(item)
            if text and text != skip:
                segments.append(text)
    return segments


class PageSource(Source):
    model = Page
    select_related = {"newsletter.nqiissuepage": ("pdf",)}

    def kind_for(self, content_type_id: int | None) -> str:
        if not hasattr(self, "_kinds"):
            manager = ContentType.objects  # its cache: no query once warm
            self._kinds = {manager.get_for_model(model).pk: kind for model, kind in self._kind_models().items()}
        return self._kinds.get(content_type_id, Kind.PAGE)

    @staticmethod
    @cache
    def _kind_models():
        from commissions.models import CommissionPage
        from newsletter.models import NQIIssuePage

        return {NQIIssuePage: Kind.NQI, CommissionPage: Kind.COMMISSION}

    def hidden_issue_ids(self, ctx: Context) -> list[int]:
        """NQI issues whose PDF is in a private collection (or below one)."""
        from newsletter.models import NQIIssuePage

        def compute():
            restricted = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
            if not restricted:
                return []
            collections = Collection.objects.none()
            for path in restricted:
                collections = collections | Collection.objects.filter(path__startswith=path)
            return list(NQIIssuePage.objects.filter(pdf__collection__in=collections).values_list("pk", flat=True))

        return ctx.once("hidden_issues", compute)

    def queryset(self, ctx: Context):
        pages = ctx.public_pages(Page).descendant_of(ctx.site.root_page, inclusive=True)
        hidden = self.hidden_issue_ids(ctx)
        if hidden:
            pages = pages.exclude(pk__in=hidden)
        return pages

    def describe(self, ctx, hits):
        from newsletter.models import NQIIssuePage

        month = NQIIssuePage.objects.filter(pk=OuterRef("pk")).values("month")[:1]
        rows = Page.objects.filter(pk__in=[hit.pk for hit in hits]).annotate(issue_month=Subquery(month))
        facts = {
            pk: (content_type_id, title, issue_month or first_published or last_published)
            for pk, content_type_id, title, issue_month, first_published, last_published in rows.values_list(
                "pk", "content_type_id", "title", "issue_month", "first_published_at", "last_published_at"
            )
        }
        for hit in hits:
            content_type_id, hit.title, date = facts.get(hit.pk, (None, "", None))
            hit.content_type_id = content_type_id
            hit.kind = self.kind_for(content_type_id)
            hit.date = _as_date(date)

    def load(self, ctx, hits, matcher):
        by_type: dict[int | None, list[int]] = {}
        for hit in hits:
            by_type.setdefault(hit.content_type_id, []).append(hit.pk)
        items = {}
        for content_type_id, pks in by_type.items():
            if content_type_id is None:
                continue
            content_type = ContentType.objects.get_for_id(content_type_id)
            model = content_type.model_class() or Page
            pages = model.objects.filter(pk__in=pks)
            related = self.select_related.get(f"{content_type.app_label}.{content_type.model}")
            if related:
                pages = pages.select_related(*related)
            for page in pages:
                kind = self.kind_for(content_type_id)
                date, date_label = self._date(page)
                items[page.pk] = SearchItem(
                    kind=kind,
                    kind_label=Kind.LABELS[kind],
                    title=page.title,
                    url=ctx.url(page),
                    date=date,
                    date_label=date_label,
                    excerpt=build_excerpt(_segments(page, skip=page.title), matcher),
                    obj=page,
                )
        return items

    @staticmethod
    def _date(page):
        month = getattr(page, "month", None)
        if isinstance(month, datetime.date):
            return month, _french_date(month, "F Y")
        published = _as_date(page.first_published_at or page.last_published_at)
        if published is None:
            return None, ""
        return published, _french_date(published)


class DossierSource(Source):
    def __init__(self):
        from commissions.models import InterventionDossier

        self.model = InterventionDossier

    def available(self, ctx):
        return ctx.register_page is not None

    def queryset(self, ctx):
        return self.model.objects.public()

    def describe(self, ctx, hits):
        rows = self.model.objects.filter(pk__in=[hit.pk for hit in hits]).values_list(
            "pk", "person", "country", "opened_on"
        )
        facts = {pk: (f"{person} ({country})", opened_on) for pk, person, country, opened_on in rows}
        for hit in hits:
            hit.kind = Kind.DOSSIER
            hit.title, hit.date = facts.get(hit.pk, ("", None))

    def load(self, ctx, hits, matcher):
        register = ctx.register_page
        base = ctx.url(register)
        items = {}
        for dossier in self.model.objects.public().filter(pk__in=[hit.pk for hit in hits]):
            items[dossier.pk] = SearchItem(
                kind=Kind.DOSSIER,
                kind_label=Kind.LABELS[Kind.DOSSIER],
                title=str(dossier),
                url=base + register.reverse_subpage("dossier", args=(dossier.pk,)),
                date=dossier.opened_on,
                date_label=f"ouvert le {_french_date(dossier.opened_on)}" if dossier.opened_on else "",
                excerpt=build_excerpt([dossier.summary, dossier.theme, dossier.get_status_display()], matcher),
                obj=dossier,
            )
        return items


class PersonSource(Source):
    """The people a page presents: the holders of a role (the Secretary General on the Secretariat page)."""

    def __init__(self):
        from organisation.models import Person

        self.model = Person

    def available(self, ctx):
        return ctx.secretariat_page is not None or ctx.organisation_page is not None

    def queryset(self, ctx):
        return self.model.objects.all()

    def keep(self, ctx, pks):
        from organisation.models import Role

        return set(Role.objects.filter(holder__in=pks).values_list("holder_id", flat=True))

    def describe(self, ctx, hits):
        rows = self.model.objects.filter(pk__in=[hit.pk for hit in hits]).values_list("pk", "name", "start_date")
        facts = {pk: (name, start_date) for pk, name, start_date in rows}
        for hit in hits:
            hit.kind = Kind.PERSON
            hit.title, hit.date = facts.get(hit.pk, ("", None))

    def link(self, ctx) -> str:
        if ctx.secretariat_page is not None:
            return ctx.url(ctx.secretariat_page) + "#secretaire-generale"
        return ctx.url(ctx.organisation_page)

    def load(self, ctx, hits, matcher):
        url = self.link(ctx)
        items = {}
        for person in self.model.objects.filter(pk__in=[hit.pk for hit in hits]):
            items[person.pk] = SearchItem(
                kind=Kind.PERSON,
                kind_label=Kind.LABELS[Kind.PERSON],
                title=person.name,
                url=url,
                date=person.start_date,
                date_label=f"en fonction depuis {_french_date(person.start_date, 'F Y')}" if person.start_date else "",
                excerpt=build_excerpt([person.role, plain_text(person.biography)], matcher),
                obj=person,
            )
        return items


class OfficeSource(Source):
    """The regional offices, all shown on the organisation page (open and closed)."""

    def __init__(self):
        from organisation.models import RegionalOffice

        self.model = RegionalOffice

    def available(self, ctx):
        return ctx.organisation_page is not None

    def queryset(self, ctx):
        return self.model.objects.all()

    def describe(self, ctx, hits):
        rows = self.model.objects.filter(pk__in=[hit.pk for hit in hits]).values_list("pk", "city", "opened_year")
        facts = {pk: (city, opened_year) for pk, city, opened_year in rows}
        for hit in hits:
            hit.kind = Kind.OFFICE
            hit.title, year = facts.get(hit.pk, ("", None))
            hit.date = datetime.date(year, 1, 1) if year else None

    def load(self, ctx, hits, matcher):
        url = ctx.url(ctx.organisation_page) + "#bureaux-regionaux"
        items = {}
        for office in self.model.objects.filter(pk__in=[hit.pk for hit in hits]):
            if office.is_closed:
                label = f"ouvert en {office.opened_year}, fermé en {office.closed_year}"
            else:
                label = f"ouvert en {office.opened_year}"
            items[office.pk] = SearchItem(
                kind=Kind.OFFICE,
                kind_label=Kind.LABELS[Kind.OFFICE],
                title=str(office),
                url=url,
                date=datetime.date(office.opened_year, 1, 1),
                date_label=label,
                excerpt=build_excerpt([office.text], matcher),
                obj=office,
            )
        return items


def sources() -> list[Source]:
    return [PageSource(), DossierSource(), PersonSource(), OfficeSource()]


# --- Results --------------------------------------------------------------------------------------


@dataclass
class SearchItem:
    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.date | None
    date_label: str
    excerpt: SafeString
    obj: object = None

    @property
    def year_only(self) -> bool:
        return self.kind == Kind.OFFICE


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str  # the cleaned, capped query: what the page echoes
    items: list[SearchItem] = field(default_factory=list)
    total: int = 0
    kind_facets: list[Facet] = field(default_factory=list)
    year_facets: list[Facet] = field(default_factory=list)
    page: PaginatorPage | None = None
    suggestion: str | None = None
    used_fallback: bool = False
    relaxed: bool = False  # no result had every word: these have at least one
    kind: str = ""
    year: str = ""
    words: list[str] = field(default_factory=list)
    backend_name: str = ""

    @property
    def facets(self) -> dict[str, list[Facet]]:
        return {"kind": self.kind_facets, "year": self.year_facets}

    @property
    def is_filtered(self) -> bool:
        return bool(self.kind or self.year)


def _clean_kind(kind) -> str:
    return kind if isinstance(kind, str) and kind in Kind.LABELS else ""


def _clean_year(year) -> str:
    year = str(year or "").strip()
    return year if re.fullmatch(r"(19|20)\d\d", year) else ""


def _clean_page(page) -> int | str:
    if isinstance(page, int):
        return page
    return str(page or "1").strip()[:12]


def _query_text(words: list[str], backend) -> str:
    """The words as the backend reads them: the engine's analyser handles "aujourd'hui" itself,
    the database backends tokenise apostrophes as separators."""
    if is_engine(backend):
        return " ".join(words)
    return " ".join(word.replace("'", " ") for word in words)


def _build_query(words: list[str], backend, *, operator: str, fuzzy: bool):
    text = _query_text(words, backend)
    if not fuzzy:
        return PlainText(text, operator=operator)
    if is_engine(backend):
        # Exact matches still score above the close spellings.
        return Or([PlainText(text, operator=operator), Fuzzy(text, operator=operator)])
    return Fuzzy(text)  # PostgreSQL's trigram similarity (the operator does not apply)


class EngineQueryError(Exception):
    """The engine answered a search with an error (a missing index, a rejected query)."""


def _gather_engine(backend, searches, cap) -> list[tuple[list[tuple[int, float]], int]]:
    """One multi-search request for every kind of content: the engine runs them side by side."""
    body = []
    for results in searches:
        search = results._get_es_body()
        search.update(size=cap, _source=False, stored_fields=["pk"], track_total_hits=True)
        body += [{"index": backend.get_index_for_model(results.query_compiler.queryset.model).name}, search]
    gathered = []
    for response in backend.es.msearch(body=body)["responses"]:
        if "error" in response:
            raise EngineQueryError(str(response["error"])[:500])
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else int(total)
        hits = [(int(hit["fields"]["pk"][0]), float(hit["_score"] or 0)) for hit in response["hits"]["hits"]]
        gathered.append((hits, total))
    return gathered


def _gather_database(backend, results, cap) -> tuple[list[tuple[int, float]], int]:
    results = results.annotate_score("_search_score")
    sign = -1 if _is_sqlite(backend) else 1  # SQLite's bm25(): lower is better
    hits = [(obj.pk, sign * float(obj._search_score or 0)) for obj in results[:cap]]
    total = len(hits) if len(hits) < cap else results.count()
    return hits, total


def _search_all(backend, ctx, words, *, operator, fuzzy):
    query = _build_query(words, backend, operator=operator, fuzzy=fuzzy)
    searched = [(source, backend.search(query, source.queryset(ctx).only("pk"))) for source in sources()]
    if is_engine(backend):
        gathered = _gather_engine(backend, [results for _source, results in searched], HIT_CAP)
    else:
        gathered = [_gather_database(backend, results, HIT_CAP) for _source, results in searched]
    hits, total = [], 0
    for (source, _results), (pairs, source_total) in zip(searched, gathered, strict=True):
        allowed = source.keep(ctx, [pk for pk, _score in pairs])
        if allowed is not None:
            kept = [(pk, score) for pk, score in pairs if pk in allowed]
            source_total -= len(pairs) - len(kept)
            pairs = kept
        # A kind of content is only a result when a page shows it (asked once there are hits).
        if not pairs or not source.available(ctx):
            continue
        source_hits = [Hit(source, pk, score) for pk, score in pairs]
        source.describe(ctx, source_hits)
        hits += source_hits
        total += source_total
    # The backends weigh titles differently (SQLite's bm25 barely): a result whose title holds
    # the query words comes first, whatever the backend.
    titles = Matcher(words, fuzzy=False)
    for hit in hits:
        hit.score *= 1 + TITLE_WEIGHT * titles.coverage(hit.title)
    hits.sort(key=lambda hit: -hit.score)  # stable: equal scores keep the sources' order
    return hits, total


def _facets(hits, kind, year):
    in_year = [hit for hit in hits if not year or str(hit.year) == year]
    in_kind = [hit for hit in hits if not kind or hit.kind == kind]
    kind_counts = Counter(hit.kind for hit in in_year)
    year_counts = Counter(hit.year for hit in in_kind if hit.year)
    kind_facets = [
        Facet(value, label, kind_counts[value], value == kind)
        for value, label in Kind.LABELS.items()
        if kind_counts[value] or value == kind
    ]
    years = sorted(set(year_counts) | ({int(year)} if year else set()), reverse=True)
    year_facets = [Facet(str(value), str(value), year_counts[value], str(value) == year) for value in years]
    return kind_facets, year_facets


def run_search(
    query_string,
    *,
    kind="",
    year="",
    page=1,
    backend_name="default",
    request=None,
    site=None,
) -> SearchResults:
    """Search the public content for `query_string` (capped, cleaned) and return one page of results.

    `kind` and `year` filter (unknown values are ignored); `page` is anything a visitor may type
    (out-of-range and garbage pages give the nearest valid page). An engine error is answered from
    the "database" backend (`used_fallback`); without one, `SearchUnavailable` is raised.
    """
    query = clean_query(query_string)
    results = SearchResults(query=query, kind=_clean_kind(kind), year=_clean_year(year), backend_name=backend_name)
    results.words = query_words(query)
    if not results.words:
        results.page = Paginator([], PER_PAGE).get_page(1)
        return results
    if site is None:
        site = (
            Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
        )
    if site is None:
        results.page = Paginator([], PER_PAGE).get_page(1)
        return results
    try:
        _run(results, backend_name, Context(site, request), page)
    except (*engine_errors(), EngineQueryError) as error:
        if backend_name == FALLBACK_BACKEND or FALLBACK_BACKEND not in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
            raise SearchUnavailable(str(error)) from error
        logger.warning("Moteur de recherche indisponible, repli sur la base de données : %s", error)
        results.backend_name = FALLBACK_BACKEND
        results.used_fallback = True
        _run(results, FALLBACK_BACKEND, Context(site, request), page)
    return results


def _run(results: SearchResults, backend_name: str, ctx: Context, page) -> None:
    backend = search_backend(backend_name)
    words = results.words
    # Every word as typed (folded, stemmed by the backend); then, only when that finds nothing,
    # close spellings (typo tolerance, where the backend has it: a fuzzy query costs the engine
    # several times a plain one); then any of the words.
    hits, total = _search_all(backend, ctx, words, operator="and", fuzzy=False)
    fuzzy = False
    if not hits and (is_engine(backend) or _has_trigram(backend)):
        hits, total = _search_all(backend, ctx, words, operator="and", fuzzy=True)
        fuzzy = True
    if not hits and len(words) > 1:
        hits, total = _search_all(backend, ctx, words, operator="or", fuzzy=False)
        results.relaxed = bool(hits)
        fuzzy = False

    results.kind_facets, results.year_facets = _facets(hits, results.kind, results.year)
    shown = [
        hit
        for hit in hits
        if (not results.kind or hit.kind == results.kind) and (not results.year or str(hit.year) == results.year)
    ]
    results.total = len(shown) if results.is_filtered or len(hits) == total else total
    results.page = Paginator(shown, PER_PAGE).get_page(_clean_page(page))

    # The engine's own matching tolerates variants (its stemmer folds "Calamard" and "Callamard"
    # together): its results are marked and checked for a suggestion as a fuzzy search's are.
    fuzzy = fuzzy or is_engine(backend)
    matcher = Matcher(words, fuzzy=fuzzy)
    page_hits = list(results.page.object_list)
    loaded: dict[tuple[int, int], SearchItem] = {}
    by_source: dict[int, tuple[Source, list[Hit]]] = {}
    for hit in page_hits:
        by_source.setdefault(id(hit.source), (hit.source, []))[1].append(hit)
    for source, source_hits in by_source.values():
        for pk, item in source.load(ctx, source_hits, matcher).items():
            loaded[(id(source), pk)] = item
    results.items = [loaded[key] for hit in page_hits if (key := (id(hit.source), hit.pk)) in loaded]

    if fuzzy and results.items:
        texts = [item.title for item in results.items] + [plain_text(item.excerpt) for item in results.items]
        results.suggestion = suggest(words, texts)
        if results.suggestion and fold(results.suggestion) == fold(" ".join(words)):
            results.suggestion = None
