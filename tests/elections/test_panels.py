"""The "by the numbers" table on stories about a province and on the data map."""

import pytest
from bs4 import BeautifulSoup

from elections.panels import by_the_numbers
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def panel_of(client, article, language):
    page = BeautifulSoup(
        client.get(article.get_absolute_url(language)).content.decode(), "html.parser"
    )
    return page.select_one(".by-the-numbers")


def test_a_story_in_a_province_shows_its_figures_in_both_languages(client, imported):
    story = ArticleFactory(published=True, location_name="Kampong Cham")
    english = panel_of(client, story, "en")
    assert english.h2.get_text(" ", strip=True) == "By the numbers: Kampong Cham"
    rows = {th.get_text(): td.get_text() for th, td in zip(
        english.select("th"), english.select("td"), strict=True
    )}  # fmt: skip
    assert rows["Population"] == "1,757,223"
    khmer = panel_of(client, story, "km")
    assert khmer.h2.get_text(" ", strip=True) == "តាមតួលេខ: កំពង់ចាម"
    assert "១,៧៥៧,២២៣" in khmer.get_text()


def test_the_khmer_location_of_the_archive_finds_its_province(imported):
    # The sample's Khmer location line, as the archive spells it.
    story = ArticleFactory(published=True, location_name="ឃុំទូូកមាសខាងលិច ខេត្តកំពត")
    assert by_the_numbers(story, "km")["province"].slug == "kampot"


def test_the_longest_province_name_wins(imported):
    story = ArticleFactory(published=True, map_pin_en="Near Kampong Chhnang town")
    assert by_the_numbers(story, "en")["province"].slug == "kampong-chhnang"


def test_stories_elsewhere_show_nothing(client, imported):
    story = ArticleFactory(published=True, location_name="Bangkok")
    assert "rows" not in by_the_numbers(story, "en")
    assert panel_of(client, story, "en") is None


def test_the_data_map_story_lists_every_province_with_figures(client, imported):
    story = ArticleFactory(
        published=True, slug="data-map-cambodias-urban-rural-divide-defines-issues"
    )
    panel = panel_of(client, story, "km")
    names = [a.get_text() for a in panel.select("tbody th a")]
    assert len(names) == 24 and "ភ្នំពេញ" in names  # Tboung Khmum has no figures


def test_every_story_page_costs_the_same_with_the_panel(
    client, imported, django_assert_num_queries
):
    elsewhere = ArticleFactory(published=True, location_name="")
    in_kampot = ArticleFactory(published=True, location_name="Kampot")
    in_kep = ArticleFactory(published=True, location_name="Kep", map_pin_km="កែប")
    client.get(elsewhere.get_absolute_url("en"))  # fills the auto-link index
    for story in (elsewhere, in_kampot, in_kep):
        # a story page without photos (6), onward links (related stories,
        # series parts, their photos), the navigation (sections, series) + the
        # provinces
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(13):
            client.get(story.get_absolute_url("en"))
