"""Editors write, moderators publish; scheduled publishing happens on time.

The groups, their rights and the moderation workflow come from core's data migration; the tests
add one editor and one moderator to them.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.home.factories import StandardPageFactory, default_home_page

TASK_NAME = "Relecture par les modérateurs"


def edit_form(page: StandardPage, **changes) -> dict:
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])}
    data.update(changes)
    return nested_form_data(data)


class EditorialWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model()
        cls.editor = users.objects.create_user("redactrice", password="mot-de-passe")
        cls.editor.groups.add(Group.objects.get(name="Rédacteurs"))
        cls.moderator = users.objects.create_user("moderateur", password="mot-de-passe")
        cls.moderator.groups.add(Group.objects.get(name="Modérateurs"))
        cls.home = default_home_page()
        cls.page = StandardPageFactory(title="Contact", slug="contact", intro="Pour nous écrire.")

    def submit(self, page, **changes):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {**edit_form(page, **changes), "action-submit": "1"}
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()

    def test_editor_submits_and_moderator_publishes(self):
        page = self.page
        self.submit(page, title="Nous contacter")

        page.refresh_from_db()
        self.assertEqual(page.title, "Contact", "a submitted change must not go live before moderation")
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.current_task_state.task.name, TASK_NAME)

        # The editor cannot publish by herself.
        self.client.force_login(self.editor)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {**edit_form(page, title="Publié sans relecture"), "action-publish": "1"},
        )
        page.refresh_from_db()
        self.assertEqual(page.title, "Contact")
        self.client.logout()

        self.client.force_login(self.moderator)
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
        )
        response = self.client.post(approve_url, {"comment": "Relu, merci."})
        self.assertIn(response.status_code, (200, 302))
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.title, "Nous contacter")
        self.client.logout()
        self.assertContains(self.client.get("/contact/"), "Nous contacter")

    def test_moderator_sees_submitted_pages_awaiting_review_on_the_dashboard(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        self.client.force_login(self.moderator)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), TASK_NAME)
        self.client.logout()

        self.submit(self.page, intro="Nouveau chapô à relire.")
        self.client.force_login(self.moderator)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, TASK_NAME)
        self.assertContains(response, f'href="{edit_url}"')
        self.assertContains(response, "Contact")

    def test_scheduled_page_goes_live_when_publish_scheduled_runs(self):
        page = StandardPage(title="Campagne à venir", slug="campagne-a-venir", intro="Bientôt en ligne.", live=False)
        self.home.add_child(instance=page)
        page.go_live_at = timezone.now() + timedelta(hours=1)
        revision = page.save_revision()
        revision.publish()
        self.assertEqual(self.client.get("/campagne-a-venir/").status_code, 404)
        self.assertIs(Page.objects.get(pk=page.pk).live, False)

        # An hour later, the cron job runs publish_scheduled.
        revision.refresh_from_db()
        self.assertIsNotNone(revision.approved_go_live_at)
        past = timezone.now() - timedelta(minutes=1)
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save()
        call_command("publish_scheduled")
        self.assertContains(self.client.get("/campagne-a-venir/"), "Campagne à venir")

    def test_every_page_type_can_be_previewed_by_an_editor(self):
        self.client.force_login(self.editor)
        forms = {
            self.home: nested_form_data(
                {
                    "title": "Aperçu avant publication",
                    "slug": self.home.slug,
                    "hero_cta": streamfield([]),
                    "body": streamfield([]),
                }
            ),
            self.page: edit_form(self.page, title="Aperçu avant publication"),
        }
        for page, data in forms.items():
            with self.subTest(page_type=type(page).__name__):
                preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
                self.assertIs(self.client.post(preview_url, data).json()["is_valid"], True)
                self.assertContains(self.client.get(preview_url), "Aperçu avant publication")

    def test_admin_speaks_french_to_editors(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, '<html lang="fr"')
        self.assertContains(response, "Tableau de bord")
