"""Moderators manage the promoted search results; both groups read the search log's reports."""

from django.db import migrations

from core.data_migrations import grant_model_permissions, revoke_model_permissions

PROMOTION_PERMISSIONS = {"Modérateurs": {"searchpromotion": ["add", "change", "delete"]}}
REPORT_PERMISSIONS = {
    "Rédacteurs": {"searchqueryday": ["view"]},
    "Modérateurs": {"searchqueryday": ["view"]},
}


def forwards(apps, schema_editor):
    grant_model_permissions(apps, "wagtailsearchpromotions", PROMOTION_PERMISSIONS)
    grant_model_permissions(apps, "search", REPORT_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke_model_permissions(apps, "wagtailsearchpromotions", PROMOTION_PERMISSIONS)
    revoke_model_permissions(apps, "search", REPORT_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_searchqueryday"),
        ("core", "0002_editorial_groups_and_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
