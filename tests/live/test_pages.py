"""A long live story: a bounded first page, older pages, each entry's address."""

import pytest
from bs4 import BeautifulSoup

from live import presentation, services
from tests.factories.live import LiveEntryFactory
from tests.live.support import entries_url, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(presentation, "PAGE_SIZE", 3)
    return 3


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def entry_ids(soup):
    return [int(li["data-id"]) for li in soup.select("li.live-entry")]


def test_the_story_page_shows_pinned_then_newest_and_links_older(
    client, story, small_pages
):
    entries = [LiveEntryFactory(story=story) for _ in range(7)]
    pinned = post(story, body_en="Key facts: 125 seats.", pinned=True)
    soup = soup_of(client.get(story.get_absolute_url("en")))
    assert entry_ids(soup) == [pinned.pk, entries[6].pk, entries[5].pk]
    older = soup.select_one("a[rel=next]")
    assert older["href"] == f"/en/live/{story.pk}/page/2/"
    assert older.get_text(strip=True).startswith("Older entries")


def test_older_pages_follow_in_reading_order_without_javascript(
    client, story, small_pages
):
    entries = [LiveEntryFactory(story=story) for _ in range(7)]
    second = soup_of(client.get(f"/en/live/{story.pk}/page/2/"))
    assert entry_ids(second) == [e.pk for e in reversed(entries[1:4])]
    assert second.select_one("a[rel=prev]")["href"] == story.get_absolute_url("en")
    assert second.select_one("a[rel=next]")["href"] == f"/en/live/{story.pk}/page/3/"
    assert "page 2 of 3" in second.select_one(".live__page").get_text()
    assert second.select_one("script[src$='live/live.js']") is None
    last = soup_of(client.get(f"/en/live/{story.pk}/page/3/"))
    assert entry_ids(last) == [entries[0].pk]
    assert last.select_one("a[rel=next]") is None
    assert client.get(f"/en/live/{story.pk}/page/4/").status_code == 404
    assert client.get(f"/en/live/{story.pk}/page/1/").status_code == 302


def test_khmer_older_page_has_khmer_labels_and_digits(
    client, story, small_pages, khmer_lines
):
    for line in khmer_lines[:4]:
        post(story, body_km=line)
    soup = soup_of(client.get(f"/km/live/{story.pk}/page/2/"))
    assert soup.select_one(".live__page").get_text() == "ព័ត៌មាន ទំព័រទី ២ នៃ ២"
    assert soup.select_one("a[rel=prev]").get_text(strip=True) == "← ព័ត៌មានថ្មីៗជាង"
    assert khmer_lines[0] in soup.select_one(".live-entry__body").get_text()


def test_an_entrys_address_lands_on_the_page_holding_it(client, story, small_pages):
    entries = [LiveEntryFactory(story=story) for _ in range(7)]
    for entry, page in ((entries[6], ""), (entries[3], "2"), (entries[0], "3")):
        where = client.get(f"/en/live/entry/{entry.pk}/")
        base = (
            f"/en/live/{story.pk}/page/{page}/"
            if page
            else story.get_absolute_url("en")
        )
        assert where.status_code == 302
        assert where["Location"] == f"{base}#entry-{entry.pk}"
        assert f'id="entry-{entry.pk}"' in client.get(where["Location"]).text
    # An English-only entry has no Khmer address; nor has a number nobody has.
    english = post(story, body_en="Only in English.")
    assert client.get(f"/km/live/entry/{english.pk}/").status_code == 404
    assert client.get(f"/en/live/entry/{'9' * 30}/").status_code == 404


def test_poll_answers_hold_the_first_page_only(client, story, small_pages):
    entries = [LiveEntryFactory(story=story) for _ in range(5)]
    first = client.get(entries_url(story))
    assert first.json()["order"] == [e.pk for e in reversed(entries[2:])]
    old = entries[0]
    old.body_en = "A correction far down the story."
    services.edit_entry(old)
    answer = client.get(first.json()["next"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert answer.status_code == 200  # the story changed …
    assert answer.json()["entries"] == []  # … but not its first page


@pytest.mark.parametrize("language", ["en", "km"])
def test_page_query_counts_stay_fixed(
    client, story, small_pages, language, django_assert_num_queries
):
    LiveEntryFactory(story=story)
    for more in (6, 20):  # the same counts at 7 and 27 entries
        for _ in range(more):
            LiveEntryFactory(story=story)
        # story, its entries on the page (with total and last change); the
        # navigation's sections and series, as on every page
        # +1 (issue 10): the navigation's links to people, parties, results…
        with django_assert_num_queries(5):
            client.get(f"/{language}/live/{story.pk}/page/2/")
        oldest = story.live_entries.order_by("pk").first()
        # the entry with its story, the number of entries ahead of it
        with django_assert_num_queries(2):
            client.get(f"/{language}/live/entry/{oldest.pk}/")
        client.get(story.get_absolute_url(language))  # warms people's index
        # as test_page.py, no photos (+1 for the navigation's links, issue 10)
        with django_assert_num_queries(13):
            client.get(story.get_absolute_url(language))


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_page_carries_the_endpoints_etag_and_cursor(
    client, story, small_pages, language
):
    for _ in range(5):
        LiveEntryFactory(story=story)
    post(story, body_en="Only in English.")  # not counted on the Khmer page
    soup = soup_of(client.get(story.get_absolute_url(language)))
    section = soup.select_one("#live-entries")
    endpoint = section["data-endpoint"]
    poll = f"{endpoint}?since={section['data-cursor']}"
    first = client.get(poll, HTTP_IF_NONE_MATCH=section["data-etag"])
    assert first.status_code == 304  # the page is up to date: nothing to fetch
    new = post(story, body_en="Kandal counted.", body_km="កណ្តាល")
    answer = client.get(poll, HTTP_IF_NONE_MATCH=section["data-etag"])
    assert [entry["id"] for entry in answer.json()["entries"]] == [new.pk]
