"""Let Rédacteurs and Modérateurs manage urgent banners and edit the donation settings."""

from django.db import migrations

from home.data_migrations import get_permission

PERMISSIONS = {
    "urgentbanner": ["add_urgentbanner", "change_urgentbanner", "delete_urgentbanner"],
    "donationsettings": ["change_donationsettings"],
}
GROUPS = ["Rédacteurs", "Modérateurs"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        for model, codenames in PERMISSIONS.items():
            for codename in codenames:
                group.permissions.add(get_permission(apps, "campaigns", model, codename))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for codenames in PERMISSIONS.values() for codename in codenames]
    permissions = Permission.objects.filter(content_type__app_label="campaigns", codename__in=codenames)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("home", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
