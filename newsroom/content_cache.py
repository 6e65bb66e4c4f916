"""One cache version number for everything public.

Public pages that cache their output put `content_version()` in their cache
key; publishing, withdrawing, scheduled publication, corrections and every save
of a story or its parts call `bump_after_commit()`, so every cached page is
stale at once without anyone knowing which keys exist.
"""

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "newsroom:content-version"


def content_version():
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, timeout=None)


def bump_content_version():
    try:
        return cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # the key expired or was never set
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)
        return 2


def bump_after_commit(*args, **kwargs):
    """Also usable as a signal receiver (it ignores the signal's arguments)."""
    transaction.on_commit(bump_content_version)
