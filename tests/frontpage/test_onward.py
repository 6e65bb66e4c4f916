"""Onward links on story pages: next part, related (series > tags > section), videos."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Layout, Section
from tests.factories import ArticleFactory, PhotoPlacementFactory
from tests.factories.frontpage import SeriesFactory, SeriesPartFactory

pytestmark = pytest.mark.django_db


def story(days_ago=1, **kwargs):
    when = timezone.now() - timedelta(days=days_ago)
    return ArticleFactory(
        published=True, published_at_en=when, published_at_km=when, **kwargs
    )


def page_of(client, article, language="en"):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page, selector):
    return [a.get_text() for a in page.select(f"{selector} .card__title a")]


def test_related_stories_rank_series_then_tags_then_section(client):
    other_section = Section.objects.get(slug_en="mainbar")
    article = story(title_en="This one")
    article.tags.add("cement")
    series = SeriesFactory()
    SeriesPartFactory(series=series, article=article, position=1)
    SeriesPartFactory(
        series=series,
        article=story(9, title_en="Same series", section=other_section),
        position=2,
    )
    story(3, title_en="Same tag", section=other_section).tags.add("cement")
    story(2, title_en="Same section")
    story(1, title_en="Unrelated", section=other_section)
    ArticleFactory(title_en="Draft in the series")
    page = page_of(client, article)
    assert titles(page, ".onward--related") == [
        "Same series",
        "Same tag",
        "Same section",
        "Unrelated",  # the newest stories fill up the list
    ]


def test_the_next_part_of_a_series_is_offered(client):
    series = SeriesFactory()
    first = story(3, title_en="Nobody’s Puppet")
    second = story(2, title_en="Part two")
    for position, article in enumerate((first, second), start=1):
        SeriesPartFactory(series=series, article=article, position=position)
    page = page_of(client, first, "km")
    assert page.select_one(".onward--next h2").get_text() == "ភាគបន្ទាប់"
    assert page.select_one(".onward__part").get_text() == "ភាគទី ២"
    link = page.select_one(".onward--next .card__title a")
    assert link["href"] == second.get_absolute_url("km")
    assert page_of(client, second).select_one(".onward--next") is None


def test_video_stories_offer_more_videos(client):
    video = story(layout=Layout.POST_VIDEO, youtube_id="e3JxFw03tco")
    other = story(
        2,
        layout=Layout.POST_VIDEO,
        title_en="Another video",
        section=Section.objects.get(slug_en="video"),
    )
    page = page_of(client, video, "km")
    assert page.select_one(".onward--videos h2").get_text() == "វីដេអូផ្សេងទៀត"
    assert [a["href"] for a in page.select(".onward--videos .card__title a")] == [
        other.get_absolute_url("km")
    ]


@pytest.mark.parametrize("layout", [Layout.POST_CENTERED, Layout.POST_VIDEO])
def test_onward_links_cost_fixed_queries_whatever_the_number_of_stories(
    client, layout, warm_renditions
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for extra in (1, 8):
        article = story(layout=layout)
        article.tags.add("cement", "development")
        series = SeriesFactory()
        SeriesPartFactory(series=series, article=article, position=1)
        for n in range(extra):
            related = story(n + 2, layout=layout)
            related.tags.add("cement")
            SeriesPartFactory(series=series, article=related, position=n + 2)
            PhotoPlacementFactory(article=related, kind="hero", position=1)
        warm_renditions()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url("en")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_share_links_are_plain_links_and_the_copy_script_is_a_static_file(client):
    article = story(title_en="Cambodia Adrift")
    page = page_of(client, article, "km")
    links = {a["class"][1]: a for a in page.select(".share a")}
    assert set(links) == {
        "share__link--facebook",
        "share__link--x",
        "share__link--telegram",
        "share__link--line",
        "share__link--email",
        "share__link--copy",
    }
    assert links["share__link--facebook"]["lang"] == "en"
    assert links["share__link--email"].get_text() == "អ៊ីមែល"
    assert links["share__link--copy"].get_text() == "ចម្លងតំណ"
    assert links["share__link--copy"]["href"].endswith(article.get_absolute_url("km"))
    # JSON-LD is data; every script that runs is a file of the site's own.
    scripts = [
        s for s in page.find_all("script") if s.get("type") != "application/ld+json"
    ]
    sources = [s["src"] for s in scripts]  # never inline (no src would KeyError)
    assert "/static/frontpage/share.js" in sources
    assert all(src.startswith("/static/") for src in sources)
    assert not any(s.string for s in scripts)


@pytest.mark.parametrize("path", ["/km/", "/km/feature/", None])
def test_front_section_and_story_pages_announce_the_languages_feeds(client, path):
    article = story()
    response = client.get(path or article.get_absolute_url("km"))
    page = BeautifulSoup(response.content, "html.parser")
    feeds = {
        link["type"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if link.get("type")
    }
    assert feeds["application/feed+json"] == "/km/feed.json"
    assert feeds["application/rss+xml"] == "/km/rss.xml"
    assert feeds["application/atom+xml"] == "/km/atom.xml"
