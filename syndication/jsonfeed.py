"""JSON Feed 1.1 for partners, built like django.contrib.syndication.

`ArticleJSONFeed` answers small `item_*` questions about one story, taking
what the article page states too (address, times, authors, pictures…) from
metadata.py; `JSONFeedWriter` turns the answers into bytes. Datetimes are made
aware and formatted (RFC 3339 with offset) only at the edge, in
`metadata.rfc3339`.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.templatetags.static import static

from articles.languages import localized, site_title
from articles.models import Article
from articles.page_cache import story_revisions
from syndication import live_entries, metadata
from syndication.content import (
    feed_body_html,
    photo_feed_image,
    published_corrections,
    syndicatable_placements,
)

VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_newsroom"
ID_NAMESPACE = "urn:newsroom:article"


def item_id(article_pk, language):
    """The item's permanent id: the story's key and language, never its URL."""
    return f"{ID_NAMESPACE}:{article_pk}:{language}"


class ArticleJSONFeed:
    """One language's feed; `full` (a partner) adds content_html and _newsroom."""

    def __init__(self, language, base_url, full=False):
        self.language = language
        self.base_url = base_url
        self.full = full

    def absolute(self, path):
        return metadata.absolute(self.base_url, path)

    # --- the feed --------------------------------------------------------

    def title(self):
        return site_title(self.language)

    def description(self):
        return metadata.publisher_name(self.language)

    def home_page_url(self):
        return self.absolute(f"/{self.language}/")

    def feed_url(self):
        return self.absolute(f"/{self.language}/feed.json")

    def icon(self):
        return metadata.logo_url(self.base_url)

    def favicon(self):
        return self.absolute(static("syndication/favicon.png"))

    def feed(self, items, next_url=None):
        return {
            "version": VERSION,
            "title": self.title(),
            "description": self.description(),
            "home_page_url": self.home_page_url(),
            "feed_url": self.feed_url(),
            "next_url": next_url,
            "icon": self.icon(),
            "favicon": self.favicon(),
            "language": self.language,
            "items": items,
        }

    # --- one story -------------------------------------------------------

    def item_id(self, article):
        return item_id(article.pk, self.language)

    def item_url(self, article):
        return metadata.story_url(article, self.language, self.base_url)

    def item_title(self, article):
        return localized(article, "title", self.language)

    def item_summary(self, article):
        return localized(article, "summary", self.language)

    def item_content(self, article):
        if self.full:
            return {
                "content_html": feed_body_html(
                    article, self.language, self.item_url(article), self.base_url
                )
            }
        return {"content_text": self.item_summary(article) or self.item_title(article)}

    def item_photo_url(self, article, kind):
        placement = metadata.lead_placement(article, self.language, kind)
        if placement is None:
            return None
        return photo_feed_image(placement.photo, self.base_url).url

    def item_image(self, article):
        return self.item_photo_url(article, "hero")

    def item_banner_image(self, article):
        return self.item_photo_url(article, "window")

    def item_date_published(self, article):
        return metadata.date_published(article, self.language)

    def item_date_modified(self, article):
        return metadata.date_modified(article, self.language)

    def item_bylines(self, article):
        return metadata.credits(article, self.language, self.base_url)

    def item_authors(self, article):
        return metadata.authors(article, self.language, self.base_url)

    def item_tags(self, article):
        return metadata.tag_names(article)

    def item_location(self, article):
        return metadata.location(article, self.language)

    def item_section(self, article):
        return metadata.section(article, self.language)

    def item_photos(self, article):
        photos = []
        for placement in syndicatable_placements(article):
            photo = placement.photo
            image = photo_feed_image(photo, self.base_url)
            photos.append(
                {
                    "kind": placement.kind,
                    "url": image.url,
                    "width": image.width,
                    "height": image.height,
                    "cutline": metadata.caption(placement, self.language),
                    "credit": photo.credit,
                    "source": photo.source,
                    "rights": photo.effective_rights,
                }
            )
        return photos

    def item_pullquotes(self, article):
        return [
            {
                "text": localized(q, "text", self.language),
                "attribution": localized(q, "attribution", self.language),
            }
            for q in article.pullquotes.all()
            # A pullquote written in the other language only has nothing to
            # give in this one (the extension schema requires its text).
            if localized(q, "text", self.language)
        ]

    def item_translations(self, article):
        return [
            {
                "language": t["language"],
                "id": item_id(article.pk, t["language"]),
                "url": t["url"],
            }
            for t in metadata.translations(article, self.language, self.base_url)
        ]

    def item_corrections(self, article):
        return [
            {
                "text": c["text"],
                "kind": c["kind"],
                "date_published": metadata.rfc3339(c["published_at"]),
            }
            for c in published_corrections(article, self.language)
        ]

    def item_live_entries(self, article):
        return live_entries.live_entries(article, self.language, self.base_url)

    def item_extension(self, article):
        return {
            "status": "published",
            "dateline": localized(article, "dateline", self.language),
            "location": self.item_location(article),
            "section": self.item_section(article),
            "byline": self.item_bylines(article),
            "photos": self.item_photos(article),
            "pullquotes": self.item_pullquotes(article),
            "editors_note": localized(article, "editors_note", self.language),
            "credits": article.credit_lines_in(self.language),
            "translations": self.item_translations(article),
            "corrections": self.item_corrections(article),
            # Only live stories have the key (None is pruned from the item).
            "live_entries": self.item_live_entries(article),
        }

    def item(self, article):
        item = {
            "id": self.item_id(article),
            "url": self.item_url(article),
            "title": self.item_title(article),
            **self.item_content(article),
            "summary": self.item_summary(article),
            "image": self.item_image(article),
            "banner_image": self.item_banner_image(article),
            "date_published": self.item_date_published(article),
            "date_modified": self.item_date_modified(article),
            "authors": self.item_authors(article),
            "tags": self.item_tags(article),
            "language": self.language,
        }
        if self.full:
            extension = self.item_extension(article)
            # The revision changes whenever anything a partner sees changes,
            # including byline, tag or photo-rights edits that leave the
            # story's own timestamp alone.
            extension["revision"] = revision_of({**item, EXTENSION: extension})
            item[EXTENSION] = extension
        return item

    def items(self, rows):
        """The encoded items (encode_item) of `rows` (stories with only their
        keys read), in order.

        Built items are kept (settings.PAGE_DATA_SECONDS) per story, language,
        kind of feed and the story's revision (articles.page_cache
        .story_revisions), which only an announced change of that story, or
        of what all stories share (a section, an author), moves on: on
        election night a new entry or edit rebuilds its own item, not the
        page's twenty. A page of items built before costs two cache reads;
        only the missing stories are read with everything they show
        (Article.objects.for_page()) and built.
        """
        seconds = settings.PAGE_DATA_SECONDS
        if not seconds:
            by_pk = {a.pk: a for a in self.stories([row.pk for row in rows])}
            return [encode_item(self.item(by_pk[row.pk])) for row in rows]
        revisions = story_revisions([row.pk for row in rows])
        keys = {
            row.pk: f"newsroom:feed-item:{revisions[row.pk][0]}:{revisions[row.pk][1]}:"
            f"{self.language}:{int(self.full)}:{self.base_url}:{row.pk}"
            for row in rows
        }
        kept = cache.get_many(keys.values())
        missing = [pk for pk, key in keys.items() if key not in kept]
        if missing:
            built = {
                keys[a.pk]: encode_item(self.item(a)) for a in self.stories(missing)
            }
            cache.set_many(built, seconds)
            kept.update(built)
        return [kept[keys[row.pk]] for row in rows]

    def stories(self, pks):
        """The stories of `pks` with all an item shows, live entries included."""
        stories = list(Article.objects.for_page().filter(pk__in=pks))
        if self.full:
            live_entries.prefetch(stories, self.language)
        return stories

    def tombstone(self, tombstone):
        """A withdrawn version's encoded item: its id and when, no content."""
        withdrawn_at = metadata.rfc3339(tombstone.withdrawn_at)
        return encode_item(
            {
                "id": item_id(tombstone.article_id, tombstone.language),
                "content_text": "",
                "date_modified": withdrawn_at,
                "language": tombstone.language,
                EXTENSION: {"status": "withdrawn", "withdrawn_at": withdrawn_at},
            }
        )


def revision_of(data):
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def _prune(value):
    """Drop None and empty-string members: JSON Feed omits what is unknown."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != ""}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def encode_item(item):
    """One item's JSON text, made once when the item is built: a feed page is
    then its head and the kept texts joined, not a re-encoding of every item."""
    pruned = _prune(item)
    # content_text "" is how a tombstone says "no content"; keep it.
    if "content_html" not in pruned and "content_text" in item:
        pruned["content_text"] = item["content_text"] or ""
    return json.dumps(pruned, ensure_ascii=False, separators=(",", ":"))


class JSONFeedWriter:
    """Serialises a feed dict whose items are encoded (encode_item); Khmer
    stays UTF-8, byte for byte."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, feed):
        head = json.dumps(
            _prune({k: v for k, v in feed.items() if k != "items"}),
            ensure_ascii=False,
            separators=(",", ":"),
        )
        # head is a JSON object: "}" ends it, and the items array goes before.
        return f'{head[:-1]},"items":[{",".join(feed["items"])}]}}'.encode()
