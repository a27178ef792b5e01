"""On publish, an issue's PDF takes the issue's file name; a processed PDF reindexes its issues."""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from core.processing import document_processed


@receiver(page_published)
def name_issue_pdf(sender, instance, **kwargs):
    from .models import NQIIssuePage

    if not isinstance(instance, NQIIssuePage) or instance.pdf is None:
        return
    if instance.pdf.filename != instance.download_filename:
        instance.pdf.rename_file(instance.download_filename)


@receiver(document_processed)
def reindex_issues_of_document(sender, document, **kwargs):
    """An issue is found by the words of its PDF: once the text is extracted, index it again."""
    from .models import NQIIssuePage

    for page in NQIIssuePage.objects.filter(pdf_id=document.pk):
        index.insert_or_update_object(page)
