"""The four newsroom roles as groups with their permissions.

Permissions are normally created after migrations run; they are created here
first so the groups can be granted them on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ("articles", ("byline", "photoplacement", "pullquote", "personprofile"))
CRUD = ("add", "change", "delete", "view")

ROLES = {
    "Reporter": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        *[f"articles.{op}_{m}" for m in CONTENT[1] for op in CRUD],
        "articles.view_section",
        "articles.view_author",
        "media_assets.add_photo",
        "media_assets.change_photo",
        "media_assets.view_photo",
    ],
    "Translator": [
        "articles.change_article",
        "articles.view_article",
        *[f"articles.view_{m}" for m in CONTENT[1]],
        "articles.view_section",
        "articles.view_author",
        "media_assets.view_photo",
    ],
    "Editor": [
        *[
            f"articles.{op}_{m}"
            for m in ("article", "section", "author")
            for op in CRUD
        ],
        *[f"articles.{op}_{m}" for m in CONTENT[1] for op in CRUD],
        *[f"media_assets.{op}_photo" for op in CRUD],
        *[f"taggit.{op}_tag" for op in CRUD],
        "workflow.review_story",
        "workflow.publish_story",
        "workflow.edit_any_story",
        "workflow.restore_revision",
        *[f"workflow.{op}_correction" for op in ("add", "change", "view")],
        *[f"workflow.{op}_assignment" for op in CRUD],
        "workflow.view_auditentry",
        "workflow.view_revision",
        "workflow.view_transition",
    ],
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
    admin, _ = Group.objects.get_or_create(name="Admin")
    admin.permissions.set(Permission.objects.all())


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLES, "Admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("articles", "0003_workflow"),
        ("media_assets", "0001_initial"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
