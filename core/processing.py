"""What the background task does with an uploaded PDF: text, page count, cover image, reindex."""

import io
import logging

from django.core.files.images import ImageFile
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.search import index

from .models import ExtractionStatus, SiteDocument, SiteImage
from .pdf import extract_text, render_cover

logger = logging.getLogger(__name__)

# Sent once a document's text, page count and cover are stored. Receivers: sender, document.
document_processed = Signal()


def cover_alt_text(document) -> str:
    return f"Couverture de « {document.title} » : première page du PDF"


def is_private(document) -> bool:
    return bool(document.collection.get_view_restrictions())


def process_document(document_id: int, file_hash: str | None = None) -> dict:
    document = SiteDocument.objects.select_related("collection", "cover").filter(pk=document_id).first()
    if document is None:
        return {"status": "missing"}
    if file_hash and document.file_hash and document.file_hash != file_hash:
        # The file was replaced after this task was queued: the newer task does the work.
        return {"status": "superseded"}
    SiteDocument.objects.filter(pk=document.pk).update(extraction_status=ExtractionStatus.RUNNING)
    try:
        with document.open_file() as handle:
            data = handle.read()
        text, page_count = extract_text(data)
        # A private document's first page must not become a public image.
        cover_bytes = None if is_private(document) else render_cover(data)
    except Exception as error:
        SiteDocument.objects.filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_error=f"{type(error).__name__}: {error}"[:2000],
            processed_at=timezone.now(),
        )
        raise

    with transaction.atomic():
        old_cover = document.cover
        cover = None
        if cover_bytes is not None:
            cover = SiteImage(
                title=f"Couverture PDF – {document.title}"[:255],
                description=cover_alt_text(document)[:255],
                collection=document.collection,
            )
            cover.file = ImageFile(io.BytesIO(cover_bytes), name=f"couverture-document-{document.pk}.jpg")
            cover.save()
        document.page_count = page_count
        document.extracted_text = text
        document.extraction_status = ExtractionStatus.DONE
        document.extraction_error = ""
        document.processed_at = timezone.now()
        document.cover = cover
        SiteDocument.objects.filter(pk=document.pk).update(
            page_count=page_count,
            extracted_text=text,
            extraction_status=ExtractionStatus.DONE,
            extraction_error="",
            processed_at=document.processed_at,
            cover=cover,
        )
        if old_cover is not None:
            old_cover.delete()
    index.insert_or_update_object(document)
    document_processed.send(sender=SiteDocument, document=document)
    return {
        "status": "done",
        "pages": page_count,
        "characters": len(text),
        "cover_id": cover.pk if cover is not None else None,
    }
