"""On publish, an issue's PDF takes the issue's file name; a deleted PDF takes its cover along."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def name_issue_pdf(sender, instance, **kwargs):
    from .models import NQIIssuePage

    if not isinstance(instance, NQIIssuePage) or instance.pdf is None:
        return
    if instance.pdf.filename != instance.download_filename:
        instance.pdf.rename_file(instance.download_filename)


@receiver(post_delete, sender="newsletter.NQIDocument")
def delete_generated_cover(sender, instance, **kwargs):
    if instance.cover_id is not None:
        from home.models import SiteImage

        SiteImage.objects.filter(pk=instance.cover_id).delete()
