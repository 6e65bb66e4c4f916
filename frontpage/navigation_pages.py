"""The seam for pages the navigation links besides sections and series.

People, parties, the timeline and quotes (`people`, below frontpage), election
results (`elections`) and live coverage (`live`, both above it) each have
pages that are no section. frontpage cannot import the apps above it, so each
app registers its pages here from its AppConfig.ready(), as the importer's
handlers (articles/importers/jekyll/handlers.py) and page panels do; frontpage
registers people's itself (frontpage/context_pages.py).

A page says what it shows in a language as a queryset: the link appears only
when that has a row, and the first row's pk is handed to `url` (live coverage
links its newest story). Editors choose where each link appears and in what
order (NavigationLink, one row per registered page, made on migrate).
"""

from collections.abc import Callable
from dataclasses import dataclass


class Place:
    """Where a context page's link appears (NavigationLink.place)."""

    NAVIGATION = "navigation"
    FOOTER = "footer"
    HIDDEN = "hidden"
    CHOICES = [
        (NAVIGATION, "Navigation and footer"),
        (FOOTER, "Footer only"),
        (HIDDEN, "Nowhere"),
    ]


@dataclass(frozen=True)
class NavigationPage:
    key: str  # NavigationLink.page
    name: str  # what the admin calls it
    label: Callable  # (language) -> the link's words in that language
    content: Callable  # (language) -> queryset of what the page shows there
    url: Callable  # (language, pk of content's first row) -> the address
    place: str = Place.FOOTER  # where it appears until an editor says otherwise
    position: int = 100  # in the order of sections' and series' positions


_pages = {}


def register(page):
    """Add `page`; registering a key again replaces the earlier one."""
    _pages[page.key] = page


def registered():
    """{key: NavigationPage} in registration order."""
    return dict(_pages)


def page_choices():
    """NavigationLink.page's choices: whatever is registered when asked."""
    return [(page.key, page.name) for page in _pages.values()]


def add_navigation_links(apps, using="default", **kwargs):
    """post_migrate: a NavigationLink row, at the page's defaults, for every
    registered page that has none (editors' choices are kept)."""
    try:
        link_model = apps.get_model("frontpage", "NavigationLink")
    except LookupError:  # migrating back to before the model existed
        return
    existing = set(link_model.objects.using(using).values_list("page", flat=True))
    link_model.objects.using(using).bulk_create(
        link_model(page=page.key, place=page.place, position=page.position)
        for page in _pages.values()
        if page.key not in existing
    )
