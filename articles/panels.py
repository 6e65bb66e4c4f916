"""Page panels: how the apps above articles add to the article page.

articles renders the story and knows nothing of those apps. An upper app
registers a Panel in its AppConfig.ready(): the slot of the page it fills, its
template, a function building that template's context from the story and the
language, and the prefetches the function reads. Article.objects.for_page()
adds the prefetches, so a page keeps its fixed number of queries, and the
article view renders each slot's panels in registration order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

# The places the story templates render panels: inside <head>, after the body.
SLOTS = ("head", "after_body")

# Registered panels by name, in registration order.
PANELS = {}


@dataclass(frozen=True)
class Panel:
    name: str
    slot: str
    template: str
    context: Callable  # (article, language) -> dict for the template
    prefetches: tuple = ()  # lookups for Article.objects.for_page()
    # Within a slot, lower first; equal ones in registration order. The page's
    # own content (live entries) comes before what follows it (onward links).
    order: int = 100


def register(panel):
    """Add `panel`; registering a name again replaces the earlier one."""
    if panel.slot not in SLOTS:
        raise ValueError(
            f"Panel {panel.name!r} names slot {panel.slot!r}; "
            f"the article page has the slots {', '.join(SLOTS)}."
        )
    PANELS[panel.name] = panel


def prefetches():
    """Every registered panel's lookups, each once, in registration order."""
    lookups = (lookup for panel in PANELS.values() for lookup in panel.prefetches)
    return list(dict.fromkeys(lookups))


def render_panels(article, language):
    """{slot: [html, …]} for a story prefetched by for_page()."""
    rendered = {slot: [] for slot in SLOTS}
    for panel in sorted(PANELS.values(), key=lambda panel: panel.order):
        html = render_to_string(panel.template, panel.context(article, language))
        rendered[panel.slot].append(html)
    return rendered
