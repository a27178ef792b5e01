"""Editors write, moderators publish; scheduled publishing happens on time."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage


def edit_form(page: StandardPage, **changes) -> dict:
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])}
    data.update(changes)
    return nested_form_data(data)


def test_editor_submits_and_moderator_publishes(client, demo_site):
    page = StandardPage.objects.get(slug="contact")
    client.login(username="redactrice", password="amnesty-demo-2026")

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, {**edit_form(page, title="Nous contacter"), "action-submit": "Soumettre"})
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.title == "Contact", "a submitted change must not go live before moderation"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Relecture par les modérateurs"

    # The editor cannot publish by herself.
    response = client.post(edit_url, {**edit_form(page, title="Publié sans relecture"), "action-publish": "Publier"})
    page.refresh_from_db()
    assert page.title == "Contact"

    client.logout()
    client.login(username="moderateur", password="amnesty-demo-2026")
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(approve_url, {"comment": "Relu, merci."})
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    assert page.live and page.title == "Nous contacter"
    client.logout()
    assert "Nous contacter" in client.get("/contact/").content.decode()


def test_scheduled_page_goes_live_when_publish_scheduled_runs(client, demo_site):
    home = demo_site
    page = StandardPage(title="Campagne à venir", slug="campagne-a-venir", intro="Bientôt en ligne.", live=False)
    home.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert client.get("/campagne-a-venir/").status_code == 404
    assert Page.objects.get(pk=page.pk).live is False

    # An hour later, the cron job runs publish_scheduled.
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert client.get("/campagne-a-venir/").status_code == 200


def test_every_page_type_can_be_previewed_by_an_editor(client, demo_site):
    client.login(username="redactrice", password="amnesty-demo-2026")
    for page in (demo_site, StandardPage.objects.get(slug="agir")):
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        if page.specific_class is StandardPage:
            data = edit_form(page, title="Aperçu avant publication")
        else:
            data = nested_form_data(
                {
                    "title": "Aperçu avant publication",
                    "slug": page.slug,
                    "hero_cta": streamfield([]),
                    "body": streamfield([]),
                }
            )
        assert client.post(preview_url, data).json()["is_valid"] is True
        response = client.get(preview_url)
        assert response.status_code == 200
        assert "Aperçu avant publication" in response.content.decode()


def test_admin_speaks_french_to_editors(client, demo_site):
    client.login(username="redactrice", password="amnesty-demo-2026")
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in html
    assert "Tableau de bord" in html


def test_moderator_sees_submitted_pages_awaiting_review_on_the_dashboard(client, demo_site):
    page = StandardPage.objects.get(slug="agir")
    client.login(username="redactrice", password="amnesty-demo-2026")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page, intro="Nouveau chapô à relire."), "action-submit": "Soumettre"},
    )
    client.logout()
    client.login(username="moderateur", password="amnesty-demo-2026")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Agir" in html and "Relecture par les modérateurs" in html
