"""Feed items are built once per story revision, and never served stale."""

from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.events import EDITED, announce, story_changed
from articles.page_cache import bump_content_version
from articles.states import change_state
from media_assets.services import photo_changed
from syndication import pagination
from syndication.jsonfeed import ArticleJSONFeed
from tests.factories import KHMER_TITLE, ArticleFactory
from tests.syndication_support import get_feed, voa_hero_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept(settings):
    settings.PAGE_DATA_SECONDS = 300


def queries_for(client, key, **params):
    with CaptureQueriesContext(connection) as queries:
        data = get_feed(client, key=key, **params)
    return data, len(queries)


def test_a_page_asked_for_again_is_not_built_again(client, key):
    for _ in range(3):
        ArticleFactory(published=True)
    first, _cold = queries_for(client, key)
    again, warm = queries_for(client, key)
    assert again == first
    assert warm == 2  # the key and the partner's sections


def test_items_built_before_are_not_read_again(client, key):
    for _ in range(3):
        ArticleFactory(published=True)
    whole = get_feed(client, key=key, limit="3")["items"]
    page, count = queries_for(client, key, limit="2")
    assert page["items"] == whole[:2]
    assert count == 2 + 1  # key, sections; the page's keys, no story read


def test_a_sync_page_asked_for_again_is_not_built_again(client, key):
    ArticleFactory(published=True)
    since = "2000-01-01T00:00:00Z"
    first, _cold = queries_for(client, key, since=since)
    again, warm = queries_for(client, key, since=since)
    assert again == first
    assert warm == 2  # the key and the partner's sections


def test_a_tombstone_written_after_the_version_moved_shows_at_once(
    client, key, django_capture_on_commit_callbacks
):
    """The page cache's receiver moves the version before the tombstone is
    written: a sync page kept in that moment must not outlive the write."""
    story = ArticleFactory(published=True)
    since = "2000-01-01T00:00:00Z"
    with django_capture_on_commit_callbacks() as announced:
        change_state(story, "en", "withdrawn")
    delivery = announced[0]
    with monkeypatch_receivers(only="articles.page_cache"):
        delivery()  # the version moves on; no tombstone yet
    between = get_feed(client, key=key, since=since)["items"]
    assert [item["id"] for item in between] == []
    with monkeypatch_receivers(only="synd-tombstone"):
        delivery()
    after = get_feed(client, key=key, since=since)["items"]
    assert [item["_newsroom"]["status"] for item in after] == ["withdrawn"]


@contextmanager
def monkeypatch_receivers(only):
    """story_changed delivered to one receiver (by dispatch_uid) alone."""
    saved = story_changed.receivers
    story_changed.receivers = [r for r in saved if r[0][0] == only]
    story_changed.sender_receivers_cache.clear()
    assert story_changed.receivers, only
    try:
        yield
    finally:
        story_changed.receivers = saved
        story_changed.sender_receivers_cache.clear()


def test_an_announced_edit_shows_at_once(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True, title_km="ចំណងជើងចាស់")
    before = get_feed(client, path="/km/feed.json", key=key)["items"][0]
    with django_capture_on_commit_callbacks(execute=True):
        story.title_km = KHMER_TITLE
        story.save()
        announce(story, EDITED)
    after = get_feed(client, path="/km/feed.json", key=key)["items"][0]
    assert after["title"] == KHMER_TITLE
    assert after["_newsroom"]["revision"] != before["_newsroom"]["revision"]


def test_a_photo_withheld_later_leaves_the_kept_item(
    client, key, django_capture_on_commit_callbacks
):
    story = voa_hero_story()
    photo = story.placements.get(kind="hero").photo
    assert get_feed(client, key=key)["items"][0]["_newsroom"]["photos"]
    with django_capture_on_commit_callbacks(execute=True):
        type(photo).objects.filter(pk=photo.pk).update(syndicatable=False)
        photo_changed(photo, {"source"})  # as the photo desk's save announces
    item = get_feed(client, key=key)["items"][0]
    assert item["_newsroom"]["photos"] == []
    assert "image" not in item


def test_withdrawn_story_leaves_the_feed_at_once(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    assert len(get_feed(client, key=key)["items"]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", "draft")
    assert get_feed(client, key=key)["items"] == []


def test_deep_cursor_page_runs_the_queries_of_the_first(client, key, settings):
    settings.PAGE_DATA_SECONDS = 0  # every page built: compare the work
    stories = [ArticleFactory(published=True) for _ in range(30)]
    get_feed(client, key=key)  # notes the key's first use
    _first, first_count = queries_for(client, key, limit="5")
    cursor = pagination.encode(pagination.latest_position(stories[5], "en"))
    page, deep_count = queries_for(client, key, limit="5", cursor=cursor)
    assert deep_count == first_count
    assert [item["id"] for item in page["items"]] == [
        f"urn:newsroom:article:{story.pk}:en" for story in stories[4::-1]
    ]


def test_public_and_partner_items_are_kept_apart(client, key):
    ArticleFactory(published=True)
    public = get_feed(client)["items"][0]
    partner = get_feed(client, key=key)["items"][0]
    assert "content_html" in partner and "_newsroom" in partner
    assert "content_html" not in public and "_newsroom" not in public
    assert "content_html" not in get_feed(client)["items"][0]


def built_items(monkeypatch):
    """The stories whose item is built from here on, in order."""
    built = []
    original = ArticleJSONFeed.item

    def item(feed, article):
        built.append(article.pk)
        return original(feed, article)

    monkeypatch.setattr(ArticleJSONFeed, "item", item)
    return built


def test_an_edit_rebuilds_its_own_item_only(
    client, key, monkeypatch, django_capture_on_commit_callbacks
):
    stories = [ArticleFactory(published=True) for _ in range(3)]
    get_feed(client, key=key)
    built = built_items(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        stories[1].title_en = "Results delayed in Kandal"
        stories[1].save()
        announce(stories[1], EDITED)
    items = get_feed(client, key=key)["items"]
    assert built == [stories[1].pk]
    assert "Results delayed in Kandal" in [item["title"] for item in items]


def test_a_change_every_story_shows_rebuilds_every_item(
    client, key, monkeypatch, django_capture_on_commit_callbacks
):
    stories = [ArticleFactory(published=True) for _ in range(3)]
    get_feed(client, key=key)
    built = built_items(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        transaction.on_commit(bump_content_version)  # as a section's admin save
    get_feed(client, key=key)
    assert sorted(built) == sorted(story.pk for story in stories)
