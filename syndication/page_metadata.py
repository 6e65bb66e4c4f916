"""Search and social metadata for an article page: canonical and hreflang links,
Open Graph, Twitter card and NewsArticle JSON-LD.

Built from the story prefetched by for_page() and the facts every output
shares (metadata.py), never from the partner feed, so a change to the feed
does not reach the page. Only a syndicatable photo (Photo.may_syndicate) is
offered to search engines and social cards, with its creator, credit and
licence. Rendered in the page's head slot (HEAD, registered by the app).
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from articles.languages import localized
from articles.panels import Panel
from syndication import metadata
from syndication.content import (
    photo_feed_image,
    published_corrections,
    syndicatable_placements,
)
from syndication.site import site_url

OG_LOCALES = {"en": "en_US", "km": "km_KH"}

# The same escapes as django.utils.html.json_script: no "</script>" breakout.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def image_object(placement, language, base_url):
    photo = placement.photo
    image = photo_feed_image(photo, base_url)
    credit_line = photo.credit_line
    data = {
        "@type": "ImageObject",
        "url": image.url,
        "contentUrl": image.url,
        "width": image.width,
        "height": image.height,
        "caption": metadata.caption(placement, language),
        "creditText": credit_line,
        "copyrightNotice": photo.source or credit_line,
        "license": settings.NEWSROOM.get("PHOTO_LICENSE_URL") or None,
    }
    if photo.credit:
        data["creator"] = {"@type": "Person", "name": photo.credit}
    elif photo.source:
        data["creator"] = {"@type": "Organization", "name": photo.source}
    return {key: value for key, value in data.items() if value not in (None, "")}


def translation_relation(article, language, other):
    """Which way a pair points: the earlier-published version is the original."""
    mine = localized(article, "published_at", language)
    theirs = localized(article, "published_at", other)
    if (theirs, other) < (mine, language):
        return "translationOfWork"
    return "workTranslation"


def place(article, language):
    """schema.org Place of the story's location, None when it has none."""
    location = metadata.location(article, language)
    if not location:
        return None
    data = {"@type": "Place", "name": location["name"]}
    if location["latitude"] is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location["latitude"],
            "longitude": location["longitude"],
        }
    return data


def news_article(article, language, base_url):
    url = metadata.story_url(article, language, base_url)
    placements = syndicatable_placements(article)
    hero = metadata.lead_placement(article, language)
    ordered = [hero, *(p for p in placements if p is not hero)] if hero else placements
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": localized(article, "title", language),
        "description": localized(article, "summary", language),
        "datePublished": metadata.date_published(article, language),
        "dateModified": metadata.date_modified(article, language),
        "inLanguage": language,
        "author": [
            {"@type": "Person", "name": author["name"], "url": author["url"]}
            for author in metadata.authors(article, language, base_url)
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": metadata.publisher_name(language),
            "logo": {"@type": "ImageObject", "url": metadata.logo_url(base_url)},
        },
        "articleSection": metadata.section(article, language)["name"],
        "keywords": metadata.tag_names(article),
        "dateline": localized(article, "dateline", language),
        "image": [image_object(p, language, base_url) for p in ordered],
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": c["text"],
                "datePublished": metadata.rfc3339(c["published_at"]),
            }
            for c in published_corrections(article, language)
        ],
        "locationCreated": place(article, language),
    }
    for translation in metadata.translations(article, language, base_url):
        other = translation["language"]
        relation = translation_relation(article, language, other)
        data.setdefault(relation, []).append(
            {"@type": "NewsArticle", "@id": translation["url"], "inLanguage": other}
        )
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def head_context(article, language):
    """Everything the <head> of an article page says about the story."""
    base_url = site_url()
    url = metadata.story_url(article, language, base_url)
    hero = metadata.lead_placement(article, language)
    alternates = [
        {"language": language, "url": url},
        *metadata.translations(article, language, base_url),
    ]
    return {
        "canonical_url": url,
        "alternates": alternates,
        "title": localized(article, "title", language),
        "description": localized(article, "summary", language),
        "site_name": metadata.publisher_name(language),
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [
            OG_LOCALES.get(a["language"], a["language"]) for a in alternates[1:]
        ],
        "image": image_object(hero, language, base_url) if hero else None,
        "published_time": metadata.date_published(article, language),
        "modified_time": metadata.date_modified(article, language),
        "section": metadata.section(article, language)["name"],
        "tags": metadata.tag_names(article),
        "json_ld": json_ld_script(news_article(article, language, base_url)),
    }


HEAD = Panel(
    name="syndication.head_metadata",
    slot="head",
    template="syndication/head_meta.html",
    context=head_context,
    # The JSON-LD lists the corrections; the rest is in for_page() already.
    prefetches=("corrections",),
)
