"""The partner JSON feed endpoint: errors become HTTP answers here, at the edge."""

import hashlib
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.languages import language_label
from articles.models import Article
from syndication import pagination, partners, ratelimit
from syndication.jsonfeed import ArticleJSONFeed, JSONFeedWriter, modified_at
from syndication.models import Tombstone

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


def base_url(request):
    return request.build_absolute_uri("/")


@require_safe
def json_feed(request):
    language = (get_language() or "en")[:2]
    plain = presented_key(request)
    key = None
    if plain is not None:
        key = partners.authenticate(plain)
        if key is None:
            response = error(401, "The API key is missing, invalid or revoked.")
            response["WWW-Authenticate"] = 'Bearer realm="feed"'
            return response
        verdict = ratelimit.hit(key.pk)
        if not verdict.allowed:
            response = error(429, "Too many requests for this key; slow down.")
            response["Retry-After"] = str(verdict.retry_after)
            return response
        if language not in key.partner.languages:
            return error(
                403,
                f"This key may not read the {language_label(language, 'en')} feed.",
            )
    try:
        limit = pagination.parse_limit(request.GET.get("limit"))
        since = request.GET.get("since")
        cursor = request.GET.get("cursor")
        if cursor is not None:
            position = pagination.decode(cursor)
        elif since is not None:
            position = pagination.since_position(pagination.parse_since(since))
        else:
            position = None
    except pagination.BadParameter as bad:
        return error(400, str(bad), parameter=bad.parameter)

    feed = ArticleJSONFeed(language, base_url(request), full=key is not None)
    stories = Article.objects.published(language).for_page()
    # A story withdrawn and later public again (e.g. rescheduled) is live:
    # its old tombstone must not follow it into a partner's sync.
    tombstones = Tombstone.objects.filter(language=language).exclude(
        article_id__in=Article.objects.published(language).values("pk")
    )
    if key is not None:
        section_ids = list(key.partner.sections.values_list("pk", flat=True))
        if section_ids:
            stories = stories.filter(section_id__in=section_ids)
            tombstones = tombstones.filter(section_id__in=section_ids)

    if position is not None and position.mode == pagination.SYNC:
        entries = pagination.sync_page(stories, tombstones, language, position, limit)
        page, more = entries[:limit], len(entries) > limit
        items = [
            feed.item(obj) if kind == pagination.LIVE else feed.tombstone(obj)
            for _when, kind, _pk, obj in page
        ]
        last = page[-1] if page else None
        next_position = (
            pagination.Position(pagination.SYNC, *last[:3]) if last else None
        )
        changed = [when for when, *_rest in page]
    else:
        articles = pagination.latest_page(stories, language, position, limit)
        page, more = articles[:limit], len(articles) > limit
        items = [feed.item(article) for article in page]
        next_position = pagination.latest_position(page[-1], language) if page else None
        changed = [modified_at(article, language) for article in page]

    next_url = None
    if more:
        query = {"cursor": pagination.encode(next_position), "limit": limit}
        if request.GET.get("key"):
            query["key"] = request.GET["key"]
        next_url = f"{feed.feed_url()}?{urlencode(query)}"
    body = JSONFeedWriter().write(feed.feed(items, next_url=next_url))
    return respond(request, body, max(changed, default=None), private=key is not None)


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
