"""What readers see of entries, shared by the page panel and the JSON endpoint.

One template (live/entry.html) renders an entry, so an entry fetched by a
poller is the same markup the page was served with.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Q, Window
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import override

from articles.dates import format_date, khmer_digits
from articles.embeds import HANDLERS, safe_link
from articles.labels import label
from articles.languages import field_name, localized, per_language
from articles.models import Article, Layout
from articles.rendering import EmbedContext, expand_embeds
from live.models import LiveEntry
from media_assets.models import rendition_prefetch

# Embeds an entry body may use: none of them reads the story's placements.
ENTRY_HANDLERS = {
    name: HANDLERS[name]
    for name in ("video", "editors-note", "related-videos", "include", "generic")
}
ENTRY_HANDLERS["photo"] = ENTRY_HANDLERS["pullquote"] = HANDLERS["generic"]
ENTRY_HANDLERS["map"] = ENTRY_HANDLERS["mugshot"] = HANDLERS["generic"]


def labels(language):
    return per_language(settings.NEWSROOM["LIVE_LABELS"], language)


def clock_digits(language):
    """The digits 0-9 as `language` writes them (live.js counts with them)."""
    return khmer_digits("0123456789") if language == "km" else "0123456789"


def clock(moment, language):
    """ "20:15" in the site's time zone, in the language's digits."""
    text = timezone.localtime(moment).strftime("%H:%M")
    return khmer_digits(text) if language == "km" else text


def visible_entries(language):
    """Entries readers of `language` see, in reading order, ready to render."""
    return (
        LiveEntry.objects.in_language(language)
        .in_reading_order()
        .select_related("author", "photo")
        .prefetch_related(rendition_prefetch("photo__renditions"))
    )


def entries_for_page(story_id, language):
    return visible_entries(language).of_story(story_id)


# Entries per page: the story page shows the first PAGE_SIZE in reading order
# (pinned on top, then the newest), "Older entries" pages the rest.
PAGE_SIZE = 50


@dataclass(frozen=True)
class EntryPage:
    number: int
    entries: list  # LiveEntry rows, in reading order
    total: int  # entries readers of the language see, on all pages
    last_change: int  # the highest change number among them

    @property
    def pages(self):
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def state(self):
        return (self.last_change, self.total)


def entry_page(story_id, language, number=1):
    """Page `number` of the story's entries, with the whole story's state.

    One query for the entries (plus one for their photos' renditions): the
    total and the latest change ride along as window aggregates.
    """
    start = (number - 1) * PAGE_SIZE
    rows = list(
        entries_for_page(story_id, language).annotate(
            story_total=Window(Count("pk")), story_last=Window(Max("change"))
        )[start : start + PAGE_SIZE]
    )
    if not rows:
        return EntryPage(number, [], 0, 0)
    return EntryPage(number, rows, rows[0].story_total, rows[0].story_last or 0)


def page_number(entry, language):
    """The page holding `entry` in `language`'s reading order. One query."""
    ahead = (
        Q(pinned__gt=entry.pinned)
        | Q(pinned=entry.pinned, posted_at__gt=entry.posted_at)
        | Q(pinned=entry.pinned, posted_at=entry.posted_at, pk__gt=entry.pk)
    )
    before = (
        LiveEntry.objects.of_story(entry.story_id)
        .in_language(language)
        .filter(ahead)
        .count()
    )
    return before // PAGE_SIZE + 1


def entry_body(entry, language):
    context = EmbedContext(language=language, handlers=ENTRY_HANDLERS)
    html = expand_embeds(localized(entry, "body_html", language), context)
    return mark_safe(html)  # noqa: S308 - sanitised on save, embeds autoescaped


def photo_context(photo, language):
    if photo is None:
        return None
    caption = localized(photo, "cutline", language) or ""
    return {
        "photo": photo,
        "caption": caption,
        "credit": photo.credit_line,
        "alt": localized(photo, "alt_text", language) or caption,
    }


def permalink(entry, language):
    """The entry's own address: it finds the page holding the entry (live.pages)."""
    with override(language):
        return reverse("live:entry", kwargs={"entry_id": entry.pk})


def entry_context(entry, language):
    words = labels(language)
    edited_at = localized(entry, "edited_at", language)
    return {
        "photo": photo_context(entry.photo, language),
        "entry": entry,
        "language": language,
        "labels": words,
        "play_video": label("play_video", language),
        "anchor": entry.anchor(),
        "permalink": permalink(entry, language),
        "time": clock(entry.posted_at, language),
        "date": format_date(entry.posted_at, language),
        "author": localized(entry.author, "display_name", language, fallback=True)
        if entry.author
        else "",
        "body": entry_body(entry, language),
        "quote": localized(entry, "quote", language),
        "quote_source": localized(entry, "quote_source", language),
        "embed_url": safe_link(entry.embed_url),
        "edited_at": edited_at,
        "edited": words["updated"].format(time=clock(edited_at, language))
        if edited_at
        else "",
    }


def render_entry(entry, language):
    return render_to_string("live/entry.html", entry_context(entry, language))


def story_state(story_id, language):
    """(latest change number, number of entries) of a story public in `language`.

    None when readers of `language` may not see the story. One query: this
    is what every poll costs when nothing changed.
    """
    shown = Q(**{f"live_entries__{field_name('body', language)}__gt": ""})
    return (
        Article.objects.published(language)
        .filter(pk=story_id, layout=Layout.LIVE)
        .order_by()
        .values("pk")  # GROUP BY the story's key alone
        .annotate(
            last=Max("live_entries__change", filter=shown),
            count=Count("live_entries", filter=shown),
        )
        .values_list("last", "count")
        .first()
    )


def state_etag(story_id, language, state):
    """The weak ETag of a state: (highest change number shown, entries shown).

    Every change to an entry gives it a higher number than any before, so a
    change readers of `language` see raises the first figure, and a removal
    (or an entry leaving the language) lowers the second. An earlier pair
    comes back only when the very same entries are shown again.
    """
    last, count = state
    # Weak: every `since=` asked with one state gets an equivalent answer.
    return f'W/"live-{story_id}-{language}-{last or 0}-{count}"'


def change_cursor(last):
    """The `since=` value following changes after number `last`: "c<n>"."""
    return f"c{last or 0}"
