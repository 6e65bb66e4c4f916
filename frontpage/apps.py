from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "frontpage"
    verbose_name = "Front page and series"

    def ready(self):
        from frontpage import onward  # noqa: F401  (registers the story panels)
