"""One event, `story_changed`, for every change readers or partners may notice.

It is sent once the change is committed (at once outside a transaction), so
no listener acts on a change that was rolled back. Listeners: the page cache
(articles/page_cache.py), syndication's tombstones and freshness, later a
search index. Whoever changes a story announces it: `states.change_state`
(every state change), the admin's save of a story and its inlines, the
importer (once per story), corrections, revision restores, photo edits
(media_assets' `photo_changed`, translated below) and deletions (the one
post_delete receiver below). A bare `Article.save()` announces nothing.

Arguments (the sender is Article):
  kind         one of KINDS
  article_ids  frozenset of story ids
  languages    frozenset of the language codes concerned
  was_public   frozenset of (article id, language, section id): the versions
               readers could see before the change. State changes and
               deletions fill it; the tombstones need it, since afterwards
               the row no longer says (or no longer exists).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal

from articles.languages import LANGUAGE_CODES
from articles.models import Article, PhotoPlacement

story_changed = Signal()

EDITED = "edited"  # text or parts edited (admin, importer, revision restore)
PARTS = "parts"  # something shown with the story changed on its own (a photo)
CORRECTED = "corrected"  # a correction added or edited
PUBLISHED = "published"  # the version is public now
SCHEDULED = "scheduled"  # the version will be public at its publication time
WITHDRAWN = "withdrawn"  # the version was public and is not any more
STATE = "state"  # a move readers never see (review steps, unscheduling)
DELETED = "deleted"  # the story is gone
KINDS = frozenset(
    {EDITED, PARTS, CORRECTED, PUBLISHED, SCHEDULED, WITHDRAWN, STATE, DELETED}
)


@dataclass
class Announcement:
    """One pending story_changed; equal ones in a transaction are sent once."""

    kind: str
    article_ids: frozenset
    languages: frozenset
    was_public: frozenset
    sent: bool = field(default=False, compare=False)

    def __call__(self):
        self.sent = True
        story_changed.send(
            sender=Article,
            kind=self.kind,
            article_ids=self.article_ids,
            languages=self.languages,
            was_public=self.was_public,
        )


def announce(stories, kind, languages=None, was_public=()):
    """Send story_changed for `stories` (a story, or stories or ids) on commit."""
    if kind not in KINDS:
        raise ValueError(f"{kind!r} is not a kind of story change")
    if isinstance(stories, (Article, int)):
        stories = [stories]
    ids = frozenset(getattr(story, "pk", story) for story in stories)
    if not ids:
        return
    event = Announcement(
        kind,
        ids,
        frozenset(languages or LANGUAGE_CODES),
        frozenset(was_public),
    )
    if not _already_pending(event):
        transaction.on_commit(event)


def _already_pending(event):
    """An equal announcement that will be sent whenever this one would be.

    Django drops the on_commit callbacks of a savepoint that rolls back; the
    savepoints still open around an earlier callback are all open around this
    one too, so an equal one still waiting commits at least as surely. One
    already sent (tests run callbacks inside their transaction) does not count.
    """
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        callback == event and not callback.sent
        for _savepoints, callback, _robust in connection.run_on_commit
    )


def public_versions(article):
    """`was_public` entries for the versions of `article` readers see now."""
    return {
        (article.pk, code, article.section_id) for code in article.published_languages()
    }


def story_deleted(sender, instance, **kwargs):
    """post_delete of Article: the admin, a queryset delete and the shell alike.

    The row is gone by the commit, so what was public is read from the
    instance here.
    """
    announce(instance, DELETED, was_public=public_versions(instance))


def photo_changed(sender, photo_ids, **kwargs):
    """media_assets' photo_changed: the stories placing the photos changed."""
    stories = PhotoPlacement.objects.filter(photo_id__in=photo_ids).values_list(
        "article_id", flat=True
    )
    announce(set(stories), PARTS)
