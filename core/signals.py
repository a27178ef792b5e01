"""What happens around a document's save and delete.

A saved document with a new file is queued for processing (text, page count, cover) unless the
caller processes it itself (`skip_processing_task`); a deleted document takes its generated cover
along. Once processed, core.processing sends `document_processed`, to which the apps whose pages
show a document's text listen (the NQI issues reindex themselves), so that core knows none of them.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SiteDocument, SiteImage
from .tasks import schedule_processing


@receiver(post_save, sender=SiteDocument)
def queue_processing(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "file_changed", False) or getattr(instance, "skip_processing_task", False):
        return
    instance.file_changed = False
    schedule_processing(instance)


@receiver(post_delete, sender=SiteDocument)
def delete_generated_cover(sender, instance, **kwargs):
    if instance.cover_id is not None:
        SiteImage.objects.filter(pk=instance.cover_id).delete()
