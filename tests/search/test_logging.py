"""The search log: normalised queries counted per day, zero-result searches apart, nothing about
the visitor, old days purged."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from search.logging import MAX_LOGGED_QUERY_LENGTH, log_search, normalise_query, purge_old_entries
from search.models import SearchQueryDay

pytestmark = pytest.mark.django_db


def rows() -> dict:
    return {(row.query, row.date): (row.searches, row.zero_results) for row in SearchQueryDay.objects.all()}


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("Secrétariat international", "secretariat international"),
        ("  SECRÉTARIAT \t\n  International  ", "secretariat international"),
        ("secretariat international", "secretariat international"),
        ("Œuvres d'Éducation", "oeuvres d'education"),
        ("\x00Callamard\u200b", "callamard"),
        ("Ｃａｌｌａｍａｒｄ", "callamard"),
        ("   ", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_queries_are_normalised_case_accents_and_spaces(typed, normalised):
    assert normalise_query(typed) == normalised


def test_a_normalised_query_is_capped():
    assert len(normalise_query("é" * 10_000)) == MAX_LOGGED_QUERY_LENGTH


def test_the_same_query_typed_differently_is_one_row_of_the_day():
    log_search("Secrétariat international", 3)
    log_search("secretariat   INTERNATIONAL", 3)
    log_search(" Secretariat international ", 0)
    today = timezone.localdate()
    assert rows() == {("secretariat international", today): (3, 1)}


def test_zero_result_searches_are_counted_apart():
    log_search("callamar", 0)
    log_search("callamar", 0)
    log_search("callamard", 1)
    today = timezone.localdate()
    assert rows() == {("callamar", today): (2, 2), ("callamard", today): (1, 0)}


def test_each_day_has_its_own_row():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SearchQueryDay.objects.create(query="peine de mort", date=yesterday, searches=5, zero_results=0)
    log_search("Peine de mort", 2)
    assert rows() == {("peine de mort", yesterday): (5, 0), ("peine de mort", timezone.localdate()): (1, 0)}


def test_an_empty_query_is_not_logged():
    for typed in ["", "   ", "\x00\x01", None]:
        log_search(typed, 0)
    assert SearchQueryDay.objects.count() == 0


def test_the_log_holds_nothing_that_identifies_the_visitor():
    fields = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert fields == {"id", "query", "date", "searches", "zero_results"}
    # The only input is the query and a count: no request, address, user or session can reach it.
    assert log_search.__code__.co_varnames[: log_search.__code__.co_argcount] == ("query_string", "result_count")


def test_a_search_already_logged_today_costs_one_update():
    log_search("torture", 4)  # creates the row (and runs the day's purge)
    with CaptureQueriesContext(connection) as queries:
        log_search("Torture", 0)
    assert len(queries) == 1
    assert queries[0]["sql"].lstrip().upper().startswith("UPDATE")
    assert rows() == {("torture", timezone.localdate()): (2, 1)}


@override_settings(SEARCH_LOG_MAX_AGE_DAYS=30)
def test_days_older_than_the_retention_are_purged_by_the_command():
    today = timezone.localdate()
    for age in (0, 29, 30, 31, 400):
        SearchQueryDay.objects.create(query=f"requete {age}", date=today - datetime.timedelta(days=age), searches=1)
    out = io.StringIO()
    call_command("purge_search_log", stdout=out)
    assert sorted(SearchQueryDay.objects.values_list("query", flat=True)) == ["requete 0", "requete 29", "requete 30"]
    assert "2 ligne(s) supprimée(s)" in out.getvalue()


def test_the_log_purges_itself_once_a_day():
    today = timezone.localdate()
    old = today - datetime.timedelta(days=365)
    SearchQueryDay.objects.create(query="ancienne", date=old, searches=1)
    log_search("nouvelle", 1)
    assert not SearchQueryDay.objects.filter(query="ancienne").exists()

    # Later the same day the purge does not run again (one UPDATE per search, as above).
    SearchQueryDay.objects.create(query="ancienne", date=old, searches=1)
    log_search("nouvelle", 1)
    assert SearchQueryDay.objects.filter(query="ancienne").exists()
    assert purge_old_entries() == 1
