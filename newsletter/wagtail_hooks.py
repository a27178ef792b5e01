"""Serve NQI PDFs under a meaningful name ("nqi-2026-11.pdf") with explicit headers."""

from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail import hooks
from wagtail.documents.models import document_served

PUBLIC_MAX_AGE = 60 * 60  # an hour: a corrected PDF replaces the file behind the same URL


class DocumentFileResponse(FileResponse, HttpResponse):
    """A streaming FileResponse that Wagtail's serve view accepts from a before_serve_document hook.

    The view only returns a hook's result when it is an HttpResponse instance; FileResponse is a
    StreamingHttpResponse, so it is also given HttpResponse as a (later) base. Streaming behaviour
    (the `streaming` flag, `streaming_content`) comes first in the method resolution order.
    """


# order=100: after Wagtail's own before_serve_document hook (order 0), which enforces collection
# privacy (login or password): a private document never reaches this function for the public.
@hooks.register("before_serve_document", order=100)
def serve_nqi_pdf(document, request):
    from .models import NQIIssuePage

    if document.file_extension.lower() != "pdf":
        return None
    issue = NQIIssuePage.objects.live().filter(pdf_id=document.pk).order_by("-month").only("month").first()
    filename = issue.download_filename if issue is not None else document.filename
    etag = f'"{document.file_hash}"' if document.file_hash else None
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    document_served.send(sender=type(document), instance=document, request=request)
    response = DocumentFileResponse(
        document.file.storage.open(document.file.name, "rb"), content_type="application/pdf", filename=filename
    )
    response["Content-Length"] = str(document.file.size)
    if etag:
        response["ETag"] = etag
    if document.collection.get_view_restrictions():
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
