"""The newest changes of a language, kept per reader version, for since= pages.

A partner polls `since=` its newest change, so almost every sync starts inside
the last few hundred changes. Those are read once per reader version (two
queries, the same as one sync page) and kept; a sync page that starts inside
them is then cut from the kept list with no query at all. A walk that starts
before them is read from the database as before (pagination.sync_page).

The list holds the newest LENGTH entries of the sync order (time, kind, pk)
over live stories and tombstones together, each with its section, so every
partner's sections filter from the one list. Every entry after its first is in
it, so a position at or after the first is answered exactly as the database
would answer it.
"""

from collections import namedtuple

from articles.models import Article
from articles.page_cache import for_readers
from syndication import pagination
from syndication.models import Tombstone

LENGTH = 200

# The rows a sync page hands on (as pagination.sync_page's): the feed builds
# a live item by `pk`, a tombstone from its other fields.
Live = namedtuple("Live", "pk modified")
Gone = namedtuple("Gone", "pk article_id language withdrawn_at")


def sync_page(request, language, section_ids, position, limit):
    """pagination.sync_page's entries after `position`, cut from the kept
    newest changes; None when the walk starts before them."""
    changes = for_readers(
        request, f"recent-changes:{language}", lambda: newest(language)
    )
    complete = len(changes) < LENGTH
    start = (position.when, position.kind, position.pk)
    if not complete and start < changes[0][:3]:
        return None
    sections = set(section_ids)
    entries = []
    for when, kind, pk, section_id, row in changes:
        if (when, kind, pk) > start and (not sections or section_id in sections):
            entries.append((when, kind, pk, row))
            if len(entries) > limit:
                break
    return entries


def newest(language):
    """The newest LENGTH (when, kind, pk, section id, row) entries, oldest first."""
    live = (
        pagination.with_modified(Article.objects.published(language), language)
        .order_by("-modified", "-pk")
        .values_list("pk", "modified", "section_id")[:LENGTH]
    )
    gone = (
        Tombstone.objects.filter(language=language)
        .order_by("-withdrawn_at", "-pk")
        .values_list("pk", "article_id", "language", "withdrawn_at", "section_id")[
            :LENGTH
        ]
    )
    entries = [
        (modified, pagination.LIVE, pk, section_id, Live(pk, modified))
        for pk, modified, section_id in live
    ]
    for pk, article_id, gone_language, withdrawn_at, section_id in gone:
        row = Gone(pk, article_id, gone_language, withdrawn_at)
        entries.append((withdrawn_at, pagination.WITHDRAWN, pk, section_id, row))
    entries.sort(key=lambda entry: entry[:3])
    return entries[-LENGTH:]
