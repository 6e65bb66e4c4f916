"""sitemap.xml with hreflang pairs, and a Google News sitemap of recent stories.

Addresses are on the configured site (syndication/site.py); django.contrib.
sitemaps would otherwise take the request's scheme and Host.
"""

from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import Q
from django.urls import path
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, field_name, localized, outlet_name
from articles.models import Article
from syndication.site import site_url

NEWS_WINDOW = timedelta(days=2)


def published_anywhere(now=None):
    """Stories published in at least one language (union of published())."""
    query = Q()
    for language in LANGUAGE_CODES:
        query |= Q(pk__in=Article.objects.published(language, now=now).values("pk"))
    return Article.objects.filter(query).select_related("section")


class SiteSitemap(Sitemap):
    """A sitemap whose URLs are on NEWSROOM_SITE_URL whoever asks."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class ArticleSitemap(SiteSitemap):
    """One <url> per published language version, each listing its published pair.

    get_languages_for_item limits both the URLs and their hreflang alternates
    to the languages a story is published in, so a story published only in
    English never points to a Khmer address that would answer 404.
    """

    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        return published_anywhere().order_by("pk")

    def get_languages_for_item(self, article):
        return article.published_languages()

    def lastmod(self, article):
        return article.updated_at


class NewsEntry(NamedTuple):
    path: str
    language: str
    title: str
    published_at: object
    publication: str


class NewsSitemap(SiteSitemap):
    """Google News: each language version published in the last two days."""

    limit = 1000  # Google News' own cap per sitemap

    def items(self):
        now = timezone.now()
        entries = []
        for language in LANGUAGE_CODES:
            since = {f"{field_name('published_at', language)}__gte": now - NEWS_WINDOW}
            recent = (
                Article.objects.published(language, now=now)
                .filter(**since)
                .select_related("section")
            )
            entries += [
                NewsEntry(
                    article.get_absolute_url(language),
                    language,
                    localized(article, "title", language),
                    localized(article, "published_at", language),
                    outlet_name(language),
                )
                for article in recent
            ]
        return sorted(entries, key=lambda entry: entry.published_at, reverse=True)

    def location(self, entry):
        return entry.path


sitemap_urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"articles": ArticleSitemap}},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        sitemap,
        {
            "sitemaps": {"news": NewsSitemap},
            "template_name": "syndication/news_sitemap.xml",
        },
        name="news-sitemap",
    ),
]
