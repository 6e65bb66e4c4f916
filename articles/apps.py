from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # Any change to a story or its parts makes cached public pages stale.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from media_assets.models import Photo
        from newsroom.content_cache import bump_after_commit

        from .models import Article, Byline, PersonProfile, PhotoPlacement, Pullquote

        for model in (Article, Byline, PersonProfile, PhotoPlacement, Pullquote, Photo):
            post_save.connect(bump_after_commit, sender=model, weak=False)
            post_delete.connect(bump_after_commit, sender=model, weak=False)
        m2m_changed.connect(bump_after_commit, sender=Article.tags.through, weak=False)
