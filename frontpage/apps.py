from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FrontpageConfig(AppConfig):
    name = "frontpage"
    verbose_name = "Front page and series"

    def ready(self):
        from articles import page_cache
        from frontpage import importers, onward  # noqa: F401  (the story panels)
        from frontpage.context_pages import register_pages
        from frontpage.navigation_pages import add_navigation_links
        from frontpage.scheduling import upcoming_changes

        register_pages()
        page_cache.register_schedule(upcoming_changes)
        post_migrate.connect(add_navigation_links, sender=self)
        importers.register()  # the archive's credits posts (frontpage/importers.py)
