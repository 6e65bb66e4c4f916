from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and parties"

    def ready(self):
        from articles import body_filters, panels
        from people import importers, receivers
        from people.context_index import autolink_body

        receivers.connect()
        importers.register()  # the archive import's handlers (people/importers.py)
        body_filters.register(
            body_filters.BodyFilter("people.autolinks", autolink_body)
        )
        # The cards' stylesheet and script, on every story page.
        panels.register(
            panels.Panel(
                "people.assets",
                "head",
                "people/assets.html",
                lambda article, language: {},
            )
        )
