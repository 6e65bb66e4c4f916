"""Responsive <picture> markup for a photo in a page slot.

Pages read renditions that a task generated earlier (prefetched with the
story, so no query per photo). When some are missing, the first photo of a
request is rendered synchronously (the request's budget) unless a task worker
runs; any further one falls back to its original file, so a page never waits
on more than one, and with a worker on none.
"""

import logging
import re
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings

from media_assets import geometry
from media_assets.renditions import create_renditions, planned_specs
from media_assets.signals import announce_change

logger = logging.getLogger(__name__)

SYNC_PER_REQUEST = 1


@dataclass(frozen=True)
class Slot:
    crop: str
    sizes: str
    eager: bool = False


SLOTS = {
    "hero": Slot("16:9", "100vw", eager=True),
    "card": Slot("16:9", "(min-width: 768px) 33vw, 100vw"),
    "square": Slot("1:1", "(min-width: 768px) 200px, 50vw"),
    "mugshot": Slot("4:5", "(min-width: 768px) 160px, 40vw"),
    "window": Slot("original", "100vw"),
    "large": Slot("original", "(min-width: 1280px) 1280px, 100vw"),
    "inline": Slot("original", "(min-width: 768px) 720px, 100vw"),
    "half": Slot("original", "(min-width: 768px) 360px, 50vw"),
}

# The archive's image server scales on request: ..._w1023_s.jpg → ..._w640_s.jpg
# gdb.voanews.com sizes by name: `…_w1023_s.jpg` (width only), and with a fixed
# frame `…_w1023_575_s.jpg` or `…_w1280_h720.jpg` (width and height).
GDB_URL = re.compile(
    r"^(?P<head>https://gdb\.voanews\.com/[^?#]+?_w)(?P<width>\d+)"
    r"(?:_(?P<hmark>h?)(?P<height>\d+))?"
    r"(?P<tail>(?:_s)?\.(?:jpe?g|png|webp))$",
    re.IGNORECASE,
)

_budget = ContextVar("rendition_budget", default=None)


def reset_budget(**kwargs):
    """request_started receiver: a fresh synchronous-generation budget.

    None when a task worker runs (any backend but the immediate one): then
    pages show the original until the worker's renditions exist.
    """
    immediate = settings.TASKS["default"]["BACKEND"].endswith(".ImmediateBackend")
    _budget.set([SYNC_PER_REQUEST if immediate else 0])


def _take_budget():
    budget = _budget.get()
    if budget and budget[0] > 0:
        budget[0] -= 1
        return True
    return False


def picture_context(photo, slot="inline", alt="", css_class=""):
    """Everything templates/media_assets/picture.html needs for `photo`."""
    chosen = SLOTS[slot]
    context = {
        "alt": alt or "",  # untranslated fields are None, never the text "None"
        "css_class": css_class,
        "sizes": chosen.sizes,
        "eager": chosen.eager,
        "src": photo.url,
        "srcset": "",
        "webp_srcset": "",
        "width": photo.width,
        "height": photo.height,
    }
    if photo.image:
        context.update(_local_sources(photo, chosen.crop))
    elif photo.source_url:
        context["srcset"] = remote_srcset(photo.source_url)
        if not context["width"]:
            context["width"], context["height"] = remote_size(photo.source_url)
    return context


def _local_sources(photo, crop):
    names = planned_specs(photo, [crop])
    found = {r.spec: r for r in photo.renditions.all() if r.spec in names}
    missing = [name for name in names if name not in found]
    if missing and _take_budget():
        try:
            made = create_renditions(photo, missing)
        except (OSError, ValueError):
            logger.exception("Renditions of photo %s could not be made", photo.pk)
        else:
            found.update(made)
            # As when the task makes them: pages kept with the original (and
            # their kept data, which lacks these rows) are rebuilt.
            announce_change(photo)
    by_format = {fmt: [] for fmt in geometry.FORMATS}
    for name in names:
        if name in found:
            spec = geometry.RenditionSpec.parse(name)
            by_format[spec.fmt].append(found[name])
    jpegs = by_format["jpeg"]
    if not jpegs or len(jpegs) < len(names) // len(geometry.FORMATS):
        return {}  # incomplete: the original, until the task has run
    middle = next((r for r in jpegs if r.width >= 992), jpegs[-1])
    return {
        "src": middle.url,
        "srcset": _srcset(jpegs),
        "webp_srcset": _srcset(by_format["webp"]),
        "width": jpegs[-1].width,
        "height": jpegs[-1].height,
    }


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def _gdb_name(match, width):
    if match["height"] is None:
        return f"{match['head']}{width}{match['tail']}"
    # A framed size keeps its aspect ratio at every width.
    height = round(int(match["height"]) * width / int(match["width"]))
    return f"{match['head']}{width}_{match['hmark']}{height}{match['tail']}"


def remote_srcset(url):
    """srcset for an archive URL in the gdb.voanews.com size convention, else ""."""
    match = GDB_URL.match(url)
    if not match:
        return ""
    return ", ".join(f"{_gdb_name(match, w)} {w}w" for w in geometry.WIDTHS)


def remote_size(url):
    """(width, height) a framed gdb URL names, so the page reserves its box."""
    match = GDB_URL.match(url)
    if not match or match["height"] is None:
        return None, None
    return int(match["width"]), int(match["height"])
