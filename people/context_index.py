"""The names auto-links look for, read in a fixed number of queries and cached.

The cache key holds articles' content version, which every story change and
every change of the context layer (people/receivers.py) bumps; so a story page
reads the index from the cache (no query) until something changes, and then
rebuilds it once with six queries (parties, people, timeline anchors,
opted-out stories, and the quote cards shown inside stories with their
portraits' renditions, people/photo_quotes.py).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import override

from articles.languages import LANGUAGE_CODES, localized
from articles.page_cache import content_version
from people.autolinks import Matcher, Mention, link_mentions
from people.labels import label
from people.models import AutoLinkOptOut, Party, Person, TimelineEvent

CACHE_KEY = "newsroom:people:autolinks:{version}"
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class ContextIndex:
    """Per language, the compiled Matcher; and the stories left alone."""

    matchers: dict  # language -> Matcher (its pattern pickles as its source)
    timelines: dict  # language -> (timeline page URL, frozenset of anchors)
    opted_out: frozenset  # article ids
    # article id -> language -> photo number -> quote card HTML (photo_quotes.py)
    story_quotes: dict


def mention_of(entry, kind, language):
    more = "biography" if kind == "person" else "history"
    name = localized(entry, "name", language)
    return Mention(
        key=f"{kind}:{entry.slug}",
        url=entry.get_absolute_url(language),
        name=name,
        role=localized(entry, "role", language) if kind == "person" else "",
        summary=localized(entry, "summary", language),
        more_label=label(more, language),
        about_label=label("about", language, name=name),
    )


def build_index():
    entries = [(party, "party") for party in Party.objects.all()]
    entries += [(person, "person") for person in Person.objects.all()]
    matchers = {
        language: Matcher.build(
            (name, mention_of(entry, kind, language))
            for entry, kind in entries
            if entry.is_public_in(language)
            for name in entry.all_names()
        )
        for language in LANGUAGE_CODES
    }
    events = TimelineEvent.objects.exclude(anchor="")
    timelines = {
        language: (
            timeline_url(language),
            frozenset(e.anchor for e in events if e.is_public_in(language)),
        )
        for language in LANGUAGE_CODES
    }
    opted_out = frozenset(AutoLinkOptOut.objects.values_list("article_id", flat=True))
    from people.photo_quotes import story_cards  # it reads this index

    return ContextIndex(matchers, timelines, opted_out, story_cards())


def timeline_url(language):
    with override(language):
        return reverse("people:timeline")


def context_index():
    key = CACHE_KEY.format(version=content_version())
    index = cache.get(key)
    if index is None:
        index = build_index()
        cache.set(key, index, CACHE_SECONDS)
    return index


def autolink_body(html, article, language):
    """The body filter people registers (articles/body_filters.py).

    A story editors opted out keeps its text as written; its archive date
    links still open the timeline.
    """
    index = context_index()
    if language not in index.matchers:
        return html
    matcher = index.matchers[language]
    if article.pk in index.opted_out:
        matcher = Matcher({})
    return link_mentions(html, matcher, timeline=index.timelines[language])
