"""Let the editors' groups use NQI PDFs (the custom document model) in the root collection.

Rédacteurs upload, edit and choose documents; Modérateurs may also delete them. Collection
permissions on the root apply to every collection below it.
"""

from django.db import migrations

DOCUMENT_PERMISSIONS = {
    "Rédacteurs": ["add_nqidocument", "change_nqidocument", "choose_document"],
    "Modérateurs": ["add_nqidocument", "change_nqidocument", "delete_nqidocument", "choose_document"],
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
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for name, codenames in DOCUMENT_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None or root_collection is None:
            continue
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=get_permission(apps, "newsletter", "nqidocument", codename),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("home", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
