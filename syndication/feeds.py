"""RSS 2.0 and Atom per language, with django.contrib.syndication.

Readers get the summary (the full text is for partners, see jsonfeed.py)
and, when the hero photo may be syndicated, that photo as an enclosure.
Feed instances are shared between requests, so the language and site
address travel with each item (`Entry`), never on `self`. Every link is
absolute on the configured site (syndication/site.py): django.contrib.syndication
would otherwise complete relative ones with the request's Host.
"""

import mimetypes
from typing import NamedTuple
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure

from articles.languages import (
    current_language,
    field_name,
    localized,
    outlet_name,
    site_title,
)
from articles.models import Article
from syndication.content import photo_feed_image
from syndication.jsonfeed import item_id
from syndication.metadata import (
    credits,
    lead_placement,
    modified_at,
    story_url,
    tag_names,
)
from syndication.site import site_url

ITEMS = 30


class Channel(NamedTuple):
    language: str
    base_url: str
    path: str


class Entry(NamedTuple):
    article: Article
    language: str
    base_url: str


def file_size(photo):
    """Bytes of a local original; 0 (allowed by RSS) for remote or missing."""
    try:
        return photo.image.size if photo.image else 0
    except OSError:
        return 0


class LatestStoriesRSS(Feed):
    """The newest stories in the language of the URL (/en/rss.xml, /km/rss.xml)."""

    def get_object(self, request):
        return Channel(current_language(), site_url(), request.path)

    def title(self, channel):
        return site_title(channel.language)

    def description(self, channel):
        return outlet_name(channel.language)

    subtitle = description

    def link(self, channel):
        return urljoin(channel.base_url, f"/{channel.language}/")

    def feed_url(self, channel):
        return urljoin(channel.base_url, channel.path)

    def items(self, channel):
        stories = (
            Article.objects.published(channel.language)
            .for_page()
            .order_by(f"-{field_name('published_at', channel.language)}", "-pk")
        )
        return [Entry(a, channel.language, channel.base_url) for a in stories[:ITEMS]]

    def item_title(self, entry):
        return localized(entry.article, "title", entry.language)

    def item_description(self, entry):
        return localized(entry.article, "summary", entry.language)

    def item_link(self, entry):
        return story_url(entry.article, entry.language, entry.base_url)

    def item_guid(self, entry):
        return item_id(entry.article.pk, entry.language)

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return localized(entry.article, "published_at", entry.language)

    def item_updateddate(self, entry):
        return modified_at(entry.article, entry.language)

    def item_author_name(self, entry):
        credited = credits(entry.article, entry.language, entry.base_url)
        return ", ".join(c["name"] for c in credited) or None

    def item_categories(self, entry):
        return tag_names(entry.article)

    def item_enclosures(self, entry):
        hero = lead_placement(entry.article, entry.language)
        if hero is None:
            return []
        image = photo_feed_image(hero.photo, entry.base_url)
        mime_type = mimetypes.guess_type(image.url)[0] or "image/jpeg"
        return [Enclosure(image.url, str(file_size(hero.photo)), mime_type)]


class LatestStoriesAtom(LatestStoriesRSS):
    feed_type = Atom1Feed
