"""`/<lang>/live/<story>/entries.json?since=…`: what pollers ask every few seconds.

A poll whose If-None-Match names the story's current state costs one query
(presentation.story_state) and answers 304; behind the page cache it is a
cache read. `since` is the answer's cursor, `c<change number>` (changes
after it, edits included): change numbers commit in order
(live.services.next_change), so following `next` misses nothing. An entry
id (entries after it) or an RFC 3339 time (entries changed after it, read two
seconds early) are accepted for a one-off catch-up, not for following: they
come from before commit and can miss an entry committed out of order.
Answers hold the first page of entries (presentation.PAGE_SIZE), as the
story page does.
"""

import json
import re
from datetime import timedelta

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.decorators import decorator_from_middleware
from django.utils.http import urlencode
from django.utils.timezone import is_naive
from django.views.decorators.http import require_safe

from articles.languages import current_language
from articles.models import Article, Layout
from articles.page_cache import cache_public_page, content_version
from live import presentation
from live.models import LiveEntry
from live.presentation import (
    change_cursor,
    entries_for_page,
    render_entry,
    state_etag,
    story_state,
)

OVERLAP = timedelta(seconds=2)
ANSWER_SECONDS = 60
CACHE_CONTROL = "no-cache"  # browsers and proxies revalidate: the ETag answers


class BadSince(ValueError):
    pass


ENTRY_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits, within a 64-bit key
CHANGE = re.compile(r"c([0-9]{1,18})")


def parse_since(value):
    """{"change__gt": n}, {"pk__gt": id} or {"updated_at__gt": time}; {} without."""
    if value is None or value == "":
        return {}
    if match := CHANGE.fullmatch(value):
        return {"change__gt": int(match[1])}
    if ENTRY_ID.fullmatch(value):
        return {"pk__gt": int(value)}
    try:
        moment = parse_datetime(value)
        if moment is not None and not is_naive(moment):
            return {"updated_at__gt": moment - OVERLAP}
    except (ValueError, OverflowError):
        pass
    raise BadSince(
        "since must be an answer's cursor (e.g. c42), an entry id or a time "
        "with its offset, e.g. 2018-07-29T20:15:00+07:00."
    )


def plain_error(status, message):
    response = JsonResponse({"error": message}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def first_page_ids(story_id, language):
    return list(
        LiveEntry.objects.of_story(story_id)
        .in_language(language)
        .in_reading_order()
        .values_list("pk", flat=True)[: presentation.PAGE_SIZE]
    )


@require_safe
def live_story(request, story_id):
    """/<lang>/live/<story>/: a short address for the story's own page."""
    story = (
        Article.objects.published(current_language())
        .filter(pk=story_id, layout=Layout.LIVE)
        .select_related("section")
        .first()
    )
    if story is None:
        raise Http404("No live story is published at this address.")
    return redirect(story.get_absolute_url(current_language()))


@require_safe
def entries_json(request, story_id):
    language = current_language()
    try:
        since = parse_since(request.GET.get("since"))
    except BadSince as bad:
        return plain_error(400, str(bad))
    state = story_state(story_id, language)
    if state is None:
        return plain_error(404, "No live story is published at this address.")
    etag = state_etag(story_id, language, state)
    unchanged = HttpResponse(status=200)
    unchanged["ETag"] = etag
    conditional = get_conditional_response(request, etag=etag, response=unchanged)
    if conditional is not unchanged:
        conditional["Cache-Control"] = CACHE_CONTROL
        return conditional
    # Every reader up to date asks with the same `since` after a post: the
    # first renders the answer, the others read it (the key names the state
    # and the content version, so it is never stale).
    key = f"live:entries:{content_version()}:{etag}:{request.get_full_path()}"
    body = cache.get(key)
    if body is None:
        body = changes_since(story_id, language, since, state)
        cache.set(key, body, ANSWER_SECONDS)
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def changes_since(story_id, language, since, state):
    """The JSON answer: the first page's changed entries, its order, the cursor.

    The cursor is the state's change number, read before the entries: every
    change up to it had committed then, so the entries (read after) hold them
    all; a change committed in between comes again next time (the page
    replaces an entry it has by id and change number).
    """
    last, _count = state
    order = first_page_ids(story_id, language)
    changed = entries_for_page(story_id, language).filter(pk__in=order, **since)
    entries = [
        {
            "id": entry.pk,
            "change": entry.change,
            "pinned": entry.pinned,
            "updated_at": entry.updated_at.isoformat(),
            "html": render_entry(entry, language),
        }
        for entry in changed
    ]
    cursor = change_cursor(last)
    path = reverse("live:entries", kwargs={"story_id": story_id})
    answer = {
        "story": story_id,
        "language": language,
        "entries": entries,
        "order": order,
        "cursor": cursor,
        "next": f"{path}?{urlencode({'since': cursor})}",
    }
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()


# Outermost, so a copy from the page cache answers 304 too.
entries_json = decorator_from_middleware(ConditionalGetMiddleware)(
    cache_public_page(entries_json)
)
