"""Signals of the site's documents.

`document_processed` is sent once a document's text and cover are extracted: a domain app whose
pages show the document's text (the NQI issues) listens to it and reindexes them, so that core
needs to know none of them. A deleted document takes its generated cover along.
"""

from django.db.models.signals import post_delete
from django.dispatch import Signal, receiver

document_processed = Signal()  # sender: the document model; kwargs: document


@receiver(post_delete, sender="core.SiteDocument")
def delete_generated_cover(sender, instance, **kwargs):
    if instance.cover_id is not None:
        from .models import SiteImage

        SiteImage.objects.filter(pk=instance.cover_id).delete()
