from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Partner feeds, discovery feeds, sitemaps and article metadata."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        # Signal handlers, so that every way a story leaves the public or
        # changes (service, admin, shell, delete) is seen by partners' syncs.
        from articles import panels
        from syndication import freshness, tombstones
        from syndication.page_metadata import HEAD

        tombstones.connect()
        freshness.connect()
        panels.register(HEAD)
