"""What people search, as the editors' reports need it and nothing more.

`log_search()` counts a normalised query per day: how many searches, how many found nothing. No
IP address, no user, no session, no time of day: a row says "someone searched for this on that
day", which identifies no visitor. Rows older than `SEARCH_LOG_MAX_AGE_DAYS` (setting, 90 by
default) are purged once a day by the logging itself, and by `manage.py purge_search_log`.

`normalise_query()` is also how promotions match a query (search.promotions): « Secrétariat
International » and "secretariat  international" are the same query.
"""

import datetime
import logging
import re
import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import MAX_LOGGED_QUERY_LENGTH, SearchQueryDay

logger = logging.getLogger(__name__)

DEFAULT_MAX_AGE_DAYS = 90

# Control characters (NUL included) and the invisible format characters (zero-width joiners,
# bidirectional marks): never part of what someone meant to search.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Ligatures NFKD leaves whole; French writers type "oe" as often as "œ".
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase, accents removed, ligatures spelt out: « Œuvre Éducative » -> "oeuvre educative"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def normalise_query(query_string) -> str:
    """The form a query is counted and promoted under: folded, whitespace collapsed, capped."""
    if not isinstance(query_string, str):
        return ""
    # Read a bounded prefix only: folding a 5 MB query string would be work for nothing.
    text = _INVISIBLE.sub(" ", query_string[: MAX_LOGGED_QUERY_LENGTH * 4])
    text = " ".join(fold(text).split())
    return text[:MAX_LOGGED_QUERY_LENGTH].rstrip()


def max_age_days() -> int:
    return int(getattr(settings, "SEARCH_LOG_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS))


def log_search(query_string, result_count: int) -> None:
    """Count one search for today. Never raises: a failure to count must not fail the search."""
    query = normalise_query(query_string)
    if not query:
        return
    zero = 1 if not result_count else 0
    today = timezone.localdate()
    try:
        _count(query, today, zero)
        _purge_once_a_day(today)
    except DatabaseError:
        logger.exception("La recherche n'a pas pu être comptée dans le journal des recherches.")


def _count(query: str, day: datetime.date, zero: int) -> None:
    rows = SearchQueryDay.objects.filter(query=query, date=day)
    increment = {"searches": F("searches") + 1, "zero_results": F("zero_results") + zero}
    if rows.update(**increment):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(query=query, date=day, searches=1, zero_results=zero)
    except IntegrityError:
        # Another request created today's row between our UPDATE and INSERT.
        rows.update(**increment)


def purge_old_entries(today: datetime.date | None = None) -> int:
    """Delete the days older than the retention; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=max_age_days())
    deleted, _ = SearchQueryDay.objects.filter(date__lt=cutoff).delete()
    return deleted


def _purge_once_a_day(today: datetime.date) -> None:
    # cache.add is atomic on the shared caches: one purge per day per cache, not per request.
    if cache.add(f"search-log-purged:{today.isoformat()}", True, timeout=24 * 60 * 60):
        purge_old_entries(today)
