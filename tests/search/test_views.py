"""The reader search page: /<lang>/search/?q=…"""

import html5lib
import pytest
from bs4 import BeautifulSoup

from search.labels import LABELS
from search.query import MAX_QUERY_CHARS
from search.views import PAGE_SIZE
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory

pytestmark = pytest.mark.django_db


def get(client, language, query="", **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [h.get_text() for h in soup(response).select(".search__result h2")]


@pytest.mark.parametrize("language", ["en", "km"])
def test_results_page_is_valid_html_with_a_labelled_search_landmark(
    client, stories, language
):
    response = get(client, language, "ទន្លេសាប" if language == "km" else "tonle")
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True).parse(response.content)
    page = soup(response)
    for form in page.select('form[role="search"]'):
        assert form["aria-label"]
        field = form.select_one('input[name="q"]')
        assert page.select_one(f'label[for="{field["id"]}"]').get_text().strip()
    assert len(page.select('form[role="search"]')) == 2  # header box and page


def test_khmer_page_labels_are_khmer(client, stories):
    page = soup(get(client, "km", "ទន្លេសាប"))
    labels = LABELS["km"]
    assert (
        page.select_one("#site-search-q").find_previous("label").get_text()
        == (labels["query"])
    )
    assert page.select_one("legend").get_text() == labels["filters"]
    assert page.select_one(".search__count").get_text() == "រកឃើញអត្ថបទចំនួន ៤"
    english = set(LABELS["en"].values())
    assert not {t.strip() for t in page.find_all(string=True)} & english


def test_results_are_ranked_and_the_words_marked(client, stories):
    response = get(client, "en", "tonle sap")
    assert titles(response) == ["Tonle Sap", "Story b", "Story c", "Story d"]
    marks = [m.get_text() for m in soup(response).select(".search__snippet mark")]
    assert marks[:2] == ["Tonle", "Sap"]


def test_khmer_search_ignores_spelling_and_zero_width_spaces(client, stories):
    response = get(client, "km", "មន្ត្រីរាជការ")
    assert titles(response) == [
        stories["seed"].title_km.replace("\u200b", "").replace("មន្រ្តី", "មន្ត្រី")
    ]
    assert soup(response).select_one(".search__result h2 mark").get_text() == (
        "មន្ត្រីរាជការ"
    )


def test_readers_see_only_their_language_and_public_stories(client, stories):
    assert titles(get(client, "en", "rescue")) == ["Cambodia National Rescue Party"]
    assert titles(get(client, "km", "civil")) == []
    assert "draft" not in " ".join(titles(get(client, "en", "civil servants")))


def test_filters_by_section_year_and_author(client, stories):
    author = AuthorFactory(slug="narin")
    BylineFactory(article=stories["b"], author=author)
    year = stories["c"].published_at_en.year
    assert titles(get(client, "en", "tonle", author="narin")) == ["Story b"]
    assert len(titles(get(client, "en", "tonle", year=year, section="feature"))) == 4
    options = soup(get(client, "en", "tonle")).select("#id_year option")
    assert [o["value"] for o in options] == ["", str(year)]
    for bad in [{"year": "abc"}, {"section": "nope"}, {"author": "\x00"}]:
        response = get(client, "en", "tonle", **bad)
        assert response.status_code == 400
        assert "is not one we have stories for" in response.content.decode()


def test_pagination_links_next_and_previous(client):
    articles = ArticleFactory.create_batch(PAGE_SIZE + 2, published=True)
    from search.indexing import reindex

    reindex([a.pk for a in articles])
    first = soup(get(client, "en", "paragraph"))
    assert len(first.select(".search__result")) == PAGE_SIZE
    assert first.select_one('head link[rel="next"]')["href"].endswith("page=2")
    assert first.select_one('head link[rel="prev"]') is None
    second = soup(get(client, "en", "paragraph", page=2))
    assert len(second.select(".search__result")) == 2
    assert second.select_one('nav a[rel="prev"]')["href"].endswith("page=1")
    assert get(client, "en", "paragraph", page="x").status_code == 200


def test_no_results_page_shows_spellings_tried_and_latest_stories(client, stories):
    page = soup(get(client, "km", "មន្រ្តី ទន្លេសាប"))
    assert LABELS["km"]["no_results"].split("«")[0] in page.get_text()
    assert "មន្ត្រី" in [li.get_text() for li in page.select(".search__spellings li")]
    assert page.select(".search__none ul li a")
    english = soup(get(client, "en", "មន្ត្រី"))
    assert english.select_one('.search__none a[hreflang="km"]')["href"].startswith(
        "/km/search/?q="
    )


@pytest.mark.parametrize(
    "query",
    [
        'AND OR NOT "',
        '"unbalanced',
        "\x00 NUL",
        "\u0301",
        "ា",
        "Hun Sen ហ៊ុន សែន 2018",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x" * 10_000,
        "មន្ត្រី " * 2000,
    ],
)
def test_odd_input_gets_a_page_never_a_server_error(client, stories, query):
    response = get(client, "en", query)
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True).parse(response.content)
    assert b"<script>alert" not in response.content


def test_long_queries_are_cut_with_a_message(client, stories):
    text = soup(get(client, "en", "tonle " * 2000)).get_text()
    assert f"Only the first {MAX_QUERY_CHARS} characters" in text


def test_empty_and_wordless_queries_say_what_to_do(client, stories):
    assert LABELS["en"]["empty"] in soup(get(client, "en", "")).get_text()
    assert "has no words to search for" in soup(get(client, "en", "?!")).get_text()


def test_a_fixed_number_of_queries_whatever_the_results(
    client, stories, django_assert_num_queries
):
    # filter lists (3), count, people and parties matching (none here), the
    # page's hits, their documents, their stories, the navigation (sections,
    # series)
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(11):
        assert len(titles(get(client, "en", "tonle"))) == 4
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(11):
        assert len(titles(get(client, "en", "rescue"))) == 1
    # no results: filter lists, count, people and parties, latest stories, the
    # navigation (2)
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(9):
        get(client, "en", "nothingmatches")


def test_every_page_has_the_search_box(client, stories):
    page = soup(client.get(stories["seed"].get_absolute_url("km")))
    box = page.select_one('header form[role="search"]')
    assert box["action"] == "/km/search/"
    assert box["aria-label"] == LABELS["km"]["box"]
