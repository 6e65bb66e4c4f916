from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # story_changed (articles/events.py) replaces raw model signals: the
        # page cache listens to it; deletions and photo edits are announced.
        from django.db.models.signals import post_delete

        from media_assets.signals import photo_changed

        from . import events, page_cache
        from .models import Article

        events.story_changed.connect(
            page_cache.story_changed, dispatch_uid="articles.page_cache"
        )
        post_delete.connect(
            events.story_deleted, sender=Article, dispatch_uid="articles.deleted"
        )
        photo_changed.connect(events.photo_changed, dispatch_uid="articles.photo")
