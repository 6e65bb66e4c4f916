from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and parties"

    def ready(self):
        from articles import body_filters, panels
        from people import importers, photo_quotes, receivers
        from people.context_index import autolink_body

        receivers.connect()
        importers.register()  # the archive import's handlers (people/importers.py)
        body_filters.register(
            body_filters.BodyFilter("people.autolinks", autolink_body)
        )
        # After the auto-links: a card's words are never linked.
        body_filters.register(
            body_filters.BodyFilter(
                "people.quote_cards", photo_quotes.place_quote_cards
            )
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
