from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Partner feeds, discovery feeds, sitemaps and article metadata."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        # articles' story_changed, sent on commit for every change partners
        # may notice (state change, edit, correction, photo edit, deletion).
        from django.core.signals import request_finished

        from articles import panels
        from articles.events import story_changed
        from syndication import freshness, partners, tombstones
        from syndication.page_metadata import HEAD

        story_changed.connect(tombstones.story_changed, dispatch_uid="synd-tombstone")
        story_changed.connect(freshness.story_changed, dispatch_uid="synd-freshness")
        panels.register(HEAD)
        # A key's last use is written after its response has gone out.
        request_finished.connect(partners.write_noted_uses, dispatch_uid="synd-key-use")
