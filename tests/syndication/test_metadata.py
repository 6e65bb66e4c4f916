"""The article page's search and social metadata: JSON-LD, Open Graph, hreflang."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import ArticleFactory
from tests.syndication_support import (
    REUTERS_URL,
    seed_story,
    voa_hero_story,
)
from workflow.corrections import add_correction

pytestmark = pytest.mark.django_db


def page_head(client, article, language="en"):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_news_article_json_ld_has_required_fields(client, settings):
    settings.NEWSROOM = {
        **settings.NEWSROOM,
        "PHOTO_LICENSE_URL": "https://example.org/photo-terms",
    }
    story = voa_hero_story(
        location_name="Phnom Penh", latitude="11.556062", longitude="104.936943"
    )
    story.bylines.create(author=seed_author("Sun Narin"), position=0)
    data = json_ld(page_head(client, story))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.title_en
    assert data["inLanguage"] == "en"
    for field in ("datePublished", "dateModified"):
        assert data[field].endswith("+07:00")
    (author,) = data["author"]
    assert (author["@type"], author["name"]) == ("Person", "Sun Narin")
    assert client.get(author["url"]).status_code == 200  # the author's page
    assert data["dateline"] == "Phnom Penh"
    assert data["locationCreated"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 11.556062,
        "longitude": 104.936943,
    }
    (image,) = data["image"]
    assert image["creator"] == {"@type": "Person", "name": "Sun Narin"}
    assert image["creditText"] == "Sun Narin | VOA Khmer"
    assert image["copyrightNotice"] == "VOA Khmer"
    assert image["license"] == "https://example.org/photo-terms"
    # English went out first: the Khmer version is its translation.
    (translation,) = data["workTranslation"]
    assert translation["inLanguage"] == "km"
    km = json_ld(page_head(client, story, "km"))
    assert km["translationOfWork"][0]["@id"].endswith(story.get_absolute_url("en"))


def seed_author(name):
    from tests.factories import AuthorFactory

    return AuthorFactory(display_name_en=name)


def test_corrections_are_correction_comments_in_json_ld(client):
    story = voa_hero_story()
    assert "correction" not in json_ld(page_head(client, story))
    add_correction(story, "en", "clarification", "This story now says when.")
    data = json_ld(page_head(client, story))
    (comment,) = data["correction"]
    assert comment["@type"] == "CorrectionComment"
    assert comment["text"] == "This story now says when."
    assert comment["datePublished"].startswith(str(timezone.localdate()))
    assert "correction" not in json_ld(page_head(client, story, "km"))


def test_agency_hero_is_not_offered_to_search_or_social(client):
    story = seed_story()
    soup = page_head(client, story)
    head = str(soup.head)
    assert REUTERS_URL not in head
    data = json_ld(soup)
    assert all(image["url"] != REUTERS_URL for image in data["image"])
    assert soup.find("meta", property="og:image") is None
    card = soup.find("meta", attrs={"name": "twitter:card"})
    assert card["content"] == "summary"


def test_open_graph_twitter_and_hreflang(client):
    story = voa_hero_story()
    soup = page_head(client, story)
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    url = "http://testserver" + story.get_absolute_url("en")
    assert og["og:url"] == url and og["og:type"] == "article"
    assert og["og:title"] == story.title_en
    assert og["og:locale"] == "en_US" and og["og:locale:alternate"] == "km_KH"
    assert og["og:image"].startswith("http://testserver/media/")
    card = soup.find("meta", attrs={"name": "twitter:card"})["content"]
    assert card == "summary_large_image"
    links = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert links == {
        "en": url,
        "km": "http://testserver" + story.get_absolute_url("km"),
    }
    english_only = ArticleFactory(english_only=True)
    soup = page_head(client, english_only)
    links = soup.find_all("link", rel="alternate", hreflang=True)
    assert [link["hreflang"] for link in links] == ["en"]
    assert "workTranslation" not in json_ld(soup)


def test_json_ld_cannot_break_out_of_its_script(client):
    story = ArticleFactory(
        published=True, title_en="</script><script>alert(1)</script> & more"
    )
    response = client.get(story.get_absolute_url("en"))
    assert b"<script>alert(1)" not in response.content
    soup = BeautifulSoup(response.content, "html.parser")
    assert json_ld(soup)["headline"] == story.title_en
