"""Editors manage intervention dossiers and testimonials; only moderators publish testimonials."""

from django.db import migrations

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


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


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
