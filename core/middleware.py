"""Cache headers for the documents served by Wagtail's serve view.

Wagtail's view gives an ETag and Last-Modified but no Cache-Control, and its sendfile helper
writes a literal "Content-Encoding: None" for files that are not compressed. Public documents
may be kept a day by browsers and shared caches (then revalidated with the ETag); documents of a
restricted collection are only ever served to people allowed to see them, and must not be stored.
"""

from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model

PUBLIC_MAX_AGE = 24 * 60 * 60


class DocumentCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or match.url_name != "wagtaildocs_serve" or response.status_code not in (200, 304):
            return response
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        if "Cache-Control" not in response:
            document = (
                get_document_model()
                .objects.filter(pk=match.kwargs.get("document_id", match.args[0] if match.args else None))
                .select_related("collection")
                .first()
            )
            if document is None or document.collection.get_view_restrictions().exists():
                patch_cache_control(response, private=True, no_store=True)
            else:
                patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response
