"""One cache version number for everything public.

Public pages that cache their output put `content_version()` in their cache
key (cache_public_page below). Every story_changed (publishing,
withdrawing, scheduled publication, corrections, edits of a story, its parts
or its photos, deletions) bumps it, so every cached page is stale at once
without anyone knowing which keys exist.
"""

from functools import wraps

from django.conf import settings
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


def cache_public_page(view):
    """Serve anonymous readers a cached copy until anything public changes.

    The key holds the content version (bumped by every story_changed:
    edits, publication, withdrawal, corrections), so a cached page is never
    stale beyond the commit that changed it. Signed-in users (editors
    previewing) always get a fresh page.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = f"newsroom:page:{content_version()}:{request.get_full_path()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                cache.set(key, response, seconds)
        return response

    return wrapper
