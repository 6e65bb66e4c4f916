"""Keyset pagination for the JSON feed, with opaque signed cursors.

Two orders, both with the primary key as tie-breaker and no OFFSET:

* latest (no `since`): newest publication first, keyed on
  (published_at, pk) descending. Editing a story does not move it, and a
  story published during a walk lands before the first page, so a walk
  visits each story that stayed published exactly once.
* sync (`since`): oldest change first, keyed on (modified, kind, pk)
  ascending over live items (kind 0) and tombstones (kind 1), where
  modified = max(updated_at, published_at). A story edited during the walk
  moves behind the cursor and is delivered again with its new revision,
  which is what a sync wants; nothing is skipped.

A cursor is signed so a mangled one is a clean 400, never a wrong page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing
from django.db.models import DateTimeField, Q
from django.db.models.functions import Greatest
from django.utils.dateparse import parse_datetime

from articles.languages import field_name, localized

SALT = "syndication.cursor"
LATEST, SYNC = "latest", "sync"
# Kinds in the sync order; AFTER_INSTANT positions a walk after everything
# that happened at `when` (how `since` starts a sync).
LIVE, WITHDRAWN, AFTER_INSTANT = 0, 1, 2
DEFAULT_LIMIT, MAX_LIMIT = 20, 100


class BadParameter(ValueError):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Position:
    """Where a walk stands: after (when, kind, pk) in the given mode."""

    mode: str
    when: datetime
    kind: int = LIVE
    pk: int = 0


def encode(position):
    return signing.dumps(
        [position.mode, position.when.isoformat(), position.kind, position.pk],
        salt=SALT,
    )


def decode(cursor):
    try:
        mode, when, kind, pk = signing.loads(cursor, salt=SALT)
        when = datetime.fromisoformat(when)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadParameter("cursor", "cursor is not one this feed issued.") from error
    if mode not in (LATEST, SYNC) or kind not in (0, 1, 2) or when.tzinfo is None:
        raise BadParameter("cursor", "cursor is not one this feed issued.")
    return Position(mode, when, int(kind), int(pk))


def parse_limit(text):
    if text is None:
        return DEFAULT_LIMIT
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise BadParameter(
            "limit", f"limit must be a whole number from 1 to {MAX_LIMIT}."
        )
    return int(text)


def parse_since(text):
    """An RFC 3339 date-time with its offset (Z or ±hh:mm)."""
    try:
        when = parse_datetime(text)
        if when is not None and when.tzinfo is not None:
            when.astimezone(UTC)  # the database compares in UTC: must fit there
    except (ValueError, OverflowError):
        when = None
    if when is None or when.tzinfo is None or "T" not in text.upper():
        raise BadParameter(
            "since",
            "since must be an RFC 3339 date-time with an offset, "
            "e.g. 2018-07-20T08:00:00+07:00.",
        )
    return when


def modified_expression(language):
    return Greatest(
        "updated_at",
        field_name("published_at", language),
        output_field=DateTimeField(),
    )


def with_modified(stories, language):
    """`stories` annotated with the sync order's time, `modified`. Every field
    is named in its language already, so modeltranslation has nothing to
    rewrite, nor rows to pass through its fallbacks."""
    return stories.rewrite(False).annotate(modified=modified_expression(language))


def latest_page(queryset, language, position, limit):
    """Up to limit + 1 stories after `position`, newest publication first."""
    published_at = field_name("published_at", language)
    if position is not None:
        queryset = queryset.filter(
            Q(**{f"{published_at}__lt": position.when})
            | Q(**{published_at: position.when, "pk__lt": position.pk})
        )
    return list(queryset.order_by(f"-{published_at}", "-pk")[: limit + 1])


def latest_position(article, language):
    when = localized(article, "published_at", language)
    return Position(LATEST, when, LIVE, article.pk)


def since_position(when):
    return Position(SYNC, when, AFTER_INSTANT, 0)


def _after(position, when_field, kind):
    """Rows of `kind` strictly after `position` in (when, kind, pk) order."""
    later = Q(**{f"{when_field}__gt": position.when})
    if kind > position.kind:
        return later | Q(**{when_field: position.when})
    if kind == position.kind:
        return later | Q(**{when_field: position.when, "pk__gt": position.pk})
    return later


def sync_page(queryset, tombstones, language, position, limit):
    """Up to limit + 1 (when, kind, pk, row) entries after `position`, oldest
    first; a row is a named tuple of the story's pk (and modified) or of the
    tombstone's pk, article_id, language and withdrawn_at."""
    # The redundant modified >= when lets the database seek into the
    # article_modified_<language>_idx expression index instead of scanning it.
    # Rows, not model instances: a page needs only keys and times (the items
    # are kept or built from their own query), and 40 instances cost more
    # than the two queries.
    live = (
        with_modified(queryset, language)
        .filter(modified__gte=position.when)
        .filter(_after(position, "modified", LIVE))
        .order_by("modified", "pk")
        .values_list("pk", "modified", named=True)[: limit + 1]
    )
    gone = (
        tombstones.filter(_after(position, "withdrawn_at", WITHDRAWN))
        .order_by("withdrawn_at", "pk")
        .values_list("pk", "article_id", "language", "withdrawn_at", named=True)[
            : limit + 1
        ]
    )
    entries = [(a.modified, LIVE, a.pk, a) for a in live]
    entries += [(t.withdrawn_at, WITHDRAWN, t.pk, t) for t in gone]
    entries.sort(key=lambda entry: entry[:3])
    return entries[: limit + 1]
