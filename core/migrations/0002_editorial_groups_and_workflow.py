"""Editors' groups, the moderation workflow, and what the groups may do with pages and documents.

Wagtail's own migrations create "Editors" and "Moderators" with a "Moderators approval" workflow on
the root page, and give both add/change/choose on images and documents. We rename them for
French-speaking editors and make sure each holds what it needs:
- Rédacteurs: reach the admin, create and edit pages (submitting them to moderation), use images
  and PDF documents;
- Modérateurs: the same, plus publishing, locking, approving pages in the workflow, and
  `delete_document` (note that Wagtail's ownership policy treats "delete" like "change": whoever may
  change a document may delete it, so today both groups can delete documents).

Wagtail checks the permissions of `wagtaildocs.Document` and `wagtailimages.Image` (its policies'
auth models), even with our own document and image models: those are the ones granted here, on the
root collection (which every collection inherits). Each domain app grants its own models'
permissions in its own data migration.
"""

from django.db import migrations

from core.data_migrations import get_permission, grant_collection_permissions

GROUPS = {"Editors": "Rédacteurs", "Moderators": "Modérateurs"}
PAGE_PERMISSIONS = {
    "Rédacteurs": ["add_page", "change_page"],
    "Modérateurs": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
DOCUMENT_PERMISSIONS = {
    "Rédacteurs": ["add_document", "change_document", "choose_document"],
    "Modérateurs": ["add_document", "change_document", "delete_document", "choose_document"],
}
WORKFLOW_NAME = "Validation par les modérateurs"
TASK_NAME = "Relecture par les modérateurs"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    groups = {}
    for old_name, new_name in GROUPS.items():
        group = Group.objects.filter(name=new_name).first() or Group.objects.filter(name=old_name).first()
        if group is None:
            group = Group.objects.create(name=new_name)
        group.name = new_name
        group.save()
        groups[new_name] = group
        group.permissions.add(get_permission(apps, "wagtailadmin", "admin", "access_admin"))

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root_page, permission=get_permission(apps, "wagtailcore", "page", codename)
            )
    grant_collection_permissions(apps, "wagtaildocs", "document", DOCUMENT_PERMISSIONS)

    task = GroupApprovalTask.objects.filter(groups=groups["Modérateurs"]).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        task.groups.set([groups["Modérateurs"]])
    task.name = TASK_NAME
    task.save()

    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
