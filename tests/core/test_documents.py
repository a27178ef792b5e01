"""The site's documents: only real, readable PDFs get in through the admin; the text and cover come later.

Uploads go through core.forms.SiteDocumentForm (the library, the chooser); a new file is queued on
the "background" task backend (core.tasks), whose worker fills the text, page count and cover
(core.processing). Who may upload and delete is what Wagtail reads: wagtaildocs.Document's
permissions on the root collection.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission
from wagtail.permissions import policy_registry

from core.models import ExtractionStatus, SiteDocument, SiteImage, format_file_size
from tests.core.factories import SiteDocumentFactory
from tests.core.pdfs import make_encrypted_pdf, make_pdf, run_background_worker, upload

pytestmark = pytest.mark.django_db


def add_document(client, name, data, title="Rapport annuel", content_type="application/pdf", collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": upload(name, data, content_type),
            "collection": (collection or Collection.get_first_root_node()).pk,
        },
    )


def errors_of(response) -> str:
    assert response.status_code == 200, "a refused upload shows the form again"
    form = response.context["form"]
    return " ".join(str(error) for error in form.errors.get("file", []))


def private_collection() -> Collection:
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    return private


def test_the_site_document_model_is_wagtails_document_model():
    assert get_document_model() is SiteDocument


def test_french_file_sizes():
    assert format_file_size(1_258_291) == "1,2\u00a0Mo"
    assert format_file_size(2 * 1024 * 1024) == "2\u00a0Mo"
    assert format_file_size(870 * 1024) == "870\u00a0ko"
    assert format_file_size(None) == ""


# --- Upload checks (core.forms.SiteDocumentForm) ------------------------------------------------


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
    assert not SiteDocument.objects.exists()


def test_encrypted_pdf_is_refused(admin_client):
    response = add_document(admin_client, "protege.pdf", make_encrypted_pdf())
    assert "protégé (chiffré ou par mot de passe)" in errors_of(response)
    assert not SiteDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=4 * 1024)
def test_too_large_file_is_refused(admin_client):
    data = make_pdf(30, "Un texte assez long pour dépasser la limite " * 4, lines_per_page=8)
    assert len(data) > 4 * 1024
    response = add_document(admin_client, "gros.pdf", data)
    message = errors_of(response)
    assert "trop" in message.lower() and "4,0" in message
    assert not SiteDocument.objects.exists()


def chooser_upload(client, name, data):
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Depuis le sélecteur",
            "document-chooser-upload-file": upload(name, data),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )


def test_the_chooser_upload_applies_the_same_checks(admin_client):
    refused = chooser_upload(admin_client, "faux.pdf", b"<html>pas un pdf</html>")
    payload = refused.json()
    assert payload["step"] == "reshow_creation_form"
    assert "n&#x27;est pas un PDF" in payload["htmlFragment"] or "n'est pas un PDF" in payload["htmlFragment"]
    assert not SiteDocument.objects.exists()

    accepted = chooser_upload(admin_client, "rapport.pdf", make_pdf(2, "Depuis le sélecteur"))
    assert accepted.json()["step"] == "chosen"
    document = SiteDocument.objects.get()
    assert document.page_count == 2 and document.extraction_status == ExtractionStatus.PENDING


# --- Processing on the "background" backend (core.tasks, core.processing) -----------------------


def test_a_real_pdf_is_stored_and_its_text_extracted_by_the_worker(admin_client):
    response = add_document(admin_client, "rapport.pdf", make_pdf(3, "Rapport sur Tombouctou"))
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    # The upload only checked the file: the text waits for the background worker.
    assert document.page_count == 3
    assert document.extraction_status == ExtractionStatus.PENDING
    assert document.extracted_text == ""
    queued = DBTaskResult.objects.get(id=document.task_result_id)
    assert queued.backend_name == "background" and queued.status == "READY"

    assert run_background_worker() == 1

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Tombouctou" in document.extracted_text
    assert document.page_count == 3
    assert document.cover is not None
    assert document.cover.description.startswith("Couverture de « Rapport annuel »")
    assert document.cover.width == 600
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert queued.return_value["pages"] == 3
    assert [doc.pk for doc in SiteDocument.objects.search("Tombouctou")] == [document.pk]


def test_a_bad_replacement_file_keeps_the_stored_document(admin_client):
    add_document(admin_client, "rapport.pdf", make_pdf(2, "Premier texte"))
    run_background_worker()
    document = SiteDocument.objects.get()
    original_name, original_hash = document.file.name, document.file_hash

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport annuel",
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
    add_document(admin_client, "rapport.pdf", make_pdf(2, "Premier texte"))
    run_background_worker()
    document = SiteDocument.objects.get()
    first_cover = document.cover_id

    admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport annuel",
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
    assert not SiteImage.objects.filter(pk=first_cover).exists(), "the old generated cover is removed"


def test_private_collection_document_gets_no_public_cover(admin_client):
    add_document(
        admin_client, "interne.pdf", make_pdf(1, "Confidentiel"), title="Interne", collection=private_collection()
    )
    run_background_worker()
    document = SiteDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.cover is None


@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
)
def test_with_the_immediate_backend_the_text_is_ready_when_the_upload_returns(admin_client):
    # The documented laptop setting (BACKGROUND_TASKS_BACKEND): no worker, the work happens in the request.
    add_document(admin_client, "rapport.pdf", make_pdf(2, "Tout de suite"))
    document = SiteDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Tout de suite" in document.extracted_text
    assert [doc.pk for doc in SiteDocument.objects.search("suite")] == [document.pk]


def test_the_edit_form_tells_the_extraction_state(admin_client):
    add_document(admin_client, "rapport.pdf", make_pdf(2))
    document = SiteDocument.objects.get()
    html = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Extraction du texte et de la couverture : en attente (2 pages)." in html
    run_background_worker()
    html = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Extraction du texte et de la couverture : terminée (2 pages)." in html


def test_deleting_a_document_deletes_its_generated_cover(admin_client):
    document = SiteDocumentFactory(pages=1)
    cover_id = document.cover_id
    assert cover_id is not None
    admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert not SiteDocument.objects.exists()
    assert not SiteImage.objects.filter(pk=cover_id).exists()


# --- Serving -------------------------------------------------------------------------------------


def test_private_collection_documents_are_never_served_to_the_public(client, admin_client):
    document = SiteDocumentFactory(title="Interne", words="Strictement interne", collection=private_collection())

    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert "Content-Disposition" not in response

    allowed = admin_client.get(document.url)
    assert allowed.status_code == 200 and allowed["Content-Type"] == "application/pdf"
    assert b"".join(allowed.streaming_content).startswith(b"%PDF-")


# --- The editors' groups (core migration 0002) ---------------------------------------------------


class TestEditorGroupsDocumentPermissions(TestCase):
    """Rédacteurs add, change and choose documents; Modérateurs may also delete them."""

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        cls.redactrice = users.create_user("redactrice", password="x")
        cls.redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
        cls.moderateur = users.create_user("moderateur", password="x")
        cls.moderateur.groups.add(Group.objects.get(name="Modérateurs"))
        cls.outsider = users.create_user("autre", password="x", is_staff=True)
        cls.policy = policy_registry.get_by_type(SiteDocument)

    def document_permissions(self, group_name) -> set[str]:
        return set(
            GroupCollectionPermission.objects.filter(
                group__name=group_name,
                collection=Collection.get_first_root_node(),
                permission__content_type__app_label="wagtaildocs",
                permission__content_type__model="document",
            ).values_list("permission__codename", flat=True)
        )

    def test_wagtail_reads_the_permissions_of_wagtaildocs_document(self):
        assert self.policy.auth_model is Document

    def test_the_groups_hold_the_wagtaildocs_permissions_on_the_root_collection(self):
        assert self.document_permissions("Rédacteurs") == {"add_document", "change_document", "choose_document"}
        assert self.document_permissions("Modérateurs") == {
            "add_document",
            "change_document",
            "delete_document",
            "choose_document",
        }

    def test_the_policy_lets_each_group_do_what_it_holds(self):
        for user in (self.redactrice, self.moderateur):
            for action in ("add", "change", "choose"):
                assert self.policy.user_has_permission(user, action), (user, action)
        someone_elses = SiteDocument(title="Déposé par quelqu'un d'autre", collection=Collection.get_first_root_node())
        assert self.policy.user_has_permission_for_instance(self.moderateur, "delete", someone_elses)
        for action in ("add", "choose", "change", "delete"):
            assert not self.policy.user_has_permission(self.outsider, action), action

    def test_staff_outside_the_groups_cannot_upload(self):
        self.client.force_login(self.outsider)
        add_document(self.client, "rapport.pdf", make_pdf(1))
        assert not SiteDocument.objects.exists()

    def test_a_redactrice_uploads_a_pdf_through_the_admin(self):
        self.client.force_login(self.redactrice)
        assert add_document(self.client, "rapport.pdf", make_pdf(1), title="Le sien").status_code == 302
        assert SiteDocument.objects.get().uploaded_by_user == self.redactrice

    def test_a_moderateur_deletes_a_document_through_the_admin(self):
        document = SiteDocumentFactory(pages=1)
        self.client.force_login(self.moderateur)
        response = self.client.post(reverse("wagtaildocs:delete", args=[document.pk]))
        assert response.status_code == 302
        assert not SiteDocument.objects.filter(pk=document.pk).exists()
