"""The admin reports on the search log: « Recherches sans résultat » and « Recherches fréquentes »,
over the last 30 days, for the Rédacteurs and the Modérateurs."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from search.logging import log_search
from search.models import SearchQueryDay

pytestmark = pytest.mark.django_db
ZERO_URL = reverse("search_reports:zero_results")
FREQUENT_URL = reverse("search_reports:frequent")


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def admin_menu(client) -> str:
    """The admin's sidebar menu (Wagtail sends it as JSON in the page), as readable text."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def search_log():
    """Searches of the last weeks, and one older than the report's 30 days."""
    for query, age, searches, zero in [
        ("callamar", 0, 4, 4),
        ("callamar", 3, 2, 2),
        ("bureau de tunis", 1, 3, 3),
        ("secretariat international", 0, 9, 0),
        ("secretariat international", 29, 1, 0),
        ("peine de mort", 2, 5, 1),
        ("vieille requete", 30, 50, 50),
    ]:
        SearchQueryDay.objects.create(query=query, date=days_ago(age), searches=searches, zero_results=zero)


def rows(response) -> list[tuple]:
    """The report's table as (query, searches, zero results), in its order."""
    return [(row["query"], row["total_searches"], row["total_zero_results"]) for row in response.context["object_list"]]


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(user_in(django_user_model, "Rédacteurs"))
    return client


def test_the_zero_result_report_lists_what_found_nothing_most_first(editor_client, search_log):
    response = editor_client.get(ZERO_URL)
    assert response.status_code == 200
    assert rows(response) == [("callamar", 6, 6), ("bureau de tunis", 3, 3), ("peine de mort", 5, 1)]
    html = response.content.decode()
    assert "Recherches sans résultat" in html and "Sur les 30 derniers jours" in html
    assert "vieille requete" not in html  # older than 30 days


def test_the_frequent_searches_report_lists_every_query_most_searched_first(editor_client, search_log):
    response = editor_client.get(FREQUENT_URL)
    assert rows(response) == [
        ("secretariat international", 10, 0),
        ("callamar", 6, 6),
        ("peine de mort", 5, 1),
        ("bureau de tunis", 3, 3),
    ]
    assert response.context["object_list"][0]["last_searched"] == timezone.localdate()


def test_a_report_can_be_sorted_by_its_columns(editor_client, search_log):
    response = editor_client.get(FREQUENT_URL, {"ordering": "query"})
    assert [row[0] for row in rows(response)] == [
        "bureau de tunis",
        "callamar",
        "peine de mort",
        "secretariat international",
    ]


def test_searching_a_report_ignores_case_and_accents(editor_client, search_log):
    response = editor_client.get(FREQUENT_URL, {"q": "Secrétariat"})
    assert rows(response) == [("secretariat international", 10, 0)]


def test_the_reports_show_what_visitors_typed_normalised(editor_client):
    log_search("Callamar", 0)
    log_search("CALLAMÀR ", 0)
    log_search("Callamard", 2)
    response = editor_client.get(ZERO_URL)
    assert rows(response) == [("callamar", 2, 2)]


def test_a_report_exports_to_csv(editor_client, search_log):
    response = editor_client.get(ZERO_URL, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Requête,Recherches,Sans résultat,Dernière recherche"
    assert lines[1].startswith("callamar,6,6,")


@pytest.mark.parametrize("group_name", ["Rédacteurs", "Modérateurs"])
def test_both_groups_find_the_reports_in_the_reports_menu(client, django_user_model, group_name):
    client.force_login(user_in(django_user_model, group_name))
    menu = admin_menu(client)
    assert ZERO_URL in menu and FREQUENT_URL in menu
    assert "Recherches sans résultat" in menu and "Recherches fréquentes" in menu
    assert client.get(ZERO_URL).status_code == 200
    assert client.get(FREQUENT_URL).status_code == 200


def test_an_admin_user_outside_the_groups_cannot_read_the_reports(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("sans-groupe", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert ZERO_URL not in admin_menu(client)
    assert client.get(ZERO_URL).status_code == 302  # Wagtail's "permission denied"
    assert client.get(FREQUENT_URL).status_code == 302


def test_an_empty_report_says_so_in_french(editor_client):
    assert "Aucune recherche sans résultat sur les 30 derniers jours." in editor_client.get(ZERO_URL).content.decode()
