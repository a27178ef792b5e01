"""Rédacteurs and Modérateurs keep the organisation records (people, roles, bodies, offices)."""

from django.db import migrations

from core.data_migrations import grant_model_permissions, revoke_model_permissions

RECORDS = {model: ["add", "change", "delete"] for model in ["person", "role", "governingbody", "regionaloffice"]}
PERMISSIONS = {"Rédacteurs": RECORDS, "Modérateurs": RECORDS}


def forwards(apps, schema_editor):
    grant_model_permissions(apps, "organisation", PERMISSIONS)


def backwards(apps, schema_editor):
    revoke_model_permissions(apps, "organisation", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
        ("core", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
