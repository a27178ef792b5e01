"""Cache headers on document downloads (core.middleware): public PDFs cacheable for a day, restricted ones never stored."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction

from tests.core.factories import SiteDocumentFactory


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


class TestDocumentCacheHeaders(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.public = SiteDocumentFactory(title="Rapport public")
        private = Collection.get_first_root_node().add_child(name="Documents internes")
        CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
        cls.restricted = SiteDocumentFactory(title="Interne", words="Strictement interne", collection=private)
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def test_a_public_pdf_may_be_cached_for_a_day_and_revalidated(self):
        response = self.client.get(self.public.url)
        assert response.status_code == 200
        assert cache_control(response) == {"public", "max-age=86400"}
        assert response["ETag"]
        assert "Content-Encoding" not in response, "no literal 'None' encoding header"
        revalidated = self.client.get(self.public.url, headers={"If-None-Match": response["ETag"]})
        assert revalidated.status_code == 304
        assert "public" in cache_control(revalidated)

    def test_a_restricted_document_is_never_stored_by_a_cache(self):
        self.client.force_login(self.admin)
        response = self.client.get(self.restricted.url)
        assert response.status_code == 200
        assert cache_control(response) == {"private", "no-store"}
