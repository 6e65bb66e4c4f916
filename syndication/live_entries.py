"""A live story's entries in its partner feed item: `_newsroom.live_entries`.

Entries come in live's reading order (pinned first, newest first), only those
with text in the feed's language. Their HTML follows the body's rules
(content.py): no picture written into the text, videos as links, every address
absolute; an entry's photo travels as data, and only when its rights let
partners republish it.
"""

from urllib.parse import urljoin

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import format_html

from articles.embeds import safe_link
from articles.languages import localized
from articles.rendering import EmbedContext, expand_embeds
from live.panels import is_live
from live.presentation import photo_context, visible_entries
from syndication import metadata
from syndication.content import (
    feed_handlers,
    partner_html,
    photo_feed_image,
    without_written_images,
)

PREFETCHED = "feed_live_entries"


def prefetch(articles, language):
    """One query for the live stories among `articles`, none without any."""
    live = [article for article in articles if is_live(article)]
    if live:
        lookup = Prefetch(
            "live_entries", queryset=visible_entries(language), to_attr=PREFETCHED
        )
        prefetch_related_objects(live, lookup)


def _nothing(name, args, context):
    return ""


def entry_html(entry, language, page_url, base_url):
    """The entry's text, quote and video as partner HTML, addresses absolute."""
    without_images = without_written_images(localized(entry, "body_html", language))
    video = feed_handlers(base_url)["video"]
    context = EmbedContext(
        language=language, handlers={"video": video, "generic": _nothing}
    )
    html = expand_embeds(without_images, context)
    if quote := localized(entry, "quote", language):
        html += format_html(
            "<blockquote><p>{}</p><footer>{}</footer></blockquote>",
            quote,
            localized(entry, "quote_source", language) or "",
        )
    if entry.youtube_id:
        html += video("video", {"youtube": entry.youtube_id}, context)

    def absolute(tag, attribute, value):
        if tag == "img":
            return None
        return urljoin(page_url, value) if attribute == "href" else value

    return partner_html(html, absolute)


def entry_photo(entry, language, base_url):
    if entry.photo is None or not entry.photo.may_syndicate:
        return None
    figure = photo_context(entry.photo, language)
    image = photo_feed_image(entry.photo, base_url)
    return {
        "url": image.url,
        "width": image.width,
        "height": image.height,
        "cutline": figure["caption"],
        "credit": entry.photo.credit,
        "source": entry.photo.source,
        "rights": entry.photo.effective_rights,
    }


def live_entries(article, language, base_url):
    """[{id, url, date_published, date_modified, html, pinned, author, …}], or
    None for a story that is not live (the key is left out)."""
    if not is_live(article):
        return None
    entries = getattr(article, PREFETCHED, None)
    if entries is None:
        entries = visible_entries(language).of_story(article.pk)
    page_url = metadata.story_url(article, language, base_url)
    return [
        {
            "id": entry.pk,
            "url": f"{page_url}#{entry.anchor()}",
            "date_published": metadata.rfc3339(entry.posted_at),
            "date_modified": metadata.rfc3339(entry.updated_at),
            "date_corrected": metadata.rfc3339(localized(entry, "edited_at", language)),
            "html": entry_html(entry, language, page_url, base_url),
            "pinned": entry.pinned,
            "author": localized(entry.author, "display_name", language, fallback=True)
            if entry.author
            else None,
            "photo": entry_photo(entry, language, base_url),
            "embed_url": safe_link(entry.embed_url),
        }
        for entry in entries
    ]
