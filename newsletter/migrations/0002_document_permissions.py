"""Let the editors' groups use NQI PDFs (the custom document model) in the root collection.

Rédacteurs upload, edit and choose documents; Modérateurs may also delete them. Collection
permissions on the root apply to every collection below it.
"""

from django.db import migrations

from home.data_migrations import grant_collection_permissions

DOCUMENT_PERMISSIONS = {
    "Rédacteurs": ["add_nqidocument", "change_nqidocument", "choose_document"],
    "Modérateurs": ["add_nqidocument", "change_nqidocument", "delete_nqidocument", "choose_document"],
}


def forwards(apps, schema_editor):
    grant_collection_permissions(apps, "newsletter", "nqidocument", DOCUMENT_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("home", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
