"""What the context pages and cards show, from rows their views fetched.

Nothing here queries the database: the views (and whoever shows quote cards)
fetch the rows with what is read below, in a fixed number of queries.
"""

import datetime

from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from articles.dates import format_date
from articles.embeds import (
    render_generic,
    render_include,
    render_mugshot,
    render_photo,
    render_video,
)
from articles.languages import localized
from articles.models import Article
from articles.rendering import EmbedContext, expand_embeds, render_markdown
from articles.story_pages import nest_headings
from media_assets.models import rendition_prefetch
from people.autolinks import link_mentions
from people.context_index import context_index
from people.models import Quote

# Biographies and histories show their own photos (PersonPhoto, PartyPhoto:
# [[photo N]], [[mugshot N]]) and videos; other embeds are named and empty
# (articles' generic handlers).
ENTRY_HANDLERS = {
    "photo": render_photo,
    "mugshot": render_mugshot,
    "video": render_video,
    "include": render_include,
    "generic": render_generic,
}


def markdown_html(source, language, linked=None, index=None, photos=()):
    """Markdown through articles' pipeline, with auto-links to other entries.

    `linked`: the set of Mention keys already linked on the page (an entry's
    own, "person:hun-sen", so its page never links to itself), updated here;
    `index`: the context index, when the caller already holds it; `photos`:
    the entry's prefetched photos, which [[photo N]] places.
    """
    context = EmbedContext(
        language,
        ENTRY_HANDLERS,
        data={"placements": {p.position: p for p in photos}, "used_placements": set()},
    )
    # Headings nest under the page's h1, as on story pages.
    html = nest_headings(expand_embeds(render_markdown(source or ""), context))
    index = index or context_index()
    return mark_safe(  # noqa: S308 - sanitised by render_markdown, then re-parsed
        link_mentions(
            html,
            index.matchers[language],
            already=set() if linked is None else linked,
            timeline=index.timelines[language],
        )
    )


def entry_context(entry, kind, language):
    """Name, summary, body and credit of a person or party in `language`."""
    return {
        "name": localized(entry, "name", language),
        "summary": localized(entry, "summary", language),
        "body": markdown_html(
            localized(entry, "body", language),
            language,
            {f"{kind}:{entry.slug}"},
            photos=entry.photos.all(),
        ),
        "credit": localized(entry, "credit", language),
        "url": entry.get_absolute_url(language),
    }


def event_date(event, language):
    """The event's own label in `language`, else its date as the language writes it."""
    label = localized(event, "date_label", language)
    if label:
        return label
    day = event.date
    return format_date(datetime.datetime(day.year, day.month, day.day), language)


def timeline_items(events, language):
    """The events shown in `language`, each with a unique id for its anchor."""
    items, used, linked, index = [], set(), set(), context_index()
    for event in events:
        if not event.is_public_in(language):
            continue
        anchor = event.fragment if event.fragment not in used else f"event-{event.pk}"
        used.add(anchor)
        items.append(
            {
                "event": event,
                "id": anchor,
                "date": event_date(event, language),
                "headline": localized(event, "headline", language),
                "text": markdown_html(
                    localized(event, "text", language), language, linked, index
                ),
            }
        )
    return items


def entry_photos_prefetch(model):
    """The lookup that reads an entry's photos and their renditions in two queries."""
    return Prefetch(
        "photos",
        queryset=model.objects.select_related("photo").prefetch_related(
            rendition_prefetch("photo__renditions")
        ),
    )


def quotes_for_cards(queryset, language):
    """`queryset` of quotes with what a card reads, in a fixed number of queries.

    The source story is kept only when readers of `language` may see it.
    """
    return queryset.select_related("speaker", "portrait").prefetch_related(
        rendition_prefetch("portrait__renditions"),
        Prefetch(
            "source_story",
            queryset=Article.objects.published(language).select_related("section"),
        ),
    )


def quote_card_context(quote, language, with_story=True):
    """What people/quote_card.html shows; None when the quote has no words here.

    `with_story=False`: no link to the source story (the card is inside it).
    """
    if not quote.is_public_in(language):
        return None
    story = quote.source_story if with_story else None
    details = [
        localized(quote, name, language) for name in ("age", "occupation", "location")
    ]
    return {
        "id": f"quote-{quote.slug}",
        "words": localized(quote, "words", language),
        "speaker": quote.speaker_in(language),
        "speaker_url": quote.speaker.get_absolute_url(language)
        if quote.speaker and quote.speaker.is_public_in(language)
        else "",
        "details": ", ".join(detail for detail in details if detail),
        "portrait": quote.portrait,
        "story_url": story.get_absolute_url(language) if story else "",
        "story_title": localized(story, "title", language) if story else "",
        "language": language,
    }


def quote_cards(language, queryset=None):
    """Card contexts of the quotes (all by default) that have words in `language`."""
    quotes = quotes_for_cards(
        Quote.objects.all() if queryset is None else queryset, language
    )
    return [card for quote in quotes if (card := quote_card_context(quote, language))]
