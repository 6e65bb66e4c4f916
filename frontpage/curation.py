"""A language's front page: what editors placed, filled up from the latest stories.

Every rail reads the curated stories first (only those published in the
language), then, where a rail is empty or short, the newest published stories
that fit it, so a new desk's front page is never empty. The page costs the same
number of queries however many stories there are.
"""

from articles.cards import cards, newest_first
from articles.languages import localized
from articles.models import Article, Layout
from frontpage.models import FrontPageItem, Rail, Series

# How many cards each rail shows.
RAIL_SIZES = {
    Rail.LEAD: 1,
    Rail.TOP: 8,
    Rail.SPOTLIGHT: 4,
    Rail.VIDEOS: 4,
    Rail.VOTERS: 6,
    Rail.POLITICIANS: 6,
    Rail.QUOTES: 4,
}
LATEST = RAIL_SIZES[Rail.LEAD] + RAIL_SIZES[Rail.TOP]
PROFILE_LAYOUTS = (Layout.POST_MAIN, Layout.POST_PROFILE, Layout.POST_CENTERED)


def curated(language, published):
    """{rail: [stories in the editors' order]} of the items showing now: one
    query."""
    by_rail = {rail: [] for rail in Rail}
    items = (
        FrontPageItem.objects.showing()
        .filter(language=language, article__in=published)
        .select_related("article__section")
        .order_by("rail", "position", "pk")
    )
    for item in items:
        by_rail[item.rail].append(item.article)
    return by_rail


def fallbacks(published, language):
    """{rail: newest stories that fit it}: one query per rail with a fallback."""
    newest = newest_first(published, language)
    return {
        Rail.TOP: list(newest[:LATEST]),
        Rail.VIDEOS: list(
            newest.filter(layout=Layout.POST_VIDEO)[: RAIL_SIZES[Rail.VIDEOS]]
        ),
        # Profile stories told as news (voters' portraits), not quote,
        # party or biography pages, which also carry profile facts.
        Rail.VOTERS: list(
            newest.filter(profile__isnull=False, layout__in=PROFILE_LAYOUTS)[
                : RAIL_SIZES[Rail.VOTERS]
            ]
        ),
        Rail.QUOTES: list(
            newest.filter(layout=Layout.QUOTE)[: RAIL_SIZES[Rail.QUOTES]]
        ),
    }


def spotlight_series(published):
    """The first series in the navigation and its published parts: two queries."""
    series = Series.objects.filter(in_navigation=True).first()
    if series is None:
        return None, []
    parts = (
        series.parts.filter(article__in=published)
        .select_related("article__section")
        .order_by("position", "pk")
    )
    return series, [part.article for part in parts]


def fill(chosen, extra, size, taken):
    """`chosen` then `extra`, without the lead (`taken`) or repeats, up to `size`.

    A story may show in the top stories and in its own rail (videos, quotes):
    a small desk's rails would be empty otherwise.
    """
    stories = []
    for story in [*chosen, *extra]:
        if story.pk not in taken and story.pk not in {s.pk for s in stories}:
            stories.append(story)
    return stories[:size]


def front_page(language):
    """{lead, rails: [(rail, [cards])], spotlight} for the language's front page."""
    published = Article.objects.published(language)
    chosen = curated(language, published)
    extra = fallbacks(published, language)
    series, series_parts = spotlight_series(published)
    lead = fill(chosen[Rail.LEAD], extra[Rail.TOP], 1, set())
    taken = {story.pk for story in lead}
    rails = {}
    for rail in (
        Rail.TOP,
        Rail.SPOTLIGHT,
        Rail.VIDEOS,
        Rail.VOTERS,
        Rail.POLITICIANS,
        Rail.QUOTES,
    ):
        fallback = series_parts if rail == Rail.SPOTLIGHT else extra.get(rail, [])
        rails[rail] = fill(chosen[rail], fallback, RAIL_SIZES[rail], taken)
    all_cards = iter(cards([*lead, *(s for r in rails.values() for s in r)], language))
    lead_cards = [next(all_cards) for _ in lead]
    rail_cards = {
        rail: [next(all_cards) for _ in stories] for rail, stories in rails.items()
    }
    return {
        "lead": lead_cards[0] if lead_cards else None,
        "rails": rail_cards,
        "spotlight": {
            "title": localized(series, "title", language, fallback=True),
            "url": series.get_absolute_url(language),
        }
        if series
        else None,
    }
