from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Reader and editor search over stories, photos and authors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from articles.events import story_changed
        from search import receivers

        receivers.connect()
        story_changed.connect(receivers.story_changed, dispatch_uid="search")
