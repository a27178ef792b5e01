"""Migrations: they apply from zero and back, and give the editors' groups exactly their rights.

The rights are the specification of what each group may do (the README's editors' guide). They
are read the way Wagtail reads them: group permissions, page permissions on the root page,
collection permissions on the root collection, and the moderation workflow.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

OUR_APPS = ["core", "home", "organisation", "commissions", "newsletter", "campaigns"]

SHARED_MODEL_PERMISSIONS = {
    "wagtailadmin.admin.access_admin",
    *(f"campaigns.urgentbanner.{action}_urgentbanner" for action in ("add", "change", "delete")),
    "campaigns.donationsettings.change_donationsettings",
    *(f"commissions.interventiondossier.{action}_interventiondossier" for action in ("add", "change", "delete")),
    *(f"commissions.testimonial.{action}_testimonial" for action in ("add", "change", "delete")),
    *(
        f"organisation.{model}.{action}_{model}"
        for model in ("governingbody", "person", "regionaloffice", "role")
        for action in ("add", "change", "delete")
    ),
    # Given by Wagtail's own migrations to its Editors and Moderators, which ours rename.
    *(f"wagtaildocs.document.{action}_document" for action in ("add", "change", "choose", "delete")),
    *(f"wagtailimages.image.{action}_image" for action in ("add", "change", "choose", "delete")),
}
EXPECTED = {
    "groups": {
        "Rédacteurs": SHARED_MODEL_PERMISSIONS,
        "Modérateurs": SHARED_MODEL_PERMISSIONS | {"commissions.testimonial.publish_testimonial"},
    },
    "pages": {
        ("Rédacteurs", "add_page"),
        ("Rédacteurs", "change_page"),
        *(
            ("Modérateurs", codename)
            for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
        ),
    },
    "collections": {
        *(("Rédacteurs", f"wagtaildocs.document.{action}_document") for action in ("add", "change", "choose")),
        *(
            ("Modérateurs", f"wagtaildocs.document.{action}_document")
            for action in ("add", "change", "choose", "delete")
        ),
        *(("Rédacteurs", f"wagtailimages.image.{action}_image") for action in ("add", "change", "choose")),
        *(("Modérateurs", f"wagtailimages.image.{action}_image") for action in ("add", "change", "choose")),
    },
    "workflows": [("Validation par les modérateurs", True, [("Relecture par les modérateurs", ["Modérateurs"])], [1])],
}


def label(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.content_type.model}.{permission.codename}"


def editorial_rights() -> dict:
    """What the groups may do, as Wagtail reads it, in comparable form."""
    return {
        "groups": {group.name: {label(p) for p in group.permissions.all()} for group in Group.objects.all()},
        "pages": {
            (grant.group.name, grant.permission.codename)
            for grant in GroupPagePermission.objects.filter(page__depth=1).select_related("group", "permission")
        },
        "collections": {
            (grant.group.name, label(grant.permission))
            for grant in GroupCollectionPermission.objects.filter(collection__depth=1)
        },
        "workflows": [
            (
                workflow.name,
                workflow.active,
                [
                    (step.task.name, sorted(group.name for group in step.task.specific.groups.all()))
                    for step in workflow.workflow_tasks.order_by("sort_order")
                ],
                sorted(page.page.depth for page in workflow.workflow_pages.all()),
            )
            for workflow in Workflow.objects.all()
        ],
    }


def our_tables() -> set[str]:
    return {table for table in connection.introspection.table_names() if table.split("_")[0] in OUR_APPS}


def test_migrations_give_the_editors_groups_their_rights(db):
    assert editorial_rights() == EXPECTED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrations_unapply_to_zero_and_reapply_to_the_same_schema_and_rights():
    tables = our_tables()
    assert {"core_siteimage", "home_homepage", "organisation_person", "newsletter_nqiissuepage"} <= tables
    for app in reversed(OUR_APPS):
        call_command("migrate", app, "zero", verbosity=0)
    assert our_tables() == set()

    call_command("migrate", verbosity=0)
    assert our_tables() == tables
    assert editorial_rights() == EXPECTED
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # models and migrations agree
