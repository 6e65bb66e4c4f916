"""Each story type has its template, chosen by Article.layout."""

import pytest
from bs4 import BeautifulSoup

from articles.models import Layout
from articles.story_pages import nest_headings
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoPlacementFactory,
)

pytestmark = pytest.mark.django_db


def page_of(client, article, language="en"):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("layout", "css_class"),
    [
        (Layout.POST_CENTERED, "post--centered"),
        (Layout.POST_MAIN, "post--main"),
        (Layout.POST_VIDEO, "post--video"),
        (Layout.BIOGRAPHY, "post--biography"),
        (Layout.PARTY, "post--party"),
        (Layout.QUOTE, "post--quote"),
        (Layout.REFERENCE, "post--reference"),
        (Layout.TIMELINE, "post--timeline"),
        (Layout.DATA, "post--data"),
    ],
)
def test_the_layout_field_chooses_the_template(client, layout, css_class):
    article = ArticleFactory(published=True, layout=layout)
    page = page_of(client, article, "km")
    assert css_class in page.article["class"]
    assert page.article.h1.get_text() == article.title_km


@pytest.mark.parametrize(
    "layout", [Layout.BIOGRAPHY, Layout.PARTY, Layout.QUOTE, Layout.REFERENCE]
)
def test_evergreen_pages_show_no_date(client, layout):
    page = page_of(client, ArticleFactory(published=True, layout=layout))
    assert page.article.find("time") is None


def test_news_stories_keep_their_date(client):
    page = page_of(client, ArticleFactory(published=True, layout=Layout.POST_MAIN))
    assert page.article.select_one(".post__byline time") is not None


def test_a_video_story_shows_the_video_before_the_text(client):
    article = ArticleFactory(
        published=True, layout=Layout.POST_VIDEO, youtube_id="e3JxFw03tco"
    )
    page = page_of(client, article)
    first = page.article.find(["figure", "header"])
    assert first.name == "figure" and "video" in first["class"]
    # A click-to-load facade (no YouTube request before the click), not an iframe.
    assert len(page.select("a.video__facade")) == 1
    assert page.select("iframe") == []


def test_a_biography_has_its_portrait_beside_the_name(client):
    article = ArticleFactory(published=True, layout=Layout.BIOGRAPHY)
    PhotoPlacementFactory(article=article, kind="mugshot", position=1)
    header = page_of(client, article).select_one(".post__header--portrait")
    assert header.select_one(".post__portrait") is not None
    assert header.h1 is not None


def test_a_party_page_has_its_logo_beside_the_text(client):
    article = ArticleFactory(published=True, layout=Layout.PARTY)
    PhotoPlacementFactory(article=article, kind="mugshot", position=1)
    beside = page_of(client, article).select_one(".post__beside")
    assert beside.select_one(".post__logo img") is not None
    assert beside.select_one(".post__body") is not None


def test_bylines_link_to_the_author_pages(client):
    article = ArticleFactory(published=True)
    narin = AuthorFactory(display_name_km="ស៊ុន ណារិន", slug="sun-narin")
    malis = AuthorFactory(display_name_km="ទុំ ម្លិះ", slug="tum-malis")
    BylineFactory(article=article, author=narin, position=1)
    BylineFactory(article=article, author=malis, position=2)
    byline = page_of(client, article, "km").select_one(".post__byline .byline")
    assert byline.get_text() == "ស៊ុន ណារិន និង ទុំ ម្លិះ"
    assert [a["href"] for a in byline.find_all("a")] == [
        "/km/authors/sun-narin/",
        "/km/authors/tum-malis/",
    ]


def test_body_headings_nest_under_the_headline(client):
    article = ArticleFactory(
        published=True,
        body_en="Intro.\n\n### A part\n\nText.\n\n#### A detail\n\nMore.",
    )
    page = page_of(client, article)
    levels = [h.name for h in page.article.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[:3] == ["h1", "h2", "h3"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h3>a</h3><h4 id=x>b</h4>", "<h2>a</h2><h3 id=x>b</h3>"),
        ("<h1>a</h1>", "<h2>a</h2>"),
        ("<h2>a</h2>", "<h2>a</h2>"),
        ('<p class="h3">no heading</p>', '<p class="h3">no heading</p>'),
        ("<h5>a</h5><h6>b</h6>", "<h2>a</h2><h3>b</h3>"),
    ],
)
def test_nest_headings(html, expected):
    assert str(nest_headings(html)) == expected


def test_an_embeds_heading_does_not_pull_the_authored_ones_up():
    rendered = '<h3>Part</h3><aside><h2 class="x">Related videos</h2></aside>'
    assert str(nest_headings(rendered, authored="<h3>Part</h3>")) == (
        '<h2>Part</h2><aside><h2 class="x">Related videos</h2></aside>'
    )


def test_related_videos_block_is_labelled_in_the_pages_language(client):
    body = '[[related-videos tag=development label="Related videos"]]'
    article = ArticleFactory(published=True, body_en=body, body_km=body)
    block = page_of(client, article, "km").select_one(".related-videos")
    assert block.h2.get_text() == "វីដេអូពាក់ព័ន្ធ"
    assert block.a["href"] == "/km/tags/development/"


def test_tags_link_to_tag_pages(client):
    article = ArticleFactory(published=True)
    article.tags.add("development")
    page = page_of(client, article, "km")
    assert page.select_one(".post__tags a")["href"] == "/km/tags/development/"
