"""The NQI index, feed and issue pages render in a fixed number of queries, whatever the number of issues."""

from django.test import TestCase

from tests.core.factories import SiteDocumentFactory
from tests.newsletter.factories import NQIIndexPageFactory, NQIIssuePageFactory, month_number
from tests.query_budget import count_queries

# Anonymous visitor, warm caches. Raise only with a reason.
BUDGETS = {"index": 14, "feed": 8, "issue": 16}


class TestQueryBudgets(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NQIIndexPageFactory()
        # One PDF for all: the budget is about pages and queries, not about generating documents.
        cls.document = SiteDocumentFactory()
        cls.issues = cls.add_issues(0, 12)

    @classmethod
    def add_issues(cls, start, stop):
        return [NQIIssuePageFactory(month=month_number(offset), pdf=cls.document) for offset in range(start, stop)]

    def test_index_feed_and_issue_pages_cost_the_same_with_12_or_120_issues(self):
        urls = {"index": self.index.url, "feed": self.index.url + "flux/rss/", "issue": self.issues[5].url}
        before = {name: count_queries(self.client, url) for name, url in urls.items()}
        weight_before = len(self.client.get(self.index.url).content)

        self.add_issues(12, 120)

        after = {name: count_queries(self.client, url) for name, url in urls.items()}
        weight_after = len(self.client.get(self.index.url).content)
        for name, budget in BUDGETS.items():
            assert before[name] == after[name] <= budget, f"{name}: {before[name]} → {after[name]}, budget {budget}"
        # The archive lists every issue: the page grows by a line per issue, not by a card.
        assert weight_before < weight_after < weight_before + 108 * 600, (weight_before, weight_after)
