"""A story's metadata, one answer for every output that states it.

The partner JSON feed (jsonfeed.py), RSS/Atom (feeds.py) and the article
page's <head> (page_metadata.py) all take the address, times, credited authors,
tags, section, place, translations and lead picture of a story from here,
built from a story prefetched by Article.objects.for_page(); none of them
builds another. Addresses are absolute on the configured site (site.py), and
pictures follow the one rights rule (content.syndicatable_placements, which
reads Photo.may_syndicate).
"""

from django.templatetags.static import static
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, localized, outlet_name
from articles.models import Byline
from articles.presentation import placement_of_kind
from syndication.content import syndicatable_placements


def absolute(base_url, path):
    """`path` (from the site's root) on the site at `base_url`."""
    return base_url.rstrip("/") + path


def story_url(article, language, base_url):
    return absolute(base_url, article.get_absolute_url(language))


def logo_url(base_url):
    return absolute(base_url, static("syndication/icon.png"))


def publisher_name(language):
    return outlet_name(language)


# --- times ---------------------------------------------------------------------


def rfc3339(moment):
    """Aware and in the site's zone, formatted only here, at the edge."""
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment).isoformat()


def modified_at(article, language):
    """When the version last changed for a reader: an edit or its publication."""
    published_at = localized(article, "published_at", language)
    return max(article.updated_at, published_at) if published_at else article.updated_at


def date_published(article, language):
    return rfc3339(localized(article, "published_at", language))


def date_modified(article, language):
    return rfc3339(modified_at(article, language))


# --- people, words and places ----------------------------------------------------


def credits(article, language, base_url):
    """Everyone credited, in byline order: [{name, role, url}]."""
    return [
        {
            "name": localized(b.author, "display_name", language, fallback=True),
            "role": b.role,
            "url": absolute(base_url, b.author.get_absolute_url(language)),
        }
        for b in article.bylines.all()
    ]


def authors(article, language, base_url):
    """Reporters in byline order (everyone credited if none is a reporter)."""
    credited = credits(article, language, base_url)
    reporters = [c for c in credited if c["role"] == Byline.Role.REPORTER]
    return [{"name": c["name"], "url": c["url"]} for c in reporters or credited]


def tag_names(article):
    return sorted(tag.name for tag in article.tags.all())


def section(article, language):
    section = article.section
    return {
        "slug": section.url_slug(language),
        "name": localized(section, "name", language, fallback=True),
    }


def location(article, language):
    """{name, latitude, longitude} in `language` (floats), None when unknown."""
    name, latitude, longitude = article.place_in(language)
    if not name and latitude is None:
        return None
    return {
        "name": name,
        "latitude": None if latitude is None else float(latitude),
        "longitude": None if longitude is None else float(longitude),
    }


def translations(article, language, base_url):
    """The story's other published versions: [{language, url}]."""
    return [
        {"language": other, "url": story_url(article, other, base_url)}
        for other in LANGUAGE_CODES
        if other != language and article.is_published_in(other)
    ]


# --- pictures ----------------------------------------------------------------------


def lead_placement(article, language, kind="hero"):
    """`language`'s placement of `kind` that partners, search and social may show."""
    return placement_of_kind(syndicatable_placements(article), kind, language)


def caption(placement, language):
    """The placement's own caption, else the photo's cutline."""
    return localized(placement, "caption", language) or localized(
        placement.photo, "cutline", language
    )
