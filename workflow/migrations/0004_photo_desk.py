"""The photo desk's permissions: rights, source and credit; live files; the log.

Editors get all three; a new "Photo desk" role gets the rights and the log
but may not replace the file of a photo a published story shows.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = "change_photo_rights"
REPLACE_PUBLISHED = "replace_published_photo"
VIEW_LOG = "view_photochange"

GRANTS = {
    "Editor": [RIGHTS, REPLACE_PUBLISHED, VIEW_LOG],
    "Photo desk": ["add_photo", "change_photo", "view_photo", RIGHTS, VIEW_LOG],
}


def grant(apps, schema_editor):
    media_assets = apps.get_app_config("media_assets")
    media_assets.models_module = True
    create_permissions(media_assets, apps=apps, verbosity=0)
    media_assets.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="media_assets", codename__in=codenames
            )
        )
    admin = Group.objects.filter(name="Admin").first()
    if admin is not None:
        admin.permissions.add(
            *Permission.objects.filter(content_type__app_label="media_assets")
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name="Photo desk").delete()
    editor = Group.objects.filter(name="Editor").first()
    if editor is not None:
        editor.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="media_assets",
                codename__in=GRANTS["Editor"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0003_auditentry_conflict_save"),
        ("media_assets", "0004_photo_rights_decision_and_changes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
