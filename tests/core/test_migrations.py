"""Migrations: they apply from zero and back, and give the editors' groups exactly their rights.

The rights are the specification of what each group may do (the README's editors' guide). They
are read the way Wagtail reads them: group permissions, page permissions on the root page,
collection permissions on the root collection, and the moderation workflow.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

ROOT = Path(__file__).resolve().parents[2]
OUR_APPS = ["core", "home", "organisation", "commissions", "newsletter", "campaigns", "search"]

SHARED_MODEL_PERMISSIONS = {
    "wagtailadmin.admin.access_admin",
    *(f"campaigns.urgentbanner.{action}_urgentbanner" for action in ("add", "change", "delete")),
    "campaigns.donationsettings.change_donationsettings",
    "search.searchqueryday.view_searchqueryday",
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
        "Modérateurs": SHARED_MODEL_PERMISSIONS
        | {"commissions.testimonial.publish_testimonial"}
        | {
            f"wagtailsearchpromotions.searchpromotion.{action}_searchpromotion"
            for action in ("add", "change", "delete")
        },
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


def comparable(rights: dict) -> dict:
    """The rights in JSON form (sets as sorted lists), to cross a process boundary."""
    return {
        "groups": {name: sorted(codes) for name, codes in sorted(rights["groups"].items())},
        "pages": sorted(map(list, rights["pages"])),
        "collections": sorted(map(list, rights["collections"])),
        "workflows": [
            [name, active, [list(task) for task in tasks], pages] for name, active, tasks, pages in rights["workflows"]
        ],
    }


def our_tables() -> list[str]:
    return sorted(table for table in connection.introspection.table_names() if table.split("_")[0] in OUR_APPS)


def round_trip() -> None:
    """Run in a child process on an empty database: migrate from zero, unapply our apps to zero,
    migrate again; print what each step left, as JSON."""
    steps = {}
    call_command("migrate", verbosity=0)
    steps["first"] = {"tables": our_tables(), "rights": comparable(editorial_rights())}
    for app in reversed(OUR_APPS):
        call_command("migrate", app, "zero", verbosity=0)
    steps["zero"] = {"tables": our_tables()}
    call_command("migrate", verbosity=0)
    steps["again"] = {"tables": our_tables(), "rights": comparable(editorial_rights())}
    sys.stdout.write(json.dumps(steps) + "\n")


def migrate_round_trip(database_url: str) -> dict:
    """`round_trip()` in a fresh process whose database is `database_url` (empty)."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    script = "from tests.core.test_migrations import round_trip; round_trip()"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_round_trip(steps: dict) -> None:
    assert {"core_siteimage", "home_homepage", "organisation_person", "newsletter_nqiissuepage"} <= set(
        steps["first"]["tables"]
    )
    assert steps["first"]["rights"] == comparable(EXPECTED)
    assert steps["zero"]["tables"] == []
    assert steps["again"]["tables"] == steps["first"]["tables"]
    assert steps["again"]["rights"] == comparable(EXPECTED)


def test_migrations_give_the_editors_groups_their_rights(db):
    assert editorial_rights() == EXPECTED


def test_the_rights_comparison_sees_a_missing_grant(db):
    Group.objects.get(name="Modérateurs").permissions.filter(codename="publish_testimonial").delete()
    assert comparable(editorial_rights()) != comparable(EXPECTED)


def test_migrations_apply_from_zero_unapply_to_zero_and_reapply_to_the_same_schema_and_rights(tmp_path):
    """On SQLite, in a database of its own (the test database stays as pytest-django made it)."""
    assert_round_trip(migrate_round_trip(f"sqlite:///{tmp_path / 'migrations.sqlite3'}"))


def test_models_and_migrations_agree(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
