"""The partner JSON feed endpoint: errors become HTTP answers here, at the edge."""

import hashlib
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from articles.languages import (
    DEFAULT_LANGUAGE,
    current_language,
    field_name,
    language_label,
)
from articles.models import Article
from articles.page_cache import for_readers
from syndication import pagination, partners, ratelimit, recent_changes
from syndication.jsonfeed import ArticleJSONFeed, JSONFeedWriter
from syndication.metadata import modified_at
from syndication.models import Partner, Tombstone
from syndication.site import site_url

LIVE = pagination.LIVE
PUBLIC_MAX_AGE = 300
PARTNER_MAX_AGE = 60


def error(status, message, **extra):
    response = JsonResponse({"error": message, **extra}, status=status)
    response["Cache-Control"] = "no-store"
    patch_vary_headers(response, ["Authorization"])
    return response


def presented_key(request):
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if header and scheme.lower() == "bearer":
        return token.strip()
    if header:
        return ""  # another scheme: a credential we cannot accept
    return request.GET.get("key")


class Refusal(Exception):
    """A request we answer with an error response instead of a feed."""

    def __init__(self, response):
        super().__init__(response.status_code)
        self.response = response


def partner_key(request, language):
    """The request's usable key, None for the public feed; Refusal otherwise."""
    plain = presented_key(request)
    if plain is None:
        return None
    key = partners.authenticate(plain)
    if key is None:
        response = error(401, "The API key is missing, invalid or revoked.")
        response["WWW-Authenticate"] = 'Bearer realm="feed"'
        raise Refusal(response)
    verdict = ratelimit.hit(key.pk)
    if not verdict.allowed:
        response = error(429, "Too many requests for this key; slow down.")
        response["Retry-After"] = str(verdict.retry_after)
        raise Refusal(response)
    if language not in key.partner.languages:
        label = language_label(language, DEFAULT_LANGUAGE)
        raise Refusal(error(403, f"This key may not read the {label} feed."))
    return key


def requested_page(request):
    """(limit, position) from the query string; Refusal with a 400 if malformed."""
    try:
        limit = pagination.parse_limit(request.GET.get("limit"))
        if (cursor := request.GET.get("cursor")) is not None:
            return limit, pagination.decode(cursor)
        if (since := request.GET.get("since")) is not None:
            return limit, pagination.since_position(pagination.parse_since(since))
    except pagination.BadParameter as bad:
        raise Refusal(error(400, str(bad), parameter=bad.parameter)) from bad
    return limit, None


def partner_sections(key):
    """The pks of the sections the key's partner may read; [] for all (and
    for the public feed)."""
    if key is None:
        return []
    # The link table alone: no join, no ordering (the list names kept pages,
    # so it is sorted here).
    links = Partner.sections.through.objects.filter(partner_id=key.partner_id)
    return sorted(links.values_list("section_id", flat=True))


def visible(language, section_ids):
    """Stories and tombstones a reader of `section_ids` (none: all) may see.
    Of a story only what ordering and paging read is selected (the feed
    builds or finds its item by key)."""
    stories = Article.objects.published(language).only(
        "pk", "section_id", "updated_at", field_name("published_at", language)
    )
    # A version public again lost its tombstone when that was announced
    # (syndication/tombstones.py).
    tombstones = Tombstone.objects.filter(language=language)
    if section_ids:
        stories = stories.filter(section_id__in=section_ids)
        tombstones = tombstones.filter(section_id__in=section_ids)
    return stories, tombstones


def sync_entries(request, language, section_ids, position, limit):
    """A sync page's entries: cut from the kept newest changes when the walk
    starts inside them (syndication/recent_changes.py), else read."""
    entries = recent_changes.sync_page(request, language, section_ids, position, limit)
    if entries is None:
        stories, tombstones = visible(language, section_ids)
        entries = pagination.sync_page(stories, tombstones, language, position, limit)
    return entries


def build_page(request, feed, language, section_ids, position, limit):
    """(items, next position or None, latest change on the page)."""
    if position is not None and position.mode == pagination.SYNC:
        entries = sync_entries(request, language, section_ids, position, limit)
        page = entries[:limit]
        live = iter(feed.items([obj for _w, kind, _pk, obj in page if kind == LIVE]))
        items = [
            next(live) if kind == LIVE else feed.tombstone(obj)
            for _when, kind, _pk, obj in page
        ]
        more = len(entries) > limit
        following = (
            pagination.Position(pagination.SYNC, *page[-1][:3]) if more else None
        )
        changed = [when for when, *_rest in page]
    else:
        stories, _tombstones = visible(language, section_ids)
        articles = pagination.latest_page(stories, language, position, limit)
        page = articles[:limit]
        items = feed.items(page)
        more = len(articles) > limit
        following = pagination.latest_position(page[-1], language) if more else None
        changed = [modified_at(article, language) for article in page]
    return items, following, max(changed, default=None)


@require_safe
def json_feed(request):
    language = current_language()
    try:
        key = partner_key(request, language)
        limit, position = requested_page(request)
    except Refusal as refusal:
        return refusal.response
    feed = ArticleJSONFeed(language, site_url(), full=key is not None)
    sections = partner_sections(key)

    def build():
        return feed_page(request, feed, language, sections, position, limit)

    # Sync pages too: a partner polling since= its newest change asks for the
    # same page until something changes, and writing a tombstone moves the
    # version on (syndication/tombstones.py).
    query = sorted((k, v) for k, v in request.GET.items() if k != "key")
    name = f"feed:{language}:{feed.full}:{sections}:{urlencode(query)}"
    body, last_modified = for_readers(request, name, build)
    return respond(request, body, last_modified, private=key is not None)


def feed_page(request, feed, language, section_ids, position, limit):
    """(the page's JSON, its latest change)."""
    items, following, last_modified = build_page(
        request, feed, language, section_ids, position, limit
    )
    next_url = None
    if following is not None:
        # Never the key: the partner presents it again itself, so a next_url
        # that ends up in a log, a proxy or a shared link carries no credential.
        query = {"cursor": pagination.encode(following), "limit": limit}
        next_url = f"{feed.feed_url()}?{urlencode(query)}"
    return JSONFeedWriter().write(feed.feed(items, next_url=next_url)), last_modified


def respond(request, body, last_modified, private):
    """200 or 304 with validators and the right caching headers; HEAD has no body."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = HttpResponse(body, content_type=JSONFeedWriter.content_type)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = (
        f"private, max-age={PARTNER_MAX_AGE}"
        if private
        else f"public, max-age={PUBLIC_MAX_AGE}"
    )
    patch_vary_headers(response, ["Authorization"])
    response["Content-Length"] = str(len(body))
    conditional = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    if request.method == "HEAD" and conditional is response:
        response.content = b""
    return conditional
