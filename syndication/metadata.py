"""Search and social metadata for an article page: NewsArticle JSON-LD, Open
Graph, Twitter cards and hreflang links, from a story prefetched by for_page().

Photos follow the partner rule (media_assets.rights.decide(), read through
content.syndicatable_placements like the feeds and the admin filter): only a
syndicatable photo is offered to search engines and social cards, with its
creator, credit and licence.
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from articles.languages import LANGUAGE_CODES, localized
from articles.presentation import placement_of_kind
from syndication.content import (
    photo_feed_image,
    published_corrections,
    syndicatable_placements,
)
from syndication.jsonfeed import ArticleJSONFeed, modified_at, rfc3339

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
        "caption": localized(placement, "caption", language)
        or localized(photo, "cutline", language),
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


def news_article(article, language, base_url):
    feed = ArticleJSONFeed(language, base_url, full=True)
    url = feed.item_url(article)
    placements = syndicatable_placements(article)
    hero = placement_of_kind(placements, "hero")
    ordered = [hero, *(p for p in placements if p is not hero)] if hero else placements
    outlets = settings.NEWSROOM["OUTLET_NAME"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": feed.item_title(article),
        "description": feed.item_summary(article),
        "datePublished": feed.item_date_published(article),
        "dateModified": feed.item_date_modified(article),
        "inLanguage": language,
        "author": [
            {"@type": "Person", "name": author["name"], "url": author["url"]}
            for author in feed.item_authors(article)
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": outlets.get(language, outlets["en"]),
            "logo": {"@type": "ImageObject", "url": feed.icon()},
        },
        "articleSection": feed.item_section(article)["name"],
        "keywords": feed.item_tags(article),
        "dateline": localized(article, "dateline", language),
        "image": [image_object(p, language, base_url) for p in ordered],
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": c["text"],
                "datePublished": rfc3339(c["published_at"]),
            }
            for c in published_corrections(article, language)
        ],
    }
    location = feed.item_location(article)
    if location:
        place = {"@type": "Place", "name": location["name"]}
        if article.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": location["latitude"],
                "longitude": location["longitude"],
            }
        data["locationCreated"] = place
    for other in LANGUAGE_CODES:
        if other != language and article.is_published_in(other):
            relation = translation_relation(article, language, other)
            data.setdefault(relation, []).append(
                {
                    "@type": "NewsArticle",
                    "@id": feed.absolute(article.get_absolute_url(other)),
                    "inLanguage": other,
                }
            )
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def head_context(article, language, base_url):
    """Everything the <head> of an article page says about the story."""
    feed = ArticleJSONFeed(language, base_url, full=True)
    url = feed.item_url(article)
    hero = placement_of_kind(syndicatable_placements(article), "hero")
    alternates = [{"language": language, "url": url}] + [
        {"language": t["language"], "url": t["url"]}
        for t in feed.item_translations(article)
    ]
    outlets = settings.NEWSROOM["OUTLET_NAME"]
    return {
        "canonical_url": url,
        "alternates": alternates,
        "title": feed.item_title(article),
        "description": feed.item_summary(article),
        "site_name": outlets.get(language, outlets["en"]),
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [
            OG_LOCALES.get(a["language"], a["language"]) for a in alternates[1:]
        ],
        "image": image_object(hero, language, base_url) if hero else None,
        "published_time": feed.item_date_published(article),
        "modified_time": rfc3339(modified_at(article, language)),
        "section": feed.item_section(article)["name"],
        "tags": feed.item_tags(article),
        "json_ld": json_ld_script(news_article(article, language, base_url)),
    }
