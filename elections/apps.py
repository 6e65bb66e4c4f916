from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    """Election results by province and party, and the provinces' figures."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "elections"
    verbose_name = "Elections"

    def ready(self):
        from articles import demo, panels
        from elections.importer import load_demo_province_data
        from elections.navigation import RESULTS
        from elections.panels import BY_THE_NUMBERS, STYLESHEET
        from frontpage import navigation_pages

        navigation_pages.register(RESULTS)
        panels.register(STYLESHEET)
        panels.register(BY_THE_NUMBERS)
        demo.register_demo_loader(load_demo_province_data)
