from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Partner feeds, discovery feeds, sitemaps and article metadata."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        # Tombstones are recorded by signal handlers so that every way a story
        # leaves the public (service, admin, shell, delete) is seen.
        from syndication import tombstones

        tombstones.connect()
