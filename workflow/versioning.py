"""Optimistic concurrency: a version number checked in the UPDATE's WHERE.

The check is a single conditional UPDATE, so it holds across processes and
database connections: on PostgreSQL the second writer waits for the first
one's row lock, re-reads the row and matches nothing; on SQLite each
transaction takes the write lock at BEGIN (transaction_mode IMMEDIATE in
newsroom/settings.py), so the second writer waits, then matches nothing.
What the editor sees then, and how they merge, is workflow/conflicts.py.
"""

from django.db.models import F

from articles.models import Article


class EditConflict(Exception):
    """Someone saved the story after this editor loaded it."""

    def __init__(self, article_pk, expected):
        super().__init__(
            f"Story {article_pk} is no longer at version {expected}: "
            "someone else saved it meanwhile."
        )
        self.article_pk = article_pk
        self.expected = expected


def claim_version(article, expected):
    """Move the row from `expected` to `expected + 1`, or raise EditConflict.

    Call inside a transaction, before writing the rest of the story, so that
    a refused claim rolls everything back.
    """
    updated = Article.objects.filter(pk=article.pk, version=expected).update(
        version=F("version") + 1
    )
    if not updated:
        raise EditConflict(article.pk, expected)
    article.version = expected + 1
    return article.version
