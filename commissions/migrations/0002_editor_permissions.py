"""Editors manage intervention dossiers and testimonials; only moderators publish testimonials."""

from django.db import migrations

from core.data_migrations import grant_model_permissions, revoke_model_permissions

PERMISSIONS = {
    "Rédacteurs": {
        "interventiondossier": ["add", "change", "delete"],
        "testimonial": ["add", "change", "delete"],
    },
    "Modérateurs": {
        "interventiondossier": ["add", "change", "delete"],
        "testimonial": ["add", "change", "delete", "publish"],
    },
}


def forwards(apps, schema_editor):
    grant_model_permissions(apps, "commissions", PERMISSIONS)


def backwards(apps, schema_editor):
    revoke_model_permissions(apps, "commissions", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("commissions", "0001_initial"),
        ("core", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
