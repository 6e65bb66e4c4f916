"""The navigation and footer: the sections and series editors put there, in order."""

from django.utils.functional import SimpleLazyObject

from articles.languages import current_language, localized
from articles.models import Section
from articles.page_cache import for_readers
from frontpage.models import Series


def navigation_links(language):
    """[{label, url}] of the chosen sections and series by position: two queries."""
    entries = [
        (section.position, section, "name")
        for section in Section.objects.filter(in_navigation=True)
    ] + [
        (series.position, series, "title")
        for series in Series.objects.filter(in_navigation=True)
    ]
    entries.sort(key=lambda entry: entry[0])
    return [
        {
            "label": localized(item, field, language, fallback=True),
            "url": item.get_absolute_url(language),
        }
        for _position, item, field in entries
    ]


def navigation(request):
    """Context processor: read only by pages that show the navigation, and kept
    per content version (section and series saves bump it) like page data."""
    language = current_language()
    return {
        "navigation": SimpleLazyObject(
            lambda: for_readers(
                request,
                f"navigation:{language}",
                lambda: {"links": navigation_links(language)},
            )
        )
    }
