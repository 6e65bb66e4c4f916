"""articles/languages.py: the one registry of languages, names and fallbacks.

The page, the feeds, the sitemap and the staff screens all ask it, so one
setting changes every one of them and a missing language falls back the same
way everywhere.
"""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from articles import languages
from articles.models import Article, Author, Section, Status
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory
from workflow.revisions import field_label

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def khmer_page(client, story):
    response = client.get(story.get_absolute_url("km"))
    return BeautifulSoup(response.content, "html.parser")


def test_without_fallback_an_empty_khmer_value_stays_empty():
    author = Author(display_name_en="Sun Narin", display_name_km="")
    assert languages.localized(author, "display_name", "km") == ""


def test_fallback_shows_the_default_language_when_one_is_empty():
    author = Author(display_name_en="Sun Narin", display_name_km="")
    assert languages.localized(author, "display_name", "km", fallback=True) == (
        "Sun Narin"
    )
    author.display_name_km = "ស៊ុន ណារិន"
    assert languages.localized(author, "display_name", "km", fallback=True) == (
        "ស៊ុន ណារិន"
    )
    # English falls back to nothing else: the default language is the last word.
    author.display_name_en = ""
    assert languages.localized(author, "display_name", "en", fallback=True) == ""


def test_a_fallback_sequence_takes_the_first_filled_language():
    khmer_only = Article(title_en="", title_km="ចំណងជើង", slug="khmer-only")
    assert str(khmer_only) == "ចំណងជើង"
    untitled = Article(title_en="", title_km="", slug="untitled")
    assert str(untitled) == "untitled"


def test_a_section_address_falls_back_to_its_english_slug():
    section = Section(name_en="Feature", slug_en="feature", slug_km="")
    assert section.url_slug("km") == "feature"
    section.slug_km = "អត្ថបទ"
    assert section.url_slug("km") == "អត្ថបទ"


def test_fallback_order_is_the_language_then_the_default():
    assert languages.DEFAULT_LANGUAGE == "en"
    assert languages.fallback_order("km") == ("km", "en")
    assert languages.fallback_order("en") == ("en",)


def test_per_language_settings_fall_back_to_the_default_language(settings):
    settings.NEWSROOM = {
        **settings.NEWSROOM,
        "OUTLET_NAME": {"en": "Test Outlet"},
        "SITE_TITLE": {"en": "Test Title", "km": "ចំណងជើងសាកល្បង"},
    }
    assert languages.outlet_name("km") == "Test Outlet"
    assert languages.outlet_name("fr") == "Test Outlet"
    assert languages.site_title("km") == "ចំណងជើងសាកល្បង"
    assert languages.site_title("fr") == "Test Title"


def test_a_setting_missing_even_the_default_language_says_so(settings):
    settings.NEWSROOM = {**settings.NEWSROOM, "OUTLET_NAME": {"km": "VOA ខ្មែរ"}}
    with pytest.raises(KeyError, match="'fr'"):
        languages.outlet_name("fr")


def test_language_labels_come_from_settings():
    assert languages.language_label("km", "en") == "Khmer"
    assert languages.language_label("en", "km") == "ភាសាអង់គ្លេស"
    assert languages.language_label("km", "km") == "ភាសាខ្មែរ"
    # An unknown reader's language reads the default language's labels.
    assert languages.language_label("km", "fr") == "Khmer"


def test_staff_names_of_languages():
    assert languages.LANGUAGE_NAMES == {"en": "English", "km": "Khmer"}
    assert languages.language_name("km") == "Khmer"
    assert languages.language_name("fr") == "fr"
    assert field_label("title_km") == "Title (Khmer)"


@pytest.mark.django_db
def test_publication_errors_name_the_language():
    story = ArticleFactory(status_km=Status.PUBLISHED, body_km="")
    with pytest.raises(ValidationError) as refused:
        story.clean()
    assert refused.value.message_dict["body_km"] == [
        "The Khmer body is empty, so the Khmer version cannot be published."
    ]
    story.title_en = story.title_km = ""
    story.status_km = Status.DRAFT
    with pytest.raises(ValidationError) as refused:
        story.clean()
    assert "title_en" in refused.value.message_dict


def test_current_language_defaults_outside_a_request():
    with translation.override(None):
        assert languages.current_language() == "en"
    with translation.override("km"):
        assert languages.current_language() == "km"


@pytest.mark.django_db
def test_every_page_and_feed_names_the_outlet_from_one_setting(client, settings):
    """A Khmer outlet name left unset reads as the English one on every surface."""
    settings.NEWSROOM = {**settings.NEWSROOM, "OUTLET_NAME": {"en": "Test Outlet"}}
    story = ArticleFactory(published=True)
    page = khmer_page(client, story)
    assert page.select_one(".post__byline .outlet").get_text() == "Test Outlet"
    assert page.select_one(".site-header__outlet").get_text() == "Test Outlet"
    rss = feedparser.parse(client.get("/km/rss.xml").content)
    assert rss.feed.description == "Test Outlet"
    assert client.get("/km/feed.json").json()["description"] == "Test Outlet"
    news = ET.fromstring(client.get("/sitemap-news.xml").content)  # noqa: S314
    names = {n.text for n in news.iter(f"{NEWS}name")}
    assert names == {"Test Outlet"}


@pytest.mark.django_db
def test_an_author_without_a_khmer_name_is_credited_in_english_everywhere(client):
    story = ArticleFactory(published=True)
    BylineFactory(article=story, author=AuthorFactory(display_name_km=""))
    english = story.bylines.get().author.display_name_en
    page = khmer_page(client, story)
    assert english in page.select_one(".post__byline .byline").get_text()
    rss = feedparser.parse(client.get("/km/rss.xml").content)
    assert rss.entries[0].author == english
    item = client.get("/km/feed.json").json()["items"][0]
    assert [a["name"] for a in item["authors"]] == [english]
