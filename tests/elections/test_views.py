"""The results pages: both languages, fixed queries, ETags, last updated."""

from datetime import datetime

import html5lib
import pytest
from bs4 import BeautifulSoup

from elections import services
from elections.models import Province, ResultChange
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("language", ["en", "km"])
def test_election_page_is_valid_html_with_chart_table_and_map(
    client, small_election, language
):
    response = client.get(f"/{language}/results/2018/")
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True).parse(response.content)
    page = soup(response)
    assert page.html["lang"] == language
    national = page.select(".results-table--national tbody tr")
    assert [row.find_all("td")[0].get_text() for row in national] == (
        ["10", "7"] if language == "en" else ["១០", "៧"]
    )
    # The chart names each party in text, not by colour alone.
    assert [t.get_text() for t in page.select(".seat-chart__party")] == ["CPP", "CNRP"]
    # The map is the provinces' outlines now (it was the tile grid, which stays
    # as the fallback without elections/data/province_outlines.json).
    areas = page.select(".outline-map__svg a")
    assert {a.find("title").get_text() for a in areas} == (
        {"Kampot: CPP", "Kandal: CPP"}
        if language == "en"
        else {"កំពត: CPP", "កណ្តាល: CPP"}
    )
    assert all(a.find("path")["d"].startswith("M") for a in areas)
    # Not by colour alone: both are large enough to carry the abbreviation.
    assert [t.get_text() for t in page.select(".outline-map__leader")] == ["CPP"] * 2
    assert "ODbL" in page.select_one(".outline-map__source").get_text()


def test_khmer_page_labels_are_khmer(client, small_election):
    page = soup(client.get("/km/results/2018/"))
    headings = [h.get_text() for h in page.select("h2")]
    assert headings == [
        "អាសនៈឈ្នះទូទាំងប្រទេស",
        "ខេត្តតាមគណបក្សដែលឈ្នះអាសនៈច្រើនជាងគេ",
        "លទ្ធផលតាមខេត្ត",
    ]
    header_cells = [th.get_text() for th in page.select("thead th")]
    assert all(not any("a" <= ch.lower() <= "z" for ch in c) for c in header_cells)
    assert page.select_one("h1").get_text() == "ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រឆ្នាំ២០១៨"


def test_last_updated_follows_the_latest_change(client, small_election, two_parties):
    kampot = Province.objects.get(slug="kampot")
    assert soup(client.get("/en/results/2018/")).select_one(".results__updated") is None
    services.set_result(small_election, kampot, two_parties[0], source="admin", seats=5)
    updated = soup(client.get("/en/results/2018/")).select_one(".results__updated")
    assert updated.get_text().startswith("Last updated: ")
    # A machine-readable moment, as the HTML checker requires of <time>.
    change = ResultChange.objects.latest("pk")
    shown = datetime.fromisoformat(updated.time["datetime"])
    assert shown == change.changed_at.replace(microsecond=0)


@pytest.mark.parametrize("language", ["en", "km"])
def test_election_page_query_count_is_fixed(
    client, small_election, two_parties, django_assert_num_queries, language
):
    # elections nav, national totals, provinces + their results + turnouts,
    # last updated; the site's navigation (sections, series)
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(9):
        client.get(f"/{language}/results/2018/")
    for n in range(5):
        province = Province.objects.create(slug=f"p-{n}", name_en=f"P {n}")
        services.set_result(
            small_election, province, two_parties[1], source="admin", seats=1
        )
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(9):
        client.get(f"/{language}/results/")


def test_etag_answers_304_and_changes_with_the_results(
    client, small_election, two_parties
):
    first = client.get("/en/results/2018/")
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get("/en/results/2018/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    kampot = Province.objects.get(slug="kampot")
    services.set_result(small_election, kampot, two_parties[1], source="admin", seats=3)
    changed = client.get("/en/results/2018/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_cached_page_follows_a_result_change(
    client, settings, small_election, two_parties, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/en/results/2018/")
    kampot = Province.objects.get(slug="kampot")
    with django_capture_on_commit_callbacks(execute=True):  # as a real commit
        services.set_result(
            small_election, kampot, two_parties[1], source="admin", seats=9
        )
    page = soup(client.get("/en/results/2018/"))
    rows = page.select(".results-table--national tbody tr")
    assert [r.find_all("td")[0].get_text() for r in rows] == ["14", "10"]


def test_unknown_addresses_are_plain_404s(client, small_election):
    assert client.get("/en/results/1066/").status_code == 404
    assert client.get("/km/results/provinces/atlantis/").status_code == 404


def test_no_results_yet_is_a_404_index(client, db):
    assert client.get("/en/results/").status_code == 404


@pytest.mark.parametrize("language", ["en", "km"])
def test_province_page_has_history_figures_and_stories(
    client, imported, django_assert_num_queries, language
):
    story = ArticleFactory(published=True, location_name="Kampot")
    pinned = ArticleFactory(published=True, map_pin_km="ឃុំ​ទូកមាស​ខាង​លិច ខេត្តកំពត")
    ArticleFactory(published=True, location_name="Phnom Penh")
    ArticleFactory(location_name="Kampot")  # a draft
    # province, history, stories, last updated; the navigation (2)
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(7):
        response = client.get(f"/{language}/results/provinces/kampot/")
    html5lib.HTMLParser(strict=True).parse(response.content)
    page = soup(response)
    assert page.h1.get_text() == ("Kampot" if language == "en" else "កំពត")
    years = [th.get_text() for th in page.select("tbody th[scope=rowgroup]")]
    assert len(years) == 4 and ("2013" in years[0] or "២០១៣" in years[0])
    linked = {a["href"] for a in page.select(".results__stories a")}
    # The Khmer pin names Kampot: the story is about it in either language.
    expected = {story.get_absolute_url(language), pinned.get_absolute_url(language)}
    assert linked == expected
    assert "611,557" in page.select_one(".by-the-numbers").get_text() or (
        "៦១១,៥៥៧" in page.select_one(".by-the-numbers").get_text()
    )
