"""Factories of the newsletter app: the NQI index (a singleton under the home page) and its issues.

The page factories encode the tree: `NQIIssuePageFactory()` alone builds the home page (the default
site's root), the NQI index (reused when it exists) and a published issue with its own real,
processed PDF (tests.core.factories.SiteDocumentFactory). Pass `pdf=` to share one document between
issues, `publish=False` for a draft, and `month=month_number(n)` for a given month.
"""

import datetime

import factory
import wagtail_factories

from newsletter.models import NQIIndexPage, NQIIssuePage
from tests.core.factories import SingletonPageFactory, SiteDocumentFactory, default_home_page

__all__ = ["NQIIndexPageFactory", "NQIIssuePageFactory", "month_number"]

LATEST_MONTH = datetime.date(2026, 11, 1)


def month_number(offset: int) -> datetime.date:
    """The first of the month `offset` months before November 2026 (0 is November 2026)."""
    index = LATEST_MONTH.year * 12 + LATEST_MONTH.month - 1 - offset
    return datetime.date(index // 12, index % 12 + 1, 1)


class NQIIndexPageFactory(SingletonPageFactory):
    """The live NQI index under the home page. A singleton: returns the existing one if any."""

    title = "Nouvelles des Questions Internationales"
    slug = "nqi"
    introduction = "<p>Chaque mois, les nouvelles du mouvement.</p>"
    parent = factory.LazyFunction(default_home_page)

    class Meta:
        model = NQIIndexPage


class NQIIssuePageFactory(wagtail_factories.PageFactory):
    """A published issue under the NQI index, with its own processed PDF, one month before the last one.

    Publishing goes through a revision, as in the admin: the `page_published` signal gives the PDF
    the issue's file name (nqi-YYYY-MM.pdf). With `publish=False` the issue is a draft.
    """

    month = factory.Sequence(month_number)
    issue_number = factory.Sequence(lambda n: n + 1)  # positive, whatever the number of issues built
    title = factory.LazyAttribute(lambda issue: f"NQI n° {issue.issue_number} de {issue.month:%m/%Y}")
    slug = factory.LazyAttribute(lambda issue: f"nqi-{issue.month:%Y-%m}")
    summary = factory.LazyAttribute(lambda issue: f"Le résumé du numéro de {issue.month:%m/%Y}.")
    pdf = factory.SubFactory(
        SiteDocumentFactory,
        title=factory.SelfAttribute("..title"),
        words=factory.LazyAttribute(lambda document: f"N° {document.factory_parent.issue_number}"),
    )
    live = factory.SelfAttribute("publish")
    parent = factory.SubFactory(NQIIndexPageFactory)

    class Meta:
        model = NQIIssuePage
        skip_postgeneration_save = True

    class Params:
        publish = True

    @factory.post_generation
    def revision(issue, create, extracted, **kwargs):
        if not create:
            return
        revision = issue.save_revision()
        if issue.live:
            revision.publish()
