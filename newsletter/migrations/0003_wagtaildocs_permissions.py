"""Grant the document permissions Wagtail actually checks.

Wagtail's document permission policy checks the permissions of `wagtaildocs.Document` (its
`auth_model`), even with a custom document model; 0002's permissions on `newsletter.NQIDocument`
are kept for completeness but Wagtail does not read them. Wagtail's own migrations already give
both groups add/change/choose on documents; the moderators also get delete. Note that Wagtail's
ownership policy treats "delete" like "change": whoever may change a document may delete it.
"""

from django.db import migrations

from home.data_migrations import grant_collection_permissions

DOCUMENT_PERMISSIONS = {
    "Rédacteurs": ["add_document", "change_document", "choose_document"],
    "Modérateurs": ["add_document", "change_document", "delete_document", "choose_document"],
}


def forwards(apps, schema_editor):
    grant_collection_permissions(apps, "wagtaildocs", "document", DOCUMENT_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_document_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
