"""The NQI index and issue pages render in a fixed number of queries, whatever the number of issues."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.newsletter.conftest import add_issue, month_number

pytestmark = pytest.mark.django_db

# Anonymous visitor, warm caches. Raise only with a reason.
BUDGETS = {"index": 14, "issue": 16, "feed": 8}


def count_queries(client, url) -> tuple[int, int]:
    client.get(url)  # warm Wagtail's site-root-paths cache, as a running server has it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def add_issues(index, document, start, stop):
    return [add_issue(index, month_number(offset), pdf=document) for offset in range(start, stop)]


def test_index_and_feeds_query_counts_do_not_grow_from_12_to_120_issues(client, nqi_index, nqi_document):
    issues = add_issues(nqi_index, nqi_document, 0, 12)
    index_12, weight_12 = count_queries(client, nqi_index.url)
    rss_12, _ = count_queries(client, nqi_index.url + "flux/rss/")
    issue_12, _ = count_queries(client, issues[5].url)

    add_issues(nqi_index, nqi_document, 12, 120)
    index_120, weight_120 = count_queries(client, nqi_index.url)
    rss_120, _ = count_queries(client, nqi_index.url + "flux/rss/")
    issue_120, _ = count_queries(client, issues[5].url)

    # The archive lists every issue: the page grows by a line per issue, not by a card.
    assert weight_12 < weight_120 < weight_12 + 108 * 600, (weight_12, weight_120)
    assert index_12 == index_120 <= BUDGETS["index"], (index_12, index_120)
    assert rss_12 == rss_120 <= BUDGETS["feed"], (rss_12, rss_120)
    assert issue_12 == issue_120 <= BUDGETS["issue"], (issue_12, issue_120)
