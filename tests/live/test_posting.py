"""Posting and correcting entries: order, per-language corrections, events."""

import pytest
from django.utils import timezone

from articles.page_cache import content_version
from live import services
from live.models import LiveEntry
from live.presentation import entries_for_page
from tests.factories import ArticleFactory
from tests.factories.live import LiveEntryFactory
from tests.live.support import post

pytestmark = pytest.mark.django_db


def reading_order(story, language="en"):
    return [entry.body_en for entry in entries_for_page(story.pk, language)]


def test_entries_read_pinned_first_then_newest_first(
    story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(story, body_en="First")
        post(story, body_en="Key facts", pinned=True)
        post(story, body_en="Second")
        post(story, body_en="Third")
    assert reading_order(story) == ["Key facts", "Third", "Second", "First"]


def test_posting_stamps_the_time_and_who_posted(story, editor):
    before = timezone.now()
    entry = post(story, posted_by=editor, body_en="Polls are open.")
    assert entry.posted_by == editor
    assert before <= entry.posted_at <= timezone.now()
    assert entry.body_html_en == "<p>Polls are open.</p>\n"


def test_an_entry_needs_text_in_no_particular_language_but_a_valid_video(story):
    with pytest.raises(Exception, match="YouTube"):
        post(story, body_en="Watch", youtube_id="not-a-video-id")
    assert not LiveEntry.objects.exists()


def test_a_post_bumps_the_page_cache_version_and_the_story_date_modified(
    story, django_capture_on_commit_callbacks
):
    version = content_version()
    touched = story.updated_at
    with django_capture_on_commit_callbacks(execute=True):
        post(story, body_en="Turnout was 82 percent.")
    assert content_version() > version
    story.refresh_from_db()
    assert story.updated_at > touched


def test_a_correction_says_so_in_the_corrected_language_only(story):
    entry = post(story, body_en="Turnout was 28 percent.")
    entry.body_en = "Turnout was 82 percent."
    services.edit_entry(entry)
    entry.refresh_from_db()
    assert entry.edited_at_en is not None
    assert entry.edited_at_km is None


def test_a_first_translation_is_not_a_correction(story):
    entry = post(story, body_en="Polls closed.")
    entry.body_km = "ការ\u200bបោះ\u200bឆ្នោត"
    services.edit_entry(entry)
    entry.refresh_from_db()
    assert entry.edited_at_en is None
    assert entry.edited_at_km is None


def test_pinning_moves_an_entry_without_calling_it_corrected(story):
    entry = post(story, body_en="Key facts")
    entry.pinned = True
    services.edit_entry(entry)
    entry.refresh_from_db()
    assert entry.pinned
    assert entry.edited_at_en is None


def test_a_new_photo_corrects_every_language_the_entry_has_text_in(story):
    from tests.factories import PhotoFactory

    entry = post(story, body_en="Counting.", body_km="រាប់សន្លឹកឆ្នោត")
    entry.photo = PhotoFactory()
    services.edit_entry(entry)
    entry.refresh_from_db()
    assert entry.edited_at_en is not None
    assert entry.edited_at_km is not None


def test_removing_an_entry_announces_it(story, django_capture_on_commit_callbacks):
    entry = LiveEntryFactory(story=story)
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_entry(entry)
    assert content_version() > version
    assert not LiveEntry.objects.exists()


def test_entries_belong_to_their_own_story():
    first, second = LiveEntryFactory(), LiveEntryFactory()
    assert [e.pk for e in entries_for_page(first.story_id, "en")] == [first.pk]
    assert first.story_id != second.story_id


def test_only_live_stories_are_offered_for_entries():
    plain = ArticleFactory(published=True)
    entry = LiveEntry(story=plain, body_en="Misplaced")
    with pytest.raises(Exception, match="story"):
        entry.full_clean()
