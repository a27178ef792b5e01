"""Cache headers on PDF downloads: public issues cacheable for a day, restricted ones never stored."""

import datetime

from wagtail.models import Collection, CollectionViewRestriction

from tests.newsletter.conftest import add_issue, make_document


def test_a_public_issue_pdf_may_be_cached_for_a_day_and_revalidated(client, nqi_index, nqi_document):
    add_issue(nqi_index, datetime.date(2026, 11, 1), pdf=nqi_document)
    nqi_document.refresh_from_db()
    response = client.get(nqi_document.url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=86400"}
    assert response["ETag"]
    assert "Content-Encoding" not in response, "no literal 'None' encoding header"
    revalidated = client.get(nqi_document.url, headers={"If-None-Match": response["ETag"]})
    assert revalidated.status_code == 304
    assert "public" in revalidated["Cache-Control"]


def test_a_restricted_document_is_never_stored_by_a_cache(admin_client, db):
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = make_document("Interne", "Strictement interne")
    document.collection = private
    document.save()
    response = admin_client.get(document.url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"private", "no-store"}
