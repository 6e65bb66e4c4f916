"""Anonymous readers get public pages from a cache, never a stale one.

One content version number covers everything public: every story_changed
(publishing, withdrawing, scheduled publication, corrections, edits of a
story, its parts or its photos, deletions) bumps it. A cached page is stored
with the version it was rendered at and served only while that is still the
current version, so a change shows at the commit that made it, without anyone
knowing which pages exist.

A page is one cache entry per address (`newsroom:page:<hash of the path>`),
read together with the version in one round trip (`lookup`). Views opt in with
`cache_public_page`; `articles.middleware.PageCacheMiddleware` stores what
they render (with the headers the inner middleware added) and serves it before
the session and authentication middleware run. Every page this decorator
wraps carries a strong ETag (a hash of its bytes) and answers a matching
If-None-Match with 304; from the cache that takes no rendering at all.

Some changes happen with nothing saved: a front-page item scheduled to show
from 20:00. Apps register the times of those (`register_schedule`); pages
and page data are kept under the *reader version*, the content version and
how many of those times have passed since it was set, so the first reader
after 20:00 gets a new page without anything being bumped.
"""

import gzip
import hashlib
import re
import time
from bisect import bisect_right
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

CONTENT_VERSION_KEY = "newsroom:content-version"
SHARED_REVISION_KEY = "newsroom:shared-revision"
STORY_REVISION_KEY = "newsroom:story-revision:{}"
# (content version, when its schedule was read, the change times then to come)
SCHEDULE_KEY = "newsroom:schedule"
# The response attribute cache_public_page sets on a page the middleware may
# store: the reader version read before rendering it.
CACHEABLE = "_newsroom_page_version"
# Headers a stored page keeps; the outer middleware (security, CSP) adds its
# own to every response, cached or not.
NOT_STORED = {"content-length", "set-cookie"}


def fresh_version():
    """A version above any a lost key held: microseconds since the epoch
    (bumps count up by one from there, far slower than the clock)."""
    return time.time_ns() // 1000


def content_version():
    return cache.get_or_set(CONTENT_VERSION_KEY, fresh_version, timeout=None)


def bump_content_version(stories=()):
    """Move the content version on, and the revision of what changed: the
    stories named, or, with none named (a section, author or person edited),
    the shared revision every story's kept parts depend on."""
    keys = [STORY_REVISION_KEY.format(pk) for pk in stories] or [SHARED_REVISION_KEY]
    for key in keys:
        _bump(key)
    return _bump(CONTENT_VERSION_KEY)


def _bump(key):
    try:
        return cache.incr(key)
    except ValueError:  # the key was evicted or never set
        version = fresh_version()
        cache.set(key, version, timeout=None)
        return version


_schedules = []


def register_schedule(upcoming):
    """Add a source of scheduled changes: () -> the aware datetimes still to
    come at which what readers see changes by itself (frontpage.scheduling).
    It is asked once per content version, by the first reader after a change."""
    if upcoming not in _schedules:
        _schedules.append(upcoming)


def scheduled_changes(version, kept):
    """(since, times): the change times still to come when they were read at
    `version`, and when that was. `kept` is what SCHEDULE_KEY held, used when
    it was read at this version; else they are read now and kept."""
    if kept is not None and kept[0] == version:
        return kept[1], kept[2]
    since = fresh_version()
    times = tuple(sorted({moment for upcoming in _schedules for moment in upcoming()}))
    cache.set(SCHEDULE_KEY, (version, since, times), timeout=None)
    return since, times


def reader_version(version, kept):
    """What public pages and page data are kept under: "<content version>.
    <when the schedule was read>.<how many of its times have passed>".

    The read time is in it so that a schedule read again (its key evicted),
    which has forgotten the times already passed, never names a slot of before
    them: pages kept before 20:00 are never served after it.
    """
    since, times = scheduled_changes(version, kept)
    passed = bisect_right(times, timezone.now())
    return f"{version}.{since}.{passed}"


def current_reader_version():
    found = cache.get_many([CONTENT_VERSION_KEY, SCHEDULE_KEY])
    version = found.get(CONTENT_VERSION_KEY) or content_version()
    return reader_version(version, found.get(SCHEDULE_KEY))


def story_revisions(pks):
    """{pk: (shared revision, the story's revision)}: one cache read (and one
    write for revisions not yet set). What is kept per story under these
    (feed items) survives changes to other stories, unlike the content version.
    A revision is read before the story is, so what is built from an older
    row is never kept under a newer revision."""
    keys = {pk: STORY_REVISION_KEY.format(pk) for pk in pks}
    found = cache.get_many([SHARED_REVISION_KEY, *keys.values()])
    # A lost key starts again above any value it held, as the version does.
    unset = {
        key: fresh_version()
        for key in [SHARED_REVISION_KEY, *keys.values()]
        if key not in found
    }
    if unset:
        cache.set_many(unset, timeout=None)
        found.update(unset)
    shared = found[SHARED_REVISION_KEY]
    return {pk: (shared, found[key]) for pk, key in keys.items()}


def story_changed(sender, article_ids=(), **kwargs):
    """story_changed receiver: it is sent on commit, so bump at once."""
    bump_content_version(article_ids)


@dataclass(frozen=True)
class CachedPage:
    version: str  # the reader version it was rendered at
    status: int
    headers: tuple  # ((name, value), …)
    body: bytes
    etag: str
    gzipped: bytes = b""  # the body compressed once, when stored

    def for_request(self, request):
        """(body, ETag, Content-Encoding or None) of the representation asked for.

        The gzip one has its own strong ETag, as a different set of bytes.
        """
        if self.gzipped and ACCEPTS_GZIP.search(
            request.headers.get("Accept-Encoding", "")
        ):
            return self.gzipped, self.etag[:-1] + '-gzip"', "gzip"
        return self.body, self.etag, None


# As django.middleware.gzip reads Accept-Encoding. Cached pages are public and
# anonymous (no CSRF token or other secret to leak by compression).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Bodies this short gain nothing from compression.
GZIP_MIN_LENGTH = 200


def page_key(request):
    path = request.get_full_path().encode()
    return "newsroom:page:v2:" + hashlib.sha256(path).hexdigest()[:40]


def strong_etag(body):
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def lookup(request):
    """(current reader version, the cached page for this address or None): one
    read."""
    key = page_key(request)
    found = cache.get_many([CONTENT_VERSION_KEY, SCHEDULE_KEY, key])
    content = found.get(CONTENT_VERSION_KEY) or content_version()
    version = reader_version(content, found.get(SCHEDULE_KEY))
    page = found.get(key)
    if page is not None and page.version != version:
        page = None
    return version, page


def store(request, response):
    """Keep a page cache_public_page marked, as the inner middleware left it."""
    version = getattr(response, CACHEABLE, None)
    if (
        version is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
    ):
        return
    headers = tuple(
        (name, value)
        for name, value in response.items()
        if name.lower() not in NOT_STORED
    )
    body = response.content
    gzipped = gzip.compress(body, mtime=0) if len(body) >= GZIP_MIN_LENGTH else b""
    page = CachedPage(version, 200, headers, body, response["ETag"], gzipped)
    cache.set(page_key(request), page, settings.PAGE_CACHE_SECONDS)


def not_modified(request, etag):
    """Does the request's If-None-Match name `etag` (or `*`)?"""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or etag in tags


def respond(request, page):
    """The cached page (compressed when the reader accepts it), or 304 when
    the reader already has these bytes."""
    body, etag, encoding = page.for_request(request)
    if not_modified(request, etag):
        response = HttpResponseNotModified()
        response["ETag"] = etag
    else:
        response = HttpResponse(body, status=page.status)
        for name, value in page.headers:
            response[name] = value
        response["ETag"] = etag
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
        if request.method == "HEAD":
            response.content = b""
    if page.gzipped:
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


def page_cache_on():
    return bool(settings.PAGE_CACHE_SECONDS)


def for_readers(request, name, build):
    """`build()`, kept for anonymous readers until anything public changes.

    What a page computes from the database (a story with everything its page
    shows) is read once per content version instead of once per request, so a
    page the page cache does not hold still runs no query. `name` says what is
    built (it must cover the language and address); None is never kept.
    Signed-in users always get a fresh `build()`.
    """
    seconds = settings.PAGE_DATA_SECONDS
    if not seconds or request.user.is_authenticated:
        return build()
    key = f"newsroom:data:{current_reader_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, seconds)
    return value


def kept_with_main(request, template, context):
    """`context` with its page's main part rendered from `template` as "main".

    For a `for_readers` build: the main part's HTML is kept instead of what it
    is made of (cards, photos and their renditions), which costs more to load
    from the cache than the page takes to render. Only the plain values the
    page's head and frame read stay beside it.
    """
    kept = {key: value for key, value in context.items() if is_plain(value)}
    kept["main"] = render_to_string(template, context, request)
    return kept


def is_plain(value):
    if isinstance(value, (list, tuple)):
        return all(is_plain(item) for item in value)
    if isinstance(value, dict):
        return all(is_plain(item) for item in value.values())
    return value is None or isinstance(value, (str, int, float, bool))


def cache_public_page(view):
    """Serve anonymous readers a cached copy until anything public changes.

    Any view can wear it (story, front, section, tag pages…). Signed-in users
    (editors previewing) always get a fresh page, never stored. Every 200 gets
    a strong ETag (the view's own when it set one, e.g. a cheap state tag the
    view checks before rendering; else a hash of the body); a matching
    If-None-Match gets 304.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        anonymous = not request.user.is_authenticated
        version = None
        if anonymous and page_cache_on():
            # Readers with a session cookie pass the middleware: serve them here.
            version, page = lookup(request)
            if page is not None:
                return respond(request, page)
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = strong_etag(response.content)
        if version is not None:
            setattr(response, CACHEABLE, version)
        if not_modified(request, response["ETag"]):
            return respond(request, CachedPage(0, 200, (), b"", response["ETag"]))
        return response

    return wrapper
