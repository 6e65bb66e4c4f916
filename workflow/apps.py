from django.apps import AppConfig
from django.db.models.signals import post_migrate


def grant_admin_everything(sender, using="default", **kwargs):
    """Keep the Admin role at "everything": permissions of apps migrated later too.

    The roles migration can only grant the permissions that exist when it runs;
    an app added after it would be missing from the Admin group without this.
    """
    from django.contrib.auth.models import Group, Permission

    admin = Group.objects.using(using).filter(name="Admin").first()
    if admin is None:
        return
    missing = Permission.objects.using(using).exclude(group=admin)
    if missing.exists():
        admin.permissions.add(*missing)


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Editorial workflow"

    def ready(self):
        from articles import panels
        from workflow import audit
        from workflow.panels import CORRECTIONS

        audit.connect_signals()
        panels.register(CORRECTIONS)
        post_migrate.connect(grant_admin_everything, dispatch_uid="workflow-admin-all")
