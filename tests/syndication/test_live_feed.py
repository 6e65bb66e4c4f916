"""A live story in the partner feed: date_modified follows entries, which are
in `_newsroom.live_entries` (partners only), rights kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Layout
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory
from tests.factories.live import LiveEntryFactory
from tests.live.support import khmer_paragraphs, post
from tests.syndication_support import bearer, get_feed, set_times

pytestmark = pytest.mark.django_db


@pytest.fixture
def khmer_lines(voa_fixtures):
    return khmer_paragraphs(voa_fixtures)


@pytest.fixture
def story():
    return ArticleFactory(layout=Layout.LIVE, published=True, slug="election-night")


def live_item(data, story):
    (item,) = [i for i in data["items"] if i["id"].endswith(f":{story.pk}:en")]
    return item


def test_partners_get_the_entries_in_reading_order(client, key, story):
    old = post(
        story,
        body_en="Polls opened.",
        author=AuthorFactory(display_name_en="Sun Narin"),
    )
    pinned = post(story, body_en="Key facts: 125 seats.", pinned=True)
    new = post(story, body_en="See [the results](/en/results/).")
    entries = live_item(get_feed(client, key=key), story)["_newsroom"]["live_entries"]
    assert [e["id"] for e in entries] == [pinned.pk, new.pk, old.pk]
    assert entries[0]["pinned"] is True
    assert entries[1]["url"].endswith(f"/en/feature/election-night/#entry-{new.pk}")
    assert 'href="http://' in entries[1]["html"]  # addresses made absolute
    assert entries[2]["author"] == "Sun Narin"
    assert "author" not in entries[1]  # none given


def test_date_modified_moves_with_each_entry(
    client, key, story, django_capture_on_commit_callbacks
):
    set_times(story, updated_at=story.published_at_en)
    before = live_item(get_feed(client, key=key), story)["date_modified"]
    with django_capture_on_commit_callbacks(execute=True):
        post(story, body_en="Counting has started.")
    after = live_item(get_feed(client, key=key), story)
    assert after["date_modified"] > before
    since = get_feed(client, key=key, since=before)
    assert [i["id"] for i in since["items"]] == [after["id"]]


def test_the_public_feed_carries_no_entries(client, story):
    LiveEntryFactory(story=story)
    assert "_newsroom" not in live_item(get_feed(client), story)


def test_other_stories_have_no_live_entries_key(client, key):
    ArticleFactory(published=True)
    (item,) = get_feed(client, key=key)["items"]
    assert "live_entries" not in item["_newsroom"]


def test_withheld_photos_never_reach_partners(client, key, story):
    agency = PhotoFactory(source="Reuters", credit="Samrang Pring | Reuters")
    LiveEntryFactory(story=story, photo=agency, body_en="![x](/media/a.jpg) Crowds.")
    voa = LiveEntryFactory(story=story, photo=PhotoFactory(source="VOA Khmer"))
    entries = live_item(get_feed(client, key=key), story)["_newsroom"]["live_entries"]
    by_id = {e["id"]: e for e in entries}
    withheld = next(e for e in entries if e["id"] != voa.pk)
    assert "photo" not in withheld
    assert "<img" not in withheld["html"]
    assert agency.image.name not in str(entries)
    assert by_id[voa.pk]["photo"]["rights"] == "may_syndicate"


def test_khmer_feed_has_the_khmer_entries_only(client, key, story, khmer_lines):
    both = post(story, body_en="Polls closed.", body_km=khmer_lines[0])
    post(story, body_en="English only.")
    data = get_feed(client, "/km/feed.json", key=key)
    (item,) = [i for i in data["items"] if i["id"].endswith(f":{story.pk}:km")]
    entries = item["_newsroom"]["live_entries"]
    assert [e["id"] for e in entries] == [both.pk]
    assert khmer_lines[0] in entries[0]["html"]


def test_entries_cost_one_query_whatever_their_number(client, key, story):
    ArticleFactory(published=True)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/feed.json", **bearer(key))
        assert response.status_code == 200
        return len(queries)

    LiveEntryFactory(story=story)
    client.get("/en/feed.json", **bearer(key))  # notes the key's first use
    few = count()
    for _ in range(10):
        LiveEntryFactory(story=story)
    assert count() == few
    # stories, bylines, placements, pullquotes, tags, corrections (no photo
    # placed: no renditions), key lookup, partner sections, the live entries,
    # the page's rows (keys and times only: syndication/pagination.py)
    assert few == 6 + 2 + 1 + 1
