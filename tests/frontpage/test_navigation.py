"""Navigation and footer from the content; the language switch on every page."""

import pytest
from bs4 import BeautifulSoup

from articles.models import Section
from tests.factories import ArticleFactory
from tests.factories.frontpage import SeriesFactory, SeriesPartFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def nav(page, selector=".site-nav"):
    return [(a.get_text(), a["href"]) for a in page.select(f"{selector} a")]


def test_the_sections_and_series_editors_choose_in_their_order(client):
    Section.objects.filter(slug_en="video").update(in_navigation=True, position=2)
    Section.objects.filter(slug_en="mainbar").update(in_navigation=True, position=1)
    SeriesFactory(slug="hun-sen-interview", position=3)
    SeriesFactory(slug="hidden", in_navigation=False)
    km = soup(client.get("/km/"))
    assert nav(km) == [
        ("អត្ថបទចម្បង", "/km/mainbar/"),
        ("វីដេអូ", "/km/video/"),
        ("បទសម្ភាសន៍ជាមួយលោក ហ៊ុន សែន", "/km/series/hun-sen-interview/"),
    ]
    # the footer's sections (since issue 11 the footer also links the credits page)
    assert nav(km, ".site-footer nav") == nav(km)
    assert nav(km, ".site-footer__credits") == [("ក្រុមការងារ", "/km/credits/")]
    en = soup(client.get("/en/"))
    assert [label for label, _url in nav(en)] == [
        "Mainbar",
        "Video",
        "The Hun Sen Interview",
    ]


def test_the_switch_lands_on_the_same_story_when_it_is_published(client):
    both = ArticleFactory(published=True)
    english_only = ArticleFactory(english_only=True)
    switch = soup(client.get(both.get_absolute_url("en"))).select_one(
        ".language-switch a"
    )
    assert (switch["href"], switch["lang"], switch.get_text()) == (
        both.get_absolute_url("km"),
        "km",
        "ភាសាខ្មែរ",
    )
    switch = soup(client.get(english_only.get_absolute_url("en"))).select_one(
        ".language-switch a"
    )
    assert switch["href"] == "/km/"


def test_series_page_lists_the_parts_in_order_and_switches_language(client):
    series = SeriesFactory(description_km="នាយករដ្ឋមន្ត្រី ហ៊ុន សែន និយាយជាមួយអ្នកផលិតភាពយន្ត។")
    second = SeriesPartFactory(series=series, position=2).article
    first = SeriesPartFactory(series=series, position=1).article
    page = soup(client.get(series.get_absolute_url("km")))
    assert page.h1.get_text() == "បទសម្ភាសន៍ជាមួយលោក ហ៊ុន សែន"
    assert [a["href"] for a in page.select(".card__title a")] == [
        first.get_absolute_url("km"),
        second.get_absolute_url("km"),
    ]
    assert page.select_one(".language-switch a")["href"] == series.get_absolute_url(
        "en"
    )
    assert client.get("/km/series/none/").status_code == 404


def test_every_link_on_a_khmer_page_is_khmer_unless_it_says_otherwise(client):
    """Text with Latin letters needs a lang= other than km on it or an ancestor."""
    Section.objects.update(in_navigation=True)
    article = ArticleFactory(published=True)
    for url in ("/km/", "/km/feature/", article.get_absolute_url("km")):
        page = soup(client.get(url))
        for link in page.select("body a"):
            text = link.get_text(strip=True)
            if not any("a" <= ch.lower() <= "z" for ch in text):
                continue
            declared = (
                link.find_parent(attrs={"lang": True}) if not link.get("lang") else link
            )
            assert declared["lang"] != "km", (url, text)


def test_a_series_page_costs_the_same_queries_whatever_its_length(
    client, django_assert_num_queries
):
    series = SeriesFactory()
    for parts in (2, 12):
        for position in range(parts):
            SeriesPartFactory(series=series, position=position)
        # the series, count, slice, card photos, navigation (sections, series)
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(7):
            assert client.get(series.get_absolute_url("km")).status_code == 200
