from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Reader and editor search over stories, photos and authors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import receivers

        receivers.connect()
        # At the merge with articles.events, this line becomes:
        #   story_changed.connect(receivers.story_changed, dispatch_uid="search")
        receivers._connect_until_story_changed_lands()
