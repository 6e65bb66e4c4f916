"""RSS/Atom, sitemaps and the article page's search and social metadata."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article, PhotoPlacement
from tests.factories import KHMER_TITLE, ArticleFactory, PhotoPlacementFactory
from tests.syndication_support import REUTERS_CREDIT, REUTERS_URL, seed_story
from workflow.corrections import add_correction

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def voa_hero_story(**fields):
    story = ArticleFactory(published=True, **fields)
    PhotoPlacementFactory(article=story, kind=PhotoPlacement.Kind.HERO, position=1)
    return story


# --- RSS and Atom --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/en/rss.xml", "/en/atom.xml"])
def test_feeds_parse_and_carry_stable_ids(client, path):
    seeded = seed_story()
    voa = voa_hero_story()
    ArticleFactory(title_en="A draft nobody may see")
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    if "rss" in path:
        assert parsed.feed.language == "en"
    entries = {entry.id: entry for entry in parsed.entries}
    assert set(entries) == {
        f"urn:newsroom:article:{seeded.pk}:en",
        f"urn:newsroom:article:{voa.pk}:en",
    }
    seed_entry = entries[f"urn:newsroom:article:{seeded.pk}:en"]
    assert seed_entry.title == seeded.title_en
    assert seed_entry.link == "http://testserver" + seeded.get_absolute_url("en")
    assert seed_entry.author == "Sun Narin, Malis Tum, Chun Chanboth"
    # The seed story's hero is Reuters: no enclosure, no trace of it.
    assert not seed_entry.get("enclosures")
    assert REUTERS_URL.encode() not in response.content
    assert REUTERS_CREDIT.encode() not in response.content
    (enclosure,) = entries[f"urn:newsroom:article:{voa.pk}:en"].enclosures
    hero = voa.placements.get().photo
    assert enclosure.href == "http://testserver" + hero.image.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == hero.image.size
    assert b"A draft nobody may see" not in response.content


def test_khmer_rss_lists_only_khmer_versions(client):
    both = ArticleFactory(published=True)
    ArticleFactory(english_only=True)
    parsed = feedparser.parse(client.get("/km/rss.xml").content)
    assert [e.id for e in parsed.entries] == [f"urn:newsroom:article:{both.pk}:km"]
    assert parsed.entries[0].title == KHMER_TITLE
    assert parsed.feed.language == "km"


# --- sitemaps -------------------------------------------------------------------


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


# --- article page metadata ----------------------------------------------------------


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
