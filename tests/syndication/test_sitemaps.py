"""Sitemaps: translations paired with hreflang, the news sitemap's last two days."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


XHTML = "{http://www.w3.org/1999/xhtml}"


NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def test_sitemap_pairs_translations_with_hreflang(client):
    pair = ArticleFactory(published=True)
    english_only = ArticleFactory(english_only=True)
    draft = ArticleFactory()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    urls = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        urls[loc] = {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
    absolute = "http://testserver{}".format
    pair_urls = {lang: absolute(pair.get_absolute_url(lang)) for lang in ("en", "km")}
    assert urls[pair_urls["en"]] == pair_urls
    assert urls[pair_urls["km"]] == pair_urls
    only = absolute(english_only.get_absolute_url("en"))
    assert urls[only] == {"en": only}
    assert absolute(english_only.get_absolute_url("km")) not in urls
    assert len(urls) == 3
    assert f"/{draft.slug}/" not in response.content.decode()


def test_news_sitemap_lists_the_last_two_days(client):
    now = timezone.now()
    fresh = ArticleFactory(published=True)
    stale = ArticleFactory(published=True)
    Article.objects.filter(pk=fresh.pk).update(
        published_at_en=now - timedelta(hours=3),
        published_at_km=now - timedelta(days=3),
    )
    Article.objects.filter(pk=stale.pk).update(
        published_at_en=now - timedelta(days=3), published_at_km=now - timedelta(days=4)
    )
    ArticleFactory(title_en="Draft")
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    (url,) = root.iter(f"{SITEMAP}url")
    assert url.find(f"{SITEMAP}loc").text.endswith(fresh.get_absolute_url("en"))
    news = url.find(f"{NEWS}news")
    assert news.find(f"{NEWS}title").text == fresh.title_en
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "en"
    assert news.find(f"{NEWS}publication/{NEWS}name").text == "VOA Khmer"
    assert news.find(f"{NEWS}publication_date").text.endswith("+07:00")
