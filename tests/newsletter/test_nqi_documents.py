"""PDF uploads through the Wagtail admin: only real, readable PDFs get in; the text comes later."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.models import ExtractionStatus
from core.models import SiteDocument as NQIDocument
from tests.core.pdfs import make_encrypted_pdf, make_pdf, run_background_worker, upload

pytestmark = pytest.mark.django_db


def add_document(client, name, data, title="NQI test", content_type="application/pdf"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": upload(name, data, content_type), "collection": Collection.get_first_root_node().pk},
    )


def errors_of(response) -> str:
    assert response.status_code == 200, "a refused upload shows the form again"
    form = response.context["form"]
    return " ".join(str(error) for error in form.errors.get("file", []))


def test_custom_document_model_is_the_nqi_document():
    assert get_document_model() is NQIDocument


def test_a_real_pdf_is_stored_and_its_text_extracted_by_the_worker(admin_client):
    response = add_document(admin_client, "numero.pdf", make_pdf(3, "Rapport sur Tombouctou"))
    assert response.status_code == 302
    document = NQIDocument.objects.get()
    # The upload only checked the file: the text waits for the background worker.
    assert document.page_count == 3
    assert document.extraction_status == ExtractionStatus.PENDING
    assert document.extracted_text == ""
    assert document.task_result_id

    run_background_worker()

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Tombouctou" in document.extracted_text
    assert document.page_count == 3
    assert document.cover is not None
    assert document.cover.description.startswith("Couverture de « NQI test »")
    assert document.cover.width == 600
    from django_tasks_db.models import DBTaskResult

    recorded = DBTaskResult.objects.get(id=document.task_result_id)
    assert recorded.status == "SUCCESSFUL"
    assert recorded.return_value["pages"] == 3


@pytest.mark.parametrize(
    ("name", "data", "content_type", "expected"),
    [
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "application/pdf", "n'est pas un PDF"),
        ("page.pdf", b"<!DOCTYPE html><html><body>Bonjour</body></html>", "application/pdf", "n'est pas un PDF"),
        (
            "page.html",
            b"<!DOCTYPE html><html><body>Bonjour</body></html>",
            "text/html",
            "Seuls les fichiers PDF sont acceptés",
        ),
        ("casse.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\ngarbage without xref", "application/pdf", "endommagé"),
        ("vide.pdf", b"", "application/pdf", "vide"),
    ],
    ids=["non-pdf-renamed", "html-renamed", "html-extension", "broken", "zero-byte"],
)
def test_bad_files_are_refused_with_a_french_message(admin_client, name, data, content_type, expected):
    response = add_document(admin_client, name, data, content_type=content_type)
    message = errors_of(response)
    assert expected in message
    assert "extension de fichier" not in message, "one clear message, not Wagtail's extra one"
    assert not NQIDocument.objects.exists()


def test_encrypted_pdf_is_refused(admin_client):
    response = add_document(admin_client, "protege.pdf", make_encrypted_pdf())
    assert "protégé (chiffré ou par mot de passe)" in errors_of(response)
    assert not NQIDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=4 * 1024)
def test_too_large_file_is_refused(admin_client):
    data = make_pdf(30, "Un texte assez long pour dépasser la limite " * 4, lines_per_page=8)
    assert len(data) > 4 * 1024
    response = add_document(admin_client, "gros.pdf", data)
    message = errors_of(response)
    assert "trop" in message.lower() and "4,0" in message
    assert not NQIDocument.objects.exists()


def test_a_bad_replacement_file_keeps_the_stored_document(admin_client):
    add_document(admin_client, "numero.pdf", make_pdf(2, "Premier texte"))
    run_background_worker()
    document = NQIDocument.objects.get()
    original_name, original_hash = document.file.name, document.file_hash

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "NQI test",
            "file": upload("remplacement.pdf", b"<html>pas un pdf</html>"),
            "collection": document.collection_id,
        },
    )

    assert "n'est pas un PDF" in errors_of(response)
    document.refresh_from_db()
    assert (document.file.name, document.file_hash) == (original_name, original_hash)
    assert document.file.storage.exists(original_name)
    assert "Premier texte" in document.extracted_text
    assert document.extraction_status == ExtractionStatus.DONE


def test_replacing_the_file_resets_and_requeues_the_extraction(admin_client):
    add_document(admin_client, "numero.pdf", make_pdf(2, "Premier texte"))
    run_background_worker()
    document = NQIDocument.objects.get()
    first_cover = document.cover_id

    admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "NQI test",
            "file": upload("v2.pdf", make_pdf(5, "Second texte")),
            "collection": document.collection_id,
        },
    )
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.PENDING and document.page_count == 5
    run_background_worker()
    document.refresh_from_db()
    assert "Second texte" in document.extracted_text and "Premier texte" not in document.extracted_text
    assert document.cover_id != first_cover
    from core.models import SiteImage

    assert not SiteImage.objects.filter(pk=first_cover).exists(), "the old generated cover is removed"


def test_private_collection_document_gets_no_public_cover(admin_client):
    from wagtail.models import CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Interne", "file": upload("interne.pdf", make_pdf(1, "Confidentiel")), "collection": private.pk},
    )
    run_background_worker()
    document = NQIDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.cover is None


def test_editor_groups_hold_permissions_on_the_nqi_document_model_too():
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission

    def codenames(group_name):
        return set(
            GroupCollectionPermission.objects.filter(
                group=Group.objects.get(name=group_name), permission__content_type__app_label="newsletter"
            ).values_list("permission__codename", flat=True)
        )

    assert codenames("Rédacteurs") == {"add_nqidocument", "change_nqidocument", "choose_document"}
    assert codenames("Modérateurs") == {
        "add_nqidocument",
        "change_nqidocument",
        "delete_nqidocument",
        "choose_document",
    }


def chooser_upload(client, name, data):
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "NQI depuis le sélecteur",
            "document-chooser-upload-file": upload(name, data),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )


def test_the_chooser_upload_used_in_the_issue_form_applies_the_same_checks(admin_client):
    refused = chooser_upload(admin_client, "faux.pdf", b"<html>pas un pdf</html>")
    payload = refused.json()
    assert payload["step"] == "reshow_creation_form"
    assert "n&#x27;est pas un PDF" in payload["htmlFragment"] or "n'est pas un PDF" in payload["htmlFragment"]
    assert not NQIDocument.objects.exists()

    accepted = chooser_upload(admin_client, "numero.pdf", make_pdf(2, "Depuis le sélecteur"))
    assert accepted.json()["step"] == "chosen"
    document = NQIDocument.objects.get()
    assert document.page_count == 2 and document.extraction_status == ExtractionStatus.PENDING


@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
)
def test_with_the_immediate_backend_the_text_is_ready_when_the_upload_returns(admin_client):
    # The documented laptop setting (NQI_TASKS_BACKEND): no worker, the work happens in the request.
    add_document(admin_client, "numero.pdf", make_pdf(2, "Tout de suite"))
    document = NQIDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Tout de suite" in document.extracted_text
    assert [doc.pk for doc in NQIDocument.objects.search("suite")] == [document.pk]


def test_editor_groups_hold_the_document_permissions_wagtail_checks(client, django_user_model):
    from django.contrib.auth.models import Group
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(NQIDocument)
    redactrice = django_user_model.objects.create_user("redac", password="x")
    redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
    moderateur = django_user_model.objects.create_user("modo", password="x")
    moderateur.groups.add(Group.objects.get(name="Modérateurs"))
    outsider = django_user_model.objects.create_user("autre", password="x", is_staff=True)

    for user in (redactrice, moderateur):
        assert policy.user_has_permission(user, "add") and policy.user_has_permission(user, "choose")
    assert policy.user_has_permission(moderateur, "delete")
    assert not policy.user_has_permission(outsider, "add")

    client.force_login(redactrice)
    assert add_document(client, "numero.pdf", make_pdf(1), title="Le sien").status_code == 302
    assert NQIDocument.objects.get().uploaded_by_user == redactrice


def test_the_edit_form_tells_the_extraction_state(admin_client):
    add_document(admin_client, "numero.pdf", make_pdf(2))
    document = NQIDocument.objects.get()
    html = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Extraction du texte et de la couverture : en attente (2 pages)." in html
    run_background_worker()
    html = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Extraction du texte et de la couverture : terminée (2 pages)." in html


def test_deleting_a_document_deletes_its_generated_cover(admin_client):
    from core.models import SiteImage

    add_document(admin_client, "numero.pdf", make_pdf(1))
    run_background_worker()
    document = NQIDocument.objects.get()
    cover_id = document.cover_id
    assert cover_id is not None
    admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert not NQIDocument.objects.exists()
    assert not SiteImage.objects.filter(pk=cover_id).exists()
