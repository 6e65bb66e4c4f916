"""Turning body placeholders into figures, pullquotes and videos for one story.

The handlers take only the story's prefetched placements and pullquotes, so
expanding a body never queries the database.
"""

import unicodedata
from urllib.parse import urlsplit

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from articles.labels import label, tag_url
from articles.languages import localized
from articles.locator import locator_context
from articles.rendering import EmbedContext, expand_embeds
from articles.youtube import video_id


def embed_number(args):
    try:
        return int(args.get("_", [None])[0])
    except (TypeError, ValueError, IndexError):
        return None


def photo_figure_context(placement, language):
    photo = placement.photo
    caption = (
        localized(placement, "caption", language)
        or localized(photo, "cutline", language)
        or ""
    )
    return {
        "placement": placement,
        "photo": photo,
        "kind": placement.kind,
        "caption": caption,
        "credit": photo.credit_line,
        "alt": localized(photo, "alt_text", language) or caption,
    }


def render_photo(name, args, context):
    placement = context.data["placements"].get(embed_number(args))
    if placement is None:
        return ""
    context.data["used_placements"].add(placement.pk)
    return render_to_string(
        "articles/embeds/photo.html", photo_figure_context(placement, context.language)
    )


def render_pullquote(name, args, context):
    pullquote = context.data["pullquotes"].get(embed_number(args))
    if pullquote is None:
        return ""
    return render_to_string(
        "articles/embeds/pullquote.html",
        {
            "text": localized(pullquote, "text", context.language),
            "attribution": localized(pullquote, "attribution", context.language),
        },
    )


def embed_youtube_id(args):
    """The video of `[[video youtube=ID]]` or `[[video ID]]` (or its address), or ""."""
    return video_id(args.get("youtube") or next(iter(args.get("_", [])), ""))


def render_video(name, args, context):
    youtube_id = embed_youtube_id(args)
    if not youtube_id:
        return ""
    return render_to_string(
        "articles/embeds/video.html",
        {
            "youtube_id": youtube_id,
            "caption": args.get("caption", ""),
            "size": args.get("size", "normal"),
            "play_label": label("play_video", context.language),
        },
    )


def render_map(name, args, context):
    """The locator, as on the page: nothing when there is neither pin nor label."""
    locator = context.data["locator"]
    if not (locator["pin"] or locator["label"]):
        return ""
    return render_to_string("articles/embeds/map.html", locator)


def render_mugshot(name, args, context):
    """A head shot with the person's name and a one-line description."""
    placement = context.data["placements"].get(embed_number(args))
    if placement is not None:
        context.data["used_placements"].add(placement.pk)
    return render_to_string(
        "articles/embeds/mugshot.html",
        {
            "photo": placement.photo if placement else None,
            "name": args.get("name", ""),
            "cutline": args.get("cutline", ""),
        },
    )


# What a browser drops from a link before reading it (WHATWG URL parsing):
# leading and trailing C0 controls and spaces, and every tab and newline.
_URL_EDGES = "".join(map(chr, range(0x21)))
_URL_TABS_AND_NEWLINES = str.maketrans("", "", "\t\n\r")


def safe_link(url):
    """Only web links and paths on this site leave an embed; anything else is "".

    The link is read as a browser reads it first (so `java\nscript:` is
    `javascript:`); then a path must not name another host once backslashes
    count as slashes (`/\\evil.example`, `//evil`), per Django's redirect check.
    `/%5Cevil` stays: browsers do not decode it, it is a path on this site.
    """
    url = (url or "").strip(_URL_EDGES).translate(_URL_TABS_AND_NEWLINES)
    if any(unicodedata.category(char) == "Cc" for char in url):
        return ""
    if url.startswith("/"):
        return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None) else ""
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return url
    return ""


def render_editors_note(name, args, context):
    return render_to_string(
        "articles/embeds/editors_note.html",
        {
            "hedline": args.get("hedline", ""),
            "text": args.get("text", ""),
            "link": safe_link(args.get("link")),
        },
    )


def render_related_videos(name, args, context):
    """A heading in the page's language (the archive's label is always the
    English "Related videos") and a link to the videos of the tag."""
    tag = args.get("tag", "")
    return render_to_string(
        "articles/embeds/related_videos.html",
        {
            "label": label("related_videos", context.language),
            "more": label("more_videos", context.language),
            "tag_url": tag_url(tag, context.language) if tag else "",
        },
    )


def render_include(name, args, context):
    """An archive include the site has no block for: named, never executed."""
    include = next(iter(args.get("_", [])), "")
    return format_html(
        '<div class="embed embed--generic" data-embed="include" data-include="{}">'
        "</div>",
        include,
    )


def render_generic(name, args, context):
    """Unknown embeds keep their name in the markup and show nothing unsafe."""
    return format_html('<div class="embed embed--generic" data-embed="{}"></div>', name)


HANDLERS = {
    "photo": render_photo,
    "pullquote": render_pullquote,
    "video": render_video,
    "map": render_map,
    "mugshot": render_mugshot,
    "editors-note": render_editors_note,
    "related-videos": render_related_videos,
    "include": render_include,
    "generic": render_generic,
}


def render_body(article, language, handlers=HANDLERS, body_html=None):
    """The story's body in `language`, embeds expanded, ready for the template.

    Inline photos that the body never places are appended after it, so that an
    editor's placement is never silently dropped from the page. Feeds pass
    their own `handlers` (rights-aware photos, no map) and a pre-filtered
    `body_html`; leftovers go through the same photo handler. An unsaved story
    (the editor's preview of a new one) has no parts yet.
    """
    saved = article.pk is not None
    placements = list(article.placements.all()) if saved else []
    dateline = localized(article, "dateline", language)
    context = EmbedContext(
        language=language,
        handlers=handlers,
        dateline_html=format_html('<span class="dateline">{}</span>', dateline)
        if dateline
        else "",
        data={
            "placements": {p.position: p for p in placements},
            "pullquotes": {q.position: q for q in article.pullquotes.all()}
            if saved
            else {},
            "used_placements": set(),
            "locator": locator_context(article, language),
        },
    )
    if body_html is None:
        body_html = localized(article, "body_html", language)
    html = expand_embeds(body_html, context)
    leftovers = [
        handlers["photo"]("photo", {"_": [str(placement.position)]}, context)
        for placement in placements
        if placement.pk not in context.data["used_placements"]
        and placement.kind not in ("hero", "mugshot")
    ]
    return mark_safe(html + "".join(leftovers))  # noqa: S308 - sanitised + templates
