"""The PDF upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

from .pdf import PDFError, inspect_pdf


def too_large_message(size: int, limit: int) -> str:
    return (
        f"Ce fichier pèse {filesizeformat(size)} : la limite est de {filesizeformat(limit)}. "
        "Réduisez le poids du PDF (export « pour écran » ou images compressées) puis déposez-le à nouveau."
    )


class SiteDocumentForm(BaseDocumentForm):
    """Accepts only real, readable, unencrypted PDFs under the size limit (messages in French).

    Runs for every upload path of the admin: the documents library, the chooser's upload tab and
    the multiple upload. A refused file leaves the stored document untouched.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields[
                "file"
            ].help_text = f"Un PDF non protégé, {filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)} au plus."
        self._page_count = None
        if self.instance.pk and "file" in self.fields:
            document = self.instance
            state = f"Extraction du texte et de la couverture : {document.get_extraction_status_display()}"
            if document.page_count:
                state += f" ({document.page_count} pages)"
            if document.extraction_error:
                state += " : le fichier n'a pas pu être lu, déposez-le à nouveau"
            self.fields["file"].help_text += f" {state}."

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or "file" not in self.changed_data:
            return uploaded
        if not uploaded.name.lower().endswith(".pdf"):
            raise forms.ValidationError(
                f"Seuls les fichiers PDF sont acceptés : « {uploaded.name} » n'a pas l'extension .pdf.",
                code="invalid_extension",
            )
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit is not None and uploaded.size > limit:
            raise forms.ValidationError(too_large_message(uploaded.size, limit), code="file_too_large")
        try:
            self._page_count = inspect_pdf(uploaded)
        except PDFError as error:
            raise forms.ValidationError(str(error), code="invalid_pdf") from error
        return uploaded

    def save(self, commit=True):
        if self._page_count is not None:
            self.instance.page_count = self._page_count
        return super().save(commit=commit)
