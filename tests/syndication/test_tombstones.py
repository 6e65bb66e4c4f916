"""since=: changes oldest first, with tombstones for what left the feed."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.events import EDITED, announce
from articles.models import Article, PhotoPlacement, Status
from articles.states import change_state
from media_assets.services import photo_changed
from syndication.models import Tombstone
from tests.factories import ArticleFactory, BylineFactory
from tests.syndication_support import WINDOW_URL, get_feed, seed_story, set_times
from workflow.corrections import add_correction
from workflow.scheduling import publish_due

pytestmark = pytest.mark.django_db


def test_since_returns_changes_oldest_first_with_tombstones(
    client, key, django_capture_on_commit_callbacks
):
    now = timezone.now()
    old, edited, withdrawn, deleted = (ArticleFactory(published=True) for _ in range(4))
    for story in (old, edited, withdrawn, deleted):
        long_ago = now - timedelta(days=6)
        set_times(story, updated_at=now - timedelta(days=5), en=long_ago, km=long_ago)
    set_times(edited, updated_at=now - timedelta(hours=2))
    checkpoint = (now - timedelta(days=1)).isoformat()

    deleted_pk = deleted.pk
    with django_capture_on_commit_callbacks(execute=True):
        change_state(Article.objects.get(pk=withdrawn.pk), "en", Status.DRAFT)
        Article.objects.get(pk=deleted_pk).delete()

    data = get_feed(client, key=key, since=checkpoint)
    ids = [item["id"] for item in data["items"]]
    assert ids == [
        f"urn:newsroom:article:{edited.pk}:en",
        f"urn:newsroom:article:{withdrawn.pk}:en",
        f"urn:newsroom:article:{deleted_pk}:en",
    ]
    modified = [item["date_modified"] for item in data["items"]]
    assert modified == sorted(modified)
    for tombstone in data["items"][1:]:
        assert tombstone["_newsroom"]["status"] == "withdrawn"
        assert "title" not in tombstone and "url" not in tombstone
        assert tombstone["content_text"] == ""
    # Khmer of the unpublished story is still live: no Khmer tombstone for it.
    assert not Tombstone.objects.filter(article_id=withdrawn.pk, language="km")
    km = get_feed(client, "/km/feed.json", key=key, since=checkpoint)
    assert [(i["id"], i["_newsroom"]["status"]) for i in km["items"]] == [
        (f"urn:newsroom:article:{edited.pk}:km", "published"),
        # Saving the English withdrawal touched the story: Khmer is re-sent.
        (f"urn:newsroom:article:{withdrawn.pk}:km", "published"),
        (f"urn:newsroom:article:{deleted_pk}:km", "withdrawn"),
    ]
    # Anonymous sync sees withdrawals too (they carry nothing but an id).
    public = get_feed(client, since=checkpoint)
    assert [i["id"] for i in public["items"]] == ids


def test_republishing_lifts_the_tombstone(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    before = (timezone.now() - timedelta(seconds=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.DRAFT)
    assert Tombstone.objects.filter(article_id=story.pk, language="en").exists()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.PUBLISHED)
    assert not Tombstone.objects.filter(article_id=story.pk).exists()
    items = get_feed(client, key=key, since=before)["items"]
    assert [i.get("_newsroom", {}).get("status") for i in items] == ["published"]


def test_a_rescheduled_story_sheds_its_old_tombstone(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(english_only=True)
    before = (timezone.now() - timedelta(seconds=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.DRAFT)
    later = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.PUBLISHED, when=later)
    assert story.status_en == Status.SCHEDULED  # a time to come: scheduled
    assert Tombstone.objects.filter(article_id=story.pk).exists()  # not public yet
    ids = [
        i["_newsroom"]["status"]
        for i in get_feed(client, key=key, since=before)["items"]
    ]
    assert ids == ["withdrawn"]
    Article.objects.filter(pk=story.pk).update(
        published_at_en=timezone.now() - timedelta(seconds=1)
    )  # the scheduled time passes; the scheduler publishes it
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == [(story.pk, "en")]
    items = get_feed(client, key=key, since=before)["items"]
    assert [i["_newsroom"]["status"] for i in items] == ["published"]


def test_edits_to_a_storys_parts_reach_a_sync(
    client, key, django_capture_on_commit_callbacks
):
    story = seed_story()
    window = story.placements.get(kind=PhotoPlacement.Kind.WINDOW)
    long_ago = timezone.now() - timedelta(days=5)

    def announced(edit):
        """The edit, announced as the admin's save of a story and inlines does."""

        def run():
            edit()
            announce(story, EDITED)

        return run

    def withhold_window_photo():
        window.photo.rights = "no_syndication"
        window.photo.save()
        photo_changed(window.photo, ["rights"])  # as the photo admin's save

    edits = [
        announced(lambda: story.tags.add("withdrawn photo")),
        announced(lambda: BylineFactory(article=story, position=9)),
        announced(lambda: story.pullquotes.all().delete()),
        withhold_window_photo,
    ]
    for edit in edits:
        set_times(story, updated_at=long_ago, en=long_ago, km=long_ago)
        checkpoint = (timezone.now() - timedelta(seconds=1)).isoformat()
        assert get_feed(client, key=key, since=checkpoint)["items"] == []
        with django_capture_on_commit_callbacks(execute=True):
            edit()
        (item,) = get_feed(client, key=key, since=checkpoint)["items"]
        assert item["id"].endswith(f":{story.pk}:en")
    assert WINDOW_URL not in json.dumps(item)


def test_a_correction_reaches_the_next_sync(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    long_ago = timezone.now() - timedelta(days=5)
    set_times(story, updated_at=long_ago, en=long_ago, km=long_ago)
    checkpoint = (timezone.now() - timedelta(seconds=1)).isoformat()
    assert get_feed(client, key=key, since=checkpoint)["items"] == []
    with django_capture_on_commit_callbacks(execute=True):
        add_correction(story, "en", "correction", "An earlier version misspelled it.")
    (item,) = get_feed(client, key=key, since=checkpoint)["items"]
    (correction,) = item["_newsroom"]["corrections"]
    assert correction["text"] == "An earlier version misspelled it."
    assert correction["kind"] == "correction"
    # The Khmer version has no correction and its feed says none.
    (khmer,) = get_feed(client, "/km/feed.json", key=key)["items"]
    assert khmer["_newsroom"]["corrections"] == []


def test_drafts_never_leave_tombstones(client, django_capture_on_commit_callbacks):
    draft = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        draft.title_en = "Still a draft"
        draft.save()
        announce(draft, EDITED)
        change_state(draft, "en", Status.READY)
        draft.delete()
    assert not Tombstone.objects.exists()
