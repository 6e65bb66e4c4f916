"""A fixed-window request budget per API key, kept in Django's cache.

The count holds across gunicorn workers because the default cache is shared
by processes and its `incr` is atomic: Redis (REDIS_URL) in production, else
diskcache's SQLite-backed cache in a folder (newsroom/settings.py). A
per-process memory cache would give every worker its own budget.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = (120, 60)  # requests, per seconds


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def limit():
    """(requests, seconds) from settings.SYNDICATION_RATE_LIMIT, e.g. (120, 60)."""
    return tuple(getattr(settings, "SYNDICATION_RATE_LIMIT", DEFAULT_LIMIT))


def hit(key_id, now=None):
    """Count one request for `key_id`; refuse it once the window's budget is spent."""
    requests, seconds = limit()
    now = time.time() if now is None else now
    window = int(now // seconds)
    name = f"syndication:rate:{key_id}:{window}"
    # One write per request: only a window's first request finds no count.
    try:
        count = cache.incr(name)
    except ValueError:
        count = 1 if cache.add(name, 1, timeout=seconds + 1) else cache.incr(name)
    if count > requests:
        return Verdict(False, retry_after=max(1, int((window + 1) * seconds - now)))
    return Verdict(True)
