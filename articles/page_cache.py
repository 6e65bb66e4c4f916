"""Anonymous readers get public pages from a cache, never a stale one.

One content version number covers everything public: every story_changed
(publishing, withdrawing, scheduled publication, corrections, edits of a
story, its parts or its photos, deletions) bumps it. A cached page is stored
with the version it was rendered at and served only while that is still the
current version, so a change shows at the commit that made it, without anyone
knowing which pages exist.

A page is one cache entry per address and representation (plain, and a gzip
copy made once when stored), holding the response itself, read together with
the version in one round trip (`lookup`); the page carries the schedule it was
rendered under, so that is not read as well. Views opt in with
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


@dataclass(frozen=True)
class ReaderVersion:
    """What public pages and page data are kept under: the content version,
    when its schedule was read, the change times then to come and how many of
    them had passed when this was read. As a key (str): "<content>.<since>.
    <passed>".

    The read time is in the key so that a schedule read again (its key
    evicted), which has forgotten the times already passed, never names a
    slot of before them: pages kept before 20:00 are never served after it.
    """

    content: int
    since: int
    times: tuple
    passed: int

    def __str__(self):
        return f"{self.content}.{self.since}.{self.passed}"

    def holds(self, content):
        """Is what was kept under this still current at content version
        `content`? The schedule was read at this content version, so its
        times are every change to come: no need to read it again."""
        return (
            content == self.content
            and bisect_right(self.times, timezone.now()) == self.passed
        )


def reader_version(version, kept):
    """The ReaderVersion at content version `version`; `kept` is what
    SCHEDULE_KEY held."""
    since, times = scheduled_changes(version, kept)
    return ReaderVersion(version, since, times, bisect_right(times, timezone.now()))


def current_reader_version():
    found = cache.get_many([CONTENT_VERSION_KEY, SCHEDULE_KEY])
    version = found.get(CONTENT_VERSION_KEY) or content_version()
    return str(reader_version(version, found.get(SCHEDULE_KEY)))


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
    """One representation of a page (plain or gzip) as the cache keeps it:
    the response itself, so a read is one unpickling, with no header to set
    again, and each read gives a fresh response object."""

    version: ReaderVersion  # the one it was rendered at
    etag: str
    response: HttpResponse


# As django.middleware.gzip reads Accept-Encoding. Cached pages are public and
# anonymous (no CSRF token or other secret to leak by compression).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Bodies this short gain nothing from compression.
GZIP_MIN_LENGTH = 200


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def page_key(request, gzipped=None):
    """The cache key of the representation the request asks for (or the one
    named): each is read alone, so a reader never loads the other's bytes."""
    if gzipped is None:
        gzipped = accepts_gzip(request)
    path = request.get_full_path().encode()
    kind = "gzip" if gzipped else "plain"
    return f"newsroom:page:v3:{kind}:" + hashlib.sha256(path).hexdigest()[:40]


def strong_etag(body):
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def gzip_etag(etag):
    """The gzip copy's own strong ETag, as a different set of bytes."""
    return etag[:-1] + '-gzip"'


def lookup(request):
    """(current reader version, the cached page for this address or None): one
    read of the version and the page together; the schedule is read only when
    the page is missing or stale."""
    key = page_key(request)
    found = cache.get_many([CONTENT_VERSION_KEY, key])
    content = found.get(CONTENT_VERSION_KEY) or content_version()
    page = found.get(key)
    if page is not None and page.version.holds(content):
        return page.version, page
    return reader_version(content, cache.get(SCHEDULE_KEY)), None


def store(request, response):
    """Keep a page cache_public_page marked, as the inner middleware left it,
    and its gzip copy, each as the response a reader of it gets."""
    version = getattr(response, CACHEABLE, None)
    if (
        version is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
    ):
        return
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in NOT_STORED
    ]
    body, etag = response.content, response["ETag"]
    if len(body) < GZIP_MIN_LENGTH:  # one representation, under both keys
        plain = kept_response(version, headers, body, etag)
        packed = plain
    else:
        plain = kept_response(version, headers, body, etag, varies=True)
        packed = kept_response(
            version, headers, gzip.compress(body, mtime=0), gzip_etag(etag), "gzip"
        )
    pages = {page_key(request, False): plain, page_key(request, True): packed}
    cache.set_many(pages, settings.PAGE_CACHE_SECONDS)


def kept_response(version, headers, body, etag, encoding=None, varies=False):
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    response["ETag"] = etag
    response["Content-Length"] = str(len(body))
    if encoding:
        response["Content-Encoding"] = encoding
    if encoding or varies:
        patch_vary_headers(response, ["Accept-Encoding"])
    return CachedPage(version, etag, response)


def not_modified(request, etag):
    """Does the request's If-None-Match name `etag` (or `*`)?"""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or etag in tags


def respond(request, page):
    """The cached page, or 304 when the reader already has these bytes."""
    if not_modified(request, page.etag):
        return not_modified_response(page.etag, page.response)
    response = page.response
    if request.method == "HEAD":
        response.content = b""
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
        return not_modified_or(request, response)

    return wrapper


def not_modified_or(request, response):
    """304 when the reader holds this page, plain or as its gzip copy (the
    page cache may have sent either before); else the response."""
    etag = response["ETag"]
    copies = len(response.content) >= GZIP_MIN_LENGTH
    for held in (etag, gzip_etag(etag)) if copies else (etag,):
        if not_modified(request, held):
            answer = not_modified_response(held, response)
            if copies:
                patch_vary_headers(answer, ["Accept-Encoding"])
            return answer
    return response


def not_modified_response(etag, page):
    """A 304 for `etag` with the validators and caching headers of the 200
    it stands for (RFC 9110, 15.4.5)."""
    response = HttpResponseNotModified()
    response["ETag"] = etag
    for name in ("Cache-Control", "Vary"):
        if name in page:
            response[name] = page[name]
    return response
