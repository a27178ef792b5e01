"""Helpers for the apps' data migrations that grant permissions to the editors' groups.

They work on the historical models handed to RunPython (`apps`), and create a permission when it
does not exist yet: Django only creates permissions after all migrations have run.
"""


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def grant_collection_permissions(apps, app_label, model, permissions_by_group):
    """Give each group these permissions on the root collection (inherited by every collection)."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is None:
        return
    for name, codenames in permissions_by_group.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=get_permission(apps, app_label, model, codename),
            )


def grant_model_permissions(apps, app_label, permissions_by_group):
    """Give each group these model permissions: {"Rédacteurs": {"person": ["add", "change"]}, …}."""
    Group = apps.get_model("auth", "Group")
    for name, models in permissions_by_group.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.add(*(get_permission(apps, app_label, model, f"{action}_{model}") for action in actions))


def revoke_model_permissions(apps, app_label, permissions_by_group):
    """The reverse of grant_model_permissions (the permissions themselves stay)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in permissions_by_group.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
