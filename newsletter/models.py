""" "Nouvelles des Questions Internationales": the index and the monthly issues, each with its PDF.

The PDF is a core.SiteDocument (the site's document model): its text, page count and cover come
from core's background task.
"""

from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.translation import override
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.fields import StreamField
from core.models import BasePage, SiteDocument, SiteImage
from core.rich_text import RICH_TEXT_FEATURES

from .blocks import ArticleSummaryBlock
from .feeds import NQIAtomFeed, NQIRssFeed
from .forms import NQIIssuePageForm

# How much of a PDF's text the issue page puts in the search index.
PDF_TEXT_SEARCH_LIMIT = 20_000
LATEST_COUNT = 3
RSS_PATH = "flux/rss/"
ATOM_PATH = "flux/atom/"


def format_month(month) -> str:
    with override("fr"):
        return date_format(month, "F Y")


# --- Pages ------------------------------------------------------------------------------------


class NQIIndexPage(RoutablePageMixin, BasePage):
    """What NQI is, the three latest issues, the archive by year and the feeds."""

    introduction = RichTextField("introduction", blank=True, features=RICH_TEXT_FEATURES)

    summary_field = "introduction"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NQIIssuePage"]
    max_count = 1
    latest_count = LATEST_COUNT  # read by the « Dernières NQI » block too

    class Meta:
        verbose_name = "index des NQI"
        verbose_name_plural = "index des NQI"

    def issues(self):
        """Live, public issues, newest first, with what a list shows (document and covers)."""
        return (
            NQIIssuePage.objects.child_of(self)
            .live()
            .public()
            .select_related("pdf", "pdf__cover", "cover_image")
            .order_by("-month", "-pk")
        )

    @path("")
    def index_view(self, request):
        issues = list(self.issues())
        archive = [(year, list(items)) for year, items in groupby(issues, key=lambda issue: issue.month.year)]
        return self.render(
            request,
            context_overrides={"latest_issues": issues[:LATEST_COUNT], "archive": archive, "issue_count": len(issues)},
        )

    @path(RSS_PATH, name="rss")
    def rss_feed(self, request):
        return NQIRssFeed(self)(request)

    @path(ATOM_PATH, name="atom")
    def atom_feed(self, request):
        return NQIAtomFeed(self)(request)

    def rss_url(self) -> str:
        return self.url + RSS_PATH

    def atom_url(self) -> str:
        return self.url + ATOM_PATH

    def get_sitemap_urls(self, request=None):
        return Page.get_sitemap_urls(self, request)


class NQIIssuePage(BasePage):
    """One monthly issue: number, month, summary, the articles it summarises and its PDF."""

    issue_number = models.PositiveIntegerField("numéro", help_text="Le numéro du bulletin, par exemple 42.")
    month = models.DateField(
        "mois",
        help_text="Le mois de parution ; le site retient le premier jour du mois. Un seul numéro par mois.",
    )
    summary = models.TextField(
        "résumé", help_text="Deux ou trois phrases : reprises dans la liste des numéros, le flux et les résultats."
    )
    articles = StreamField(
        [("article", ArticleSummaryBlock())],
        verbose_name="articles résumés",
        blank=True,
    )
    pdf = models.ForeignKey(
        SiteDocument,
        verbose_name="PDF du numéro",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Obligatoire pour publier. Vous pouvez le déposer directement depuis le sélecteur.",
    )
    cover_image = models.ForeignKey(
        SiteImage,
        verbose_name="couverture (facultatif)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Laissez vide pour utiliser la première page du PDF.",
    )

    summary_field = "summary"

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("issue_number"), FieldPanel("month")], heading="Parution"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("pdf"), FieldPanel("cover_image")], heading="PDF"),
        FieldPanel("articles"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("articles"),
        index.SearchField("pdf_text"),
        index.FilterField("month"),
    ]

    base_form_class = NQIIssuePageForm
    parent_page_types = ["newsletter.NQIIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "numéro des NQI"
        verbose_name_plural = "numéros des NQI"

    def clean(self):
        super().clean()
        if self.month:
            self.month = self.month.replace(day=1)
            taken = NQIIssuePage.objects.filter(month=self.month).exclude(pk=self.pk).first()
            if taken is not None:
                raise ValidationError(
                    {
                        "month": (
                            f"Le numéro « {taken.title} » paraît déjà en {format_month(self.month)} : "
                            "un seul numéro par mois. Choisissez un autre mois."
                        )
                    }
                )

    def pdf_text(self) -> str:
        if self.pdf is None:
            return ""
        return self.pdf.extracted_text[:PDF_TEXT_SEARCH_LIMIT]

    @property
    def month_label(self) -> str:
        return format_month(self.month)

    @property
    def cover(self):
        if self.cover_image is not None:
            return self.cover_image
        return self.pdf.cover if self.pdf is not None else None

    @property
    def download_filename(self) -> str:
        return f"nqi-{self.month:%Y-%m}.pdf"

    @property
    def download_details(self) -> str:
        """ "1,2 Mo, 16 pages": what the download button announces."""
        if self.pdf is None:
            return ""
        parts = [self.pdf.size_label]
        if self.pdf.page_count:
            count = self.pdf.page_count
            parts.append(f"{count}\u00a0page{'s' if count > 1 else ''}")
        return ", ".join(part for part in parts if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pdf_id is not None:
            # The document and its generated cover in one query (instead of one each).
            self.pdf = SiteDocument.objects.select_related("cover").filter(pk=self.pdf_id).first()
        index_url = self.get_parent().url
        context["feed_urls"] = {"rss": index_url + RSS_PATH, "atom": index_url + ATOM_PATH}
        siblings = NQIIssuePage.objects.sibling_of(self, inclusive=False).live().public()
        context["previous_issue"] = (
            siblings.filter(month__lt=self.month).order_by("-month").only("title", "month", "url_path").first()
        )
        context["next_issue"] = (
            siblings.filter(month__gt=self.month).order_by("month").only("title", "month", "url_path").first()
        )
        return context
