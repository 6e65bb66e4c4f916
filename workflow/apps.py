from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Editorial workflow"

    def ready(self):
        from workflow import audit

        audit.connect_signals()
