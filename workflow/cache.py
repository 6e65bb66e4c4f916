"""One cache version number for everything public.

Pages and feeds that cache their output put `content_version()` in their cache
key (or pass it as `key_prefix`/`version`); publishing, withdrawing, scheduled
publication and corrections call `bump_content_version()` after commit, so every
cached page and feed is stale at once without knowing which keys exist.
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


def bump_after_commit():
    transaction.on_commit(bump_content_version)
