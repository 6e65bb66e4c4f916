"""Liquid includes -> shortcodes: a table from include name to its handler.

A handler returns the shortcode line, or None when the include cannot become
its own shortcode (a photo that is missing, a video without an id); it is
then kept as `[[include name …]]`, which the export writes back unchanged.
"""

from articles.youtube import video_id

from . import frontmatter as fm
from .placements import PHOTO_ARGS, PHOTO_INCLUDES
from .shortcodes import shortcode

VIDEO_INCLUDES = {"video.html": "", "video-large.html": "large"}
MAP_INCLUDES = {"map.html": "", "map-trigger.html": "trigger"}


def _photo(body, language, post, include):
    placement = body.photos.include(language, post, include)
    if placement is None:
        return None
    body.report.embeds[include.name.removesuffix(".html")] += 1
    extras = [(k, v) for k, v in include.args if k not in PHOTO_ARGS]
    name = PHOTO_INCLUDES[include.name].shortcode
    return shortcode(name, [placement.position], extras)


def _video(body, language, post, include):
    youtube = video_id(include.arg("youtube"))
    if not youtube:
        body.report.warn(post.source_path, f"{include.name} without a YouTube id; kept")
        return None
    body.report.embeds["video"] += 1
    size = VIDEO_INCLUDES[include.name]
    out = [("youtube", youtube)]
    if include.arg("caption"):
        out.append(("caption", fm.caption(include.arg("caption"))))
    out += [("size", size)] if size else []
    out += [(k, v) for k, v in include.args if k not in ("youtube", "caption", "size")]
    return shortcode("video", args=out)


def _map(body, language, post, include):
    body.report.embeds["map"] += 1
    variant = MAP_INCLUDES[include.name]
    args = ([("variant", variant)] if variant else []) + list(include.args)
    return shortcode("map", args=args)


def _renamed(name):
    """An include that becomes the shortcode `name` with the same arguments."""

    def handler(body, language, post, include):
        body.report.embeds[name] += 1
        return shortcode(name, args=list(include.args))

    return handler


HANDLERS = {
    **dict.fromkeys(PHOTO_INCLUDES, _photo),
    **dict.fromkeys(VIDEO_INCLUDES, _video),
    **dict.fromkeys(MAP_INCLUDES, _map),
    "promo-video.html": _renamed("related-videos"),
    "editors-note.html": _renamed("editors-note"),
}


def include_line(body, language, post, include):
    """The shortcode line for `include`; `body` has the story's photos and report."""
    handler = HANDLERS.get(include.name)
    line = handler(body, language, post, include) if handler else None
    if line is None:
        body.report.embeds[f"include {include.name}"] += 1
        line = shortcode("include", [include.name], list(include.args))
    return line
