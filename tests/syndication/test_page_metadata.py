"""syndication/page_metadata.py: the page's head, apart from the partner feed.

The page and the feed take what they both state from syndication/metadata.py;
the page never builds the feed.
"""

import json

import pytest
from bs4 import BeautifulSoup

from articles.models import Byline, PhotoPlacement
from syndication.jsonfeed import ArticleJSONFeed
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
)
from tests.syndication_support import bearer, make_partner
from workflow.corrections import add_correction

pytestmark = pytest.mark.django_db


def full_story():
    """A VOA hero, a Reuters inline, a reporter and a photographer, tags, a place."""
    story = ArticleFactory(
        published=True, location_name="Kampot", latitude="10.6", longitude="104.18"
    )
    PhotoPlacementFactory(article=story, kind=PhotoPlacement.Kind.HERO, position=1)
    PhotoPlacementFactory(article=story, position=2)
    PhotoPlacementFactory(
        article=story, photo=PhotoFactory(source="Reuters", credit="R"), position=3
    )
    BylineFactory(
        article=story, author=AuthorFactory(display_name_en="Sun Narin"), position=0
    )
    BylineFactory(
        article=story,
        author=AuthorFactory(display_name_en="Malis Tum"),
        role=Byline.Role.PHOTOGRAPHER,
        position=1,
    )
    story.tags.add("election", "civil servants")
    add_correction(story, "en", "correction", "A name was misspelt.")
    return story


def head_of(client, story, language="en"):
    response = client.get(story.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def test_the_page_head_is_built_without_the_partner_feed(
    client, monkeypatch, warm_renditions
):
    story = full_story()
    warm_renditions()
    expected = {
        language: str(head_of(client, story, language)) for language in ("en", "km")
    }

    def refuse(*args, **kwargs):
        raise AssertionError("the article page built the partner feed")

    monkeypatch.setattr(ArticleJSONFeed, "__init__", refuse)
    for language, head in expected.items():
        assert str(head_of(client, story, language)) == head


def test_feed_and_page_state_the_same_facts(client, warm_renditions):
    story = full_story()
    warm_renditions()
    _partner, key = make_partner()
    feed = client.get("/en/feed.json", **bearer(key)).json()
    (item,) = feed["items"]
    head = head_of(client, story)
    data = json.loads(head.find("script", type="application/ld+json").string)
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    hreflang = {
        link["hreflang"]: link["href"]
        for link in head.find_all("link", rel="alternate", hreflang=True)
    }
    extension = item["_newsroom"]

    assert item["url"] == data["url"] == og["og:url"] == hreflang["en"]
    assert item["image"] == data["image"][0]["url"] == og["og:image"]
    assert [p["url"] for p in extension["photos"]] == [i["url"] for i in data["image"]]
    assert item["authors"] == [
        {"name": a["name"], "url": a["url"]} for a in data["author"]
    ]
    assert [a["name"] for a in item["authors"]] == ["Sun Narin"]  # the reporter
    assert item["tags"] == data["keywords"] == ["civil servants", "election"]
    assert item["date_published"] == data["datePublished"]
    assert item["date_modified"] == data["dateModified"]
    assert data["dateModified"] == og["article:modified_time"]
    assert extension["section"]["name"] == data["articleSection"]
    assert [t["url"] for t in extension["translations"]] == [hreflang["km"]]
    assert hreflang["km"] == data["workTranslation"][0]["@id"]
    assert extension["location"]["name"] == data["locationCreated"]["name"]
    assert [c["text"] for c in extension["corrections"]] == [
        c["text"] for c in data["correction"]
    ]
    assert feed["description"] == data["publisher"]["name"] == og["og:site_name"]
    assert feed["icon"] == data["publisher"]["logo"]["url"]
