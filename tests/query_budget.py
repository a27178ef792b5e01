"""The one query-budget helper: how many SQL queries a page costs an anonymous visitor, warm caches."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str, *, status: int = 200) -> int:
    """Queries of the second GET of `url` (the first warms Wagtail's site-root-paths cache, as a
    running server has it). Fails when the page does not answer `status`."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return len(queries)


def assert_budget_holds(client, url: str, budget: int, grow, *, status: int = 200) -> tuple[int, int]:
    """The page stays within `budget` and costs the same after `grow()` adds content to it
    (children, issues, testimonials…). Returns (before, after) for the message."""
    before = count_queries(client, url, status=status)
    grow()
    after = count_queries(client, url, status=status)
    assert before == after <= budget, f"{url}: {before} queries before, {after} after; budget {budget}"
    return before, after
