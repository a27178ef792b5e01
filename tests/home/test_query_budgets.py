"""Each public page type renders in a fixed number of queries, whatever the number of children."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage

# Budgets per page type (anonymous visitor, warm caches). Raise them only with a reason.
BUDGETS = {"home": 17, "standard": 15}  # +2 since the donation box and urgent banner (campaigns): settings + banners


def count_queries(client, url) -> int:
    client.get(url)  # warm Wagtail's site-root-paths cache, as a running server has it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_children(parent, count):
    for index in range(count):
        parent.add_child(instance=StandardPage(title=f"Enfant {index}", slug=f"enfant-{parent.pk}-{index}", intro="…"))


def test_home_page_query_budget_does_not_grow_with_children(client, demo_site):
    before = count_queries(client, "/")
    add_children(HomePage.objects.get(), 20)
    after = count_queries(client, "/")
    assert before == after <= BUDGETS["home"], (before, after)


def test_standard_page_query_budget_does_not_grow_with_children(client, demo_site):
    page = StandardPage.objects.get(slug="agir")
    before = count_queries(client, page.url)
    add_children(page, 20)
    after = count_queries(client, page.url)
    assert before == after <= BUDGETS["standard"], (before, after)
