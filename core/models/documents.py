"""The document model every PDF of the site uses: page count, extracted text and a cover image.

The upload form (core.forms.SiteDocumentForm) checks the file; saving a new file queues
core.tasks.process_pdf on the "background" task backend (core.signals does it after the save),
which fills the text, the page count and the cover, then sends
`core.processing.document_processed` so that the pages using the document reindex themselves.
"""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from .images import SiteImage


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


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    RUNNING = "running", "en cours"
    DONE = "done", "terminée"
    FAILED = "failed", "échec"


class SiteDocument(AbstractDocument):
    """Wagtail's document restricted to PDFs, with the page count, the text and a cover image."""

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
        # Read by core.signals.queue_processing (post_save): a new file is queued for processing.
        self.file_changed = new_file
        super().save(*args, **kwargs)

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
