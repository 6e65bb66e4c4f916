"""One cache version number for everything public.

Public pages that cache their output put `content_version()` in their cache
key (articles.views.cache_public_page). Every story_changed (publishing,
withdrawing, scheduled publication, corrections, edits of a story, its parts
or its photos, deletions) bumps it, so every cached page is stale at once
without anyone knowing which keys exist.
"""

from django.core.cache import cache

CONTENT_VERSION_KEY = "newsroom:content-version"


def content_version():
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, timeout=None)


def bump_content_version():
    try:
        return cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # the key expired or was never set
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)
        return 2


def story_changed(sender, **kwargs):
    """story_changed receiver: it is sent on commit, so bump at once."""
    bump_content_version()
