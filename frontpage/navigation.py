"""The navigation and footer: the sections, series and context pages editors
put there, in order.

Sections and series with "in the navigation" make both lists. Pages that are
no section (people, parties, the timeline, quotes, results, live coverage:
frontpage/navigation_pages.py) appear where their NavigationLink says, and
only in a language they have something to show in.
"""

from django.db.models import BigIntegerField, Case, Subquery, When
from django.utils.functional import SimpleLazyObject

from articles.languages import current_language, localized
from articles.models import Section
from articles.page_cache import for_readers
from frontpage.models import NavigationLink, Series
from frontpage.navigation_pages import Place, registered


def content_links(language):
    """[(position, place, {label, url})] of the context pages shown in
    `language`: one query, whatever the number of pages (a subquery each
    finds the page's first row in the language)."""
    pages = registered()
    if not pages:
        return []
    first_row = Case(
        *(
            When(
                page=key,
                then=Subquery(page.content(language).values("pk")[:1]),
            )
            for key, page in pages.items()
        ),
        output_field=BigIntegerField(),
    )
    links = (
        NavigationLink.objects.filter(page__in=pages)
        .exclude(place=Place.HIDDEN)
        .annotate(first_row=first_row)
        .filter(first_row__isnull=False)
    )
    return [
        (
            link.position,
            link.place,
            {
                "label": pages[link.page].label(language),
                "url": pages[link.page].url(language, link.first_row),
            },
        )
        for link in links
    ]


def navigation_links(language):
    """{links, footer}: the header's [{label, url}] and the footer's (the
    header's and the footer-only pages'), by position: three queries."""
    entries = [
        (section.position, Place.NAVIGATION, section, "name")
        for section in Section.objects.filter(in_navigation=True)
    ] + [
        (series.position, Place.NAVIGATION, series, "title")
        for series in Series.objects.filter(in_navigation=True)
    ]
    links = [
        (
            position,
            place,
            {
                "label": localized(item, field, language, fallback=True),
                "url": item.get_absolute_url(language),
            },
        )
        for position, place, item, field in entries
    ] + content_links(language)
    links.sort(key=lambda entry: entry[0])
    return {
        "links": [link for _pos, place, link in links if place == Place.NAVIGATION],
        "footer": [link for _pos, _place, link in links],
    }


def navigation(request):
    """Context processor: read only by pages that show the navigation, and kept
    per content version (section, series and link saves bump it) like page data."""
    language = current_language()
    return {
        "navigation": SimpleLazyObject(
            lambda: for_readers(
                request,
                f"navigation:{language}",
                lambda: navigation_links(language),
            )
        )
    }
