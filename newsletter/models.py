""" "Nouvelles des Questions Internationales": the PDF document model, the index and the issues."""

from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.translation import override
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage, SiteImage

from .blocks import ArticleSummaryBlock
from .page_forms import NQIIssuePageForm

# How much of a PDF's text the issue page puts in the search index.
PDF_TEXT_SEARCH_LIMIT = 20_000
LATEST_COUNT = 3
FEED_LENGTH = 20
RSS_PATH = "flux/rss/"
ATOM_PATH = "flux/atom/"


def format_file_size(size: int | None) -> str:
    """French file size: "1,2 Mo", "850 ko" (binary multiples, like Django's filesizeformat)."""
    if not size:
        return ""
    if size >= 1024 * 1024:
        value = f"{size / (1024 * 1024):.1f}".replace(".", ",")
        return f"{value.removesuffix(',0')}\u00a0Mo"
    if size >= 1024:
        return f"{round(size / 1024)}\u00a0ko"
    return f"{size}\u00a0octets"


def format_month(month) -> str:
    with override("fr"):
        return date_format(month, "F Y")


# --- Documents --------------------------------------------------------------------------------


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    RUNNING = "running", "en cours"
    DONE = "done", "terminée"
    FAILED = "failed", "échec"


class NQIDocument(AbstractDocument):
    """Wagtail's document restricted to PDFs, with the page count, the text and a cover image.

    The upload form (newsletter.forms.NQIDocumentForm) checks the file; saving a new file queues
    newsletter.tasks.process_nqi_document, which fills the text, the page count and the cover.
    """

    page_count = models.PositiveIntegerField("nombre de pages", null=True, blank=True, editable=False)
    extracted_text = models.TextField("texte extrait", blank=True, editable=False)
    extraction_status = models.CharField(
        "extraction du texte",
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField("erreur d'extraction", blank=True, editable=False)
    processed_at = models.DateTimeField("traité le", null=True, blank=True, editable=False)
    # The file hash the current text and cover belong to (a new file resets them).
    processed_hash = models.CharField(max_length=40, blank=True, editable=False)
    task_result_id = models.CharField("tâche d'extraction", max_length=64, blank=True, editable=False)
    cover = models.ForeignKey(
        SiteImage,
        verbose_name="couverture générée",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    admin_form_fields = Document.admin_form_fields

    search_fields = [*AbstractDocument.search_fields, index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = "document PDF"
        verbose_name_plural = "documents PDF"
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        # Wagtail checks the extension here; without a file (the upload form already refused it)
        # that check would add a confusing second message about an empty extension.
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        if self.file and not self.file_hash:
            self._set_document_file_metadata()  # created in code rather than through the form
        new_file = bool(self.file_hash) and self.file_hash != self.processed_hash
        if new_file:
            self.processed_hash = self.file_hash
            self.extraction_status = ExtractionStatus.PENDING
            self.extracted_text = ""
            self.extraction_error = ""
            self.processed_at = None
        super().save(*args, **kwargs)
        if new_file and not getattr(self, "skip_processing_task", False):
            self.schedule_processing()

    def schedule_processing(self):
        """Queue the text and cover extraction; with an immediate backend it has run on return."""
        from .tasks import process_nqi_document

        result = process_nqi_document.enqueue(self.pk, self.file_hash)
        type(self).objects.filter(pk=self.pk).update(task_result_id=str(result.id))
        self.refresh_from_db(
            fields=["page_count", "extracted_text", "extraction_status", "extraction_error", "processed_at", "cover"]
        )
        self.task_result_id = str(result.id)
        return result

    def rename_file(self, filename: str) -> None:
        """Store the file as documents/<id>/<filename>: Wagtail serves it under that name."""
        storage = self.file.storage
        old_name = self.file.name
        target = f"documents/{self.pk}/{filename}"
        if old_name == target:
            return
        if storage.exists(target):
            storage.delete(target)  # a leftover of this same document (its own folder)
        with storage.open(old_name, "rb") as handle:
            new_name = storage.save(target, handle)
        type(self).objects.filter(pk=self.pk).update(file=new_name)
        self.file.name = new_name
        storage.delete(old_name)

    @property
    def size_label(self) -> str:
        return format_file_size(self.file_size)

    @property
    def is_processed(self) -> bool:
        return self.extraction_status == ExtractionStatus.DONE


# --- Pages ------------------------------------------------------------------------------------


class NQIIndexPage(RoutablePageMixin, BasePage):
    """What NQI is, the three latest issues, the archive by year and the feeds."""

    intro = RichTextField("introduction", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NQIIssuePage"]
    max_count = 1

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
        from .feeds import NQIRssFeed

        return NQIRssFeed(self)(request)

    @path(ATOM_PATH, name="atom")
    def atom_feed(self, request):
        from .feeds import NQIAtomFeed

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
        NQIDocument,
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
            self.pdf = NQIDocument.objects.select_related("cover").filter(pk=self.pdf_id).first()
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
