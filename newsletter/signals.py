"""On publish, an issue's PDF takes the issue's file name ("nqi-2026-11.pdf")."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def name_issue_pdf(sender, instance, **kwargs):
    from .models import NQIIssuePage

    if not isinstance(instance, NQIIssuePage) or instance.pdf is None:
        return
    if instance.pdf.filename != instance.download_filename:
        instance.pdf.rename_file(instance.download_filename)
