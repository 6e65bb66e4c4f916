"""A language version's own video, hero photo and place, from its own post."""

import shutil

import pytest
from bs4 import BeautifulSoup

from articles.importers.jekyll import import_site
from articles.models import Article, ImportedImage

pytestmark = [pytest.mark.django_db, pytest.mark.fixtures_voa]
CEMENT_KM = "khmer/_posts/2018-06-28-cement-manufacturing-carves-up-rural-cambodia.md"


def page(client, article, language):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def video_src(soup):
    # The player is a click-to-load facade; its embed address is data-embed.
    return soup.select_one("article a.video__facade")["data-embed"].split("?")[0]


def test_khmer_story_shows_its_own_video(client, voa_fixtures):
    assert import_site(voa_fixtures).ok
    story = Article.objects.get(slug="sok-eysan-cpp-spokesman")
    assert (story.youtube_id_en, story.youtube_id_km) == ("niLf-DXIBt0", "u1uYkdS39JI")
    assert video_src(page(client, story, "en")).endswith("/niLf-DXIBt0")
    assert video_src(page(client, story, "km")).endswith("/u1uYkdS39JI")
    # each post's own place, stored in its language
    assert (story.location_name_en, story.location_name_km) == ("Phnom Penh",) * 2
    assert str(story.latitude_km) == "11.556374"


@pytest.fixture
def site_with_khmer_hero(tmp_path, voa_fixtures):
    """The sample, with the Khmer cement story given its own hero and map pin."""
    site = tmp_path / "voa"
    shutil.copytree(voa_fixtures, site)
    post = site / CEMENT_KM
    text = post.read_text("utf-8")
    text = text.replace(
        "image: /img/feature__tutong__stone-cutter--1280.jpg",
        "image: /img/feature__tutong__backhoe--1280.jpg",
    ).replace("coordinates: 10.695955, 104.517959", "coordinates: 10.6, 104.2")
    post.write_text(text, "utf-8")
    return site


def test_khmer_hero_and_pin_are_its_own(
    client, site_with_khmer_hero, django_assert_num_queries, warm_renditions
):
    report = import_site(site_with_khmer_hero)
    assert report.ok, report.failures
    assert not any("differs" in warning for warning in report.warnings)
    story = Article.objects.get(slug="cement-manufacturing-carves-up-rural-cambodia")
    heroes = {p.language: p.photo_id for p in story.placements.filter(kind="hero")}
    photos = {i.key.split("__")[-1]: i.photo_id for i in ImportedImage.objects.all()}
    assert heroes == {
        "": photos["stone-cutter--1280.jpg"],
        "km": photos["backhoe--1280.jpg"],
    }
    assert story.place_in("km")[1:] == (story.latitude_km, story.longitude_km)
    assert str(story.latitude_km) == "10.600000"
    assert str(story.place_in("en")[1]) == "10.695955"
    warm_renditions()
    for language in ("en", "km"):
        page(client, story, language)  # sections are cached from then on
    pages = {}
    for language in ("en", "km"):
        # story, bylines, placements, renditions, pullquotes, tags, corrections;
        # onward links (related stories, series parts, their photos and those
        # photos' renditions), the navigation (sections, series), provinces
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(15):
            pages[language] = page(client, story, language)
    en_hero = pages["en"].select_one("figure.post__hero img")
    km_hero = pages["km"].select_one("figure.post__hero img")
    assert en_hero["src"] != km_hero["src"]
    assert "10.6000" in pages["km"].get_text().replace("១០.៦០០០", "10.6000")
