"""Let Rédacteurs and Modérateurs keep the organisation records (people, roles, bodies, offices)."""

from django.db import migrations

from home.data_migrations import get_permission

MODELS = ["person", "role", "governingbody", "regionaloffice"]
ACTIONS = ["add", "change", "delete"]
GROUPS = ["Rédacteurs", "Modérateurs"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = [get_permission(apps, "home", model, f"{action}_{model}") for model in MODELS for action in ACTIONS]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="home", codename__in=[f"{a}_{m}" for m in MODELS for a in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_organisation")]

    operations = [migrations.RunPython(forwards, backwards)]
