"""Editors manage intervention dossiers and testimonials; only moderators publish testimonials."""

from django.db import migrations

from home.data_migrations import get_permission

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
    Group = apps.get_model("auth", "Group")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(get_permission(apps, "commissions", model, f"{action}_{model}"))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="commissions"))


class Migration(migrations.Migration):
    dependencies = [
        ("commissions", "0001_initial"),
        ("home", "0002_editorial_groups_and_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
