"""Keeping a story's `updated_at` honest when only its parts change.

A partner's `since=` sync finds changes by `date_modified`, which comes from
the story's `updated_at`. Bylines, placements, pullquotes, tags, corrections
and the photos themselves (their rights above all) are separate rows, so
editing them would not move it. Every story_changed but a deletion therefore
touches the stories it names, with one UPDATE once the change is committed.
"""

from django.utils import timezone

from articles.events import DELETED
from articles.models import Article


def story_changed(sender, kind, article_ids, **kwargs):
    if kind != DELETED:
        Article.objects.filter(pk__in=article_ids).update(updated_at=timezone.now())
