from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "frontpage"
    verbose_name = "Front page and series"

    def ready(self):
        from frontpage import importers, onward  # noqa: F401  (the story panels)

        importers.register()  # the archive's credits posts (frontpage/importers.py)
