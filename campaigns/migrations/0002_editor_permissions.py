"""Rédacteurs and Modérateurs manage urgent banners and edit the donation settings."""

from django.db import migrations

from core.data_migrations import grant_model_permissions, revoke_model_permissions

CAMPAIGNS = {"urgentbanner": ["add", "change", "delete"], "donationsettings": ["change"]}
PERMISSIONS = {"Rédacteurs": CAMPAIGNS, "Modérateurs": CAMPAIGNS}


def forwards(apps, schema_editor):
    grant_model_permissions(apps, "campaigns", PERMISSIONS)


def backwards(apps, schema_editor):
    revoke_model_permissions(apps, "campaigns", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("core", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
