"""Body filters: how the apps above articles change a story's body as it is shown.

The stored body (Markdown and its cached HTML) never changes: a filter gets
the rendered HTML of the page and returns new HTML, at display time. An upper
app registers a BodyFilter in its AppConfig.ready() (the people app links the
first mention of a person or party). A filter must not query the database per
story: it reads what its own cache holds, so the page keeps its fixed number
of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import mark_safe

# Registered filters by name, applied in registration order.
FILTERS = {}


@dataclass(frozen=True)
class BodyFilter:
    name: str
    apply: Callable  # (html, article, language) -> html (already safe)


def register(body_filter):
    """Add `body_filter`; registering a name again replaces the earlier one."""
    FILTERS[body_filter.name] = body_filter


def apply_filters(html, article, language):
    """The page's body after every registered filter, marked safe."""
    for body_filter in FILTERS.values():
        html = body_filter.apply(html, article, language)
    return mark_safe(html)  # noqa: S308 - filters receive and return sanitised HTML
