"""Who posts live entries: editors and reporters post, translators add text.

The workflow roles are groups (workflow/migrations/0002_roles); the Admin
group gets every permission through workflow's post_migrate hook.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editor": ("add", "change", "delete", "view"),
    "Reporter": ("add", "change", "view"),
    "Translator": ("change", "view"),
}


def grant(apps, schema_editor):
    config = apps.get_app_config("live")
    config.models_module = True  # create_permissions skips apps without models
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_liveentry" for action in actions]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="live", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type__app_label="live"):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_initial"),
        ("workflow", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
