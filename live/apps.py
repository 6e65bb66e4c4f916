from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Live coverage"

    def ready(self):
        from articles import panels
        from frontpage import navigation_pages
        from live.navigation import LIVE
        from live.panels import LIVE_ENTRIES, LIVE_HEAD

        navigation_pages.register(LIVE)
        panels.register(LIVE_HEAD)
        panels.register(LIVE_ENTRIES)
