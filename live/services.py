"""Posting, correcting and removing entries: the one way each happens.

Each announces the change (articles.events, PARTS) once it is committed, so
the page cache bumps its version, syndication's freshness moves the story's
date_modified and search follows; readers' pollers see it on their next poll.
"""

from django.db import transaction
from django.utils import timezone

from articles.events import PARTS, announce
from articles.languages import LANGUAGE_CODES, field_name
from live.models import LiveEntry, LiveSequence

# What readers of one language see of an entry, beside the shared media.
TEXT_FIELDS = ("body", "quote", "quote_source")
SHARED_FIELDS = ("photo", "youtube_id", "embed_url")


def next_change(story_id):
    """The story's next change number, its row lock held until commit.

    Call it inside the transaction that writes the change. A second change
    of the same story waits at the lock until the first has committed, so
    change numbers commit in the order they are given: once a reader sees
    change n, every change before n is visible too (PostgreSQL releases row
    locks after the commit is visible; SQLite runs one writer at a time).
    """
    # Creates the row once; a concurrent first insert waits, then does nothing.
    LiveSequence.objects.bulk_create(
        [LiveSequence(story_id=story_id)], ignore_conflicts=True
    )
    sequence = LiveSequence.objects.select_for_update().get(story_id=story_id)
    sequence.last_change += 1
    sequence.save(update_fields=["last_change"])
    return sequence.last_change


def _languages_with_text(entry):
    return {code for code in LANGUAGE_CODES if entry.has_text(code)}


@transaction.atomic
def post_entry(entry, posted_by=None):
    """Save the new `entry`: public at once in each language it has text in."""
    entry.posted_by = posted_by
    entry.full_clean()
    entry.change = next_change(entry.story_id)
    entry.posted_at = timezone.now()
    entry.save()
    announce(entry.story_id, PARTS, languages=_languages_with_text(entry) or None)
    return entry


def corrected_languages(before, after):
    """Languages whose readers saw `before` and would see something else now."""
    shared_changed = any(
        getattr(before, name) != getattr(after, name) for name in SHARED_FIELDS
    )
    corrected = set()
    for code in LANGUAGE_CODES:
        if not before.has_text(code):
            continue  # a first translation is news, not a correction
        text_changed = any(
            (getattr(before, field_name(name, code)) or "")
            != (getattr(after, field_name(name, code)) or "")
            for name in TEXT_FIELDS
        )
        if text_changed or shared_changed:
            corrected.add(code)
    return corrected


@transaction.atomic
def edit_entry(entry):
    """Save the changed `entry`; readers who saw it before see "Updated at …".

    Pinning or unpinning moves the entry without calling it a correction.
    """
    entry.full_clean()
    entry.change = next_change(entry.story_id)
    # Read under the story's lock: a concurrent edit has committed by now.
    before = LiveEntry.objects.get(pk=entry.pk)
    now = timezone.now()
    for code in corrected_languages(before, entry):
        setattr(entry, field_name("edited_at", code), now)
    entry.save()
    languages = _languages_with_text(before) | _languages_with_text(entry)
    announce(entry.story_id, PARTS, languages=languages or None)
    return entry


@transaction.atomic
def remove_entry(entry):
    languages = _languages_with_text(entry)
    story_id = entry.story_id
    entry.delete()
    announce(story_id, PARTS, languages=languages or None)
