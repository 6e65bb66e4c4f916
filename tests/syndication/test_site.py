"""Absolute URLs come from settings.NEWSROOM_SITE_URL, never a request's Host
(syndication/site.py), and the feed's next_url never carries a partner key."""

import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from articles.models import PhotoPlacement
from tests.factories import ArticleFactory, PhotoPlacementFactory
from tests.syndication_support import bearer, make_partner

pytestmark = pytest.mark.django_db

SITE = "https://www.voakhmer.example"
HOSTILE = "localhost:18252"


@pytest.fixture(autouse=True)
def configured_site(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]  # so the hostile Host reaches the views
    cache.clear()
    yield
    cache.clear()


def story_with_hero():
    story = ArticleFactory(published=True)
    PhotoPlacementFactory(article=story, kind=PhotoPlacement.Kind.HERO, position=1)
    return story


def head_urls(content):
    soup = BeautifulSoup(content, "html.parser")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    data = json.loads(soup.find("script", type="application/ld+json").string)
    return {
        "canonical": soup.find("link", rel="canonical")["href"],
        "og:url": og["og:url"],
        "og:image": og["og:image"],
        "@id": data["@id"],
    }


def test_cached_page_never_carries_the_host_one_request_named(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    story = story_with_hero()
    path = story.get_absolute_url("en")
    hostile = client.get(path, HTTP_HOST=HOSTILE)  # fills the cache
    with django_assert_num_queries(0):  # the copy the hostile request cached
        normal = client.get(path)
    for response in (hostile, normal):
        assert response.status_code == 200
        assert HOSTILE.encode() not in response.content
        urls = head_urls(response.content)
        assert urls["canonical"] == urls["og:url"] == urls["@id"] == SITE + path
        assert urls["og:image"].startswith(f"{SITE}/media/")


@pytest.mark.parametrize(
    "path",
    [
        "/en/feed.json",
        "/en/rss.xml",
        "/km/atom.xml",
        "/sitemap.xml",
        "/sitemap-news.xml",
    ],
)
def test_feeds_and_sitemaps_use_the_configured_site(client, path):
    story_with_hero()
    response = client.get(path, HTTP_HOST=HOSTILE)
    assert response.status_code == 200
    body = response.content.decode()
    assert HOSTILE not in body and "testserver" not in body
    assert f"{SITE}/" in body


def test_json_feed_addresses_are_on_the_configured_site(client):
    story = story_with_hero()
    data = client.get("/en/feed.json", HTTP_HOST=HOSTILE).json()
    assert data["home_page_url"] == f"{SITE}/en/"
    assert data["feed_url"] == f"{SITE}/en/feed.json"
    (item,) = data["items"]
    assert item["url"] == SITE + story.get_absolute_url("en")
    assert item["image"].startswith(f"{SITE}/media/")


def test_next_url_is_on_the_site_and_never_carries_the_key(client):
    ArticleFactory.create_batch(3, published=True)
    _partner, key = make_partner()
    data = client.get("/en/feed.json", {"key": key, "limit": "1"}).json()
    next_url = data["next_url"]
    assert key not in next_url
    parts = urlsplit(next_url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{SITE}/en/feed.json"
    query = parse_qs(parts.query)
    assert set(query) == {"cursor", "limit"}
    # The partner presents its key again itself (the header is preferred).
    following = client.get(
        parts.path, {k: v[0] for k, v in query.items()}, **bearer(key)
    )
    assert following.status_code == 200
    assert len(following.json()["items"]) == 1
    assert "_newsroom" in following.json()["items"][0]


@pytest.mark.parametrize(
    "value",
    ["www.voakhmer.example", "ftp://www.voakhmer.example", "https://x.example/news"],
)
def test_a_site_url_that_is_not_scheme_and_host_stops_the_start(value):
    env = {**os.environ, "NEWSROOM_SITE_URL": value, "SECRET_KEY": "s" * 50}
    result = subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "-c", "import newsroom.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "NEWSROOM_SITE_URL must be the site's scheme and host only" in result.stderr
