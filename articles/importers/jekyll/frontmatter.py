"""Front matter: split a post, read its YAML, clean its values, sort its keys.

Values are read with PyYAML's BaseLoader (limits.NoAliasLoader: no aliases), so
every scalar stays the string the author typed (a YouTube id never turns into a
number, "58" stays "58") and the cleaners below decide what each one means.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

import nh3
import yaml
from django.utils import timezone

from .errors import PostError
from .limits import load_yaml

LANGUAGES = {"english": "en", "khmer": "km"}
FOLDERS = {code: folder for folder, code in LANGUAGES.items()}

# Keys with a home: a column, a related record, or the pairing itself.
APPLIED_KEYS = {
    "title", "summary", "date", "language", "layout", "categories", "byline",
    "metrics-byline", "image", "cutline", "credit", "alt", "window_image",
    "mugshot", "dateline", "location", "map_pin", "coordinates", "translation",
    "note", "youtube", "persona", "name-english", "age", "occupation", "party",
    "tag", "status",
}  # fmt: skip
# Keys kept per language in ImportedPost.options (export writes them back);
# tagline, link-project, lede, ledeVideo and title-homepage are applied too.
OPTION_KEYS = {
    "thumbnail", "image-square", "tagline", "lede", "link-project", "twitter",
    "hidePromos", "title-homepage", "ledeVideo",
}  # fmt: skip
KNOWN_KEYS = APPLIED_KEYS | OPTION_KEYS
DISABLED_SUFFIXES = ("OLD", "Old", "old", "X", "x")

# The block may be empty ("---\n---"), as Jekyll allows.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S
)
_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


@dataclass
class FrontMatter:
    data: dict
    body: str


def split_post(path, text):
    """`text` -> FrontMatter(mapping of str, body) or PostError in plain words."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise PostError(path, "the file does not start with a '---' front matter block")
    try:
        data = load_yaml(match.group(1) or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise PostError(
            path, f"the front matter is not valid YAML{where}: {problem}"
        ) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PostError(path, "the front matter is not a list of 'key: value' lines")
    return FrontMatter(data=data, body=text[match.end() :].replace("\r\n", "\n"))


def classify_key(key):
    """'applied', 'option', 'disabled' (creditX, youtubeOLD…) or 'unknown'."""
    if key in APPLIED_KEYS:
        return "applied"
    if key in OPTION_KEYS:
        return "option"
    for suffix in DISABLED_SUFFIXES:
        if key.endswith(suffix) and key[: -len(suffix)] in KNOWN_KEYS:
            return "disabled"
    return "unknown"


def file_slug_and_date(filename):
    """'2018-07-20-government-leans.md' -> ('government-leans', date(2018, 7, 20))."""
    stem = filename.rsplit(".", 1)[0]
    match = _DATE_PREFIX.match(stem)
    if not match:
        return stem, None
    year, month, day, slug = match.groups()
    try:
        return slug, date(int(year), int(month), int(day))
    except ValueError:
        return slug, None


# --- value cleaners ---------------------------------------------------------
# Each returns (value, warning or None); a PostError means the post is unusable.


def text(value):
    """A scalar as text; lists (a YAML slip) are joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(text(v) for v in value)
    if isinstance(value, dict):
        return ""
    return str(value)


_PATH_VALUE = re.compile(r"^\s*[\"']?([^\s\"';]+)")


def image_ref(value):
    """'/img/x.jpg";' -> ('/img/x.jpg', warning): stray characters are dropped."""
    raw = text(value).strip()
    match = _PATH_VALUE.match(raw)
    if not match:
        return "", (
            f"image value {raw!r} is not a path or URL; ignored" if raw else None
        )
    cleaned = match.group(1)
    if cleaned != raw:
        return cleaned, f"cleaned image value {raw!r} to {cleaned!r}"
    return cleaned, None


def coordinates(path, value):
    """'11.556062, 104.936943' -> (Decimal lat, Decimal lon); out of range fails."""
    raw = text(value).strip()
    if not raw:
        return None, None
    parts = [p for p in re.split(r"[,\s;]+", raw) if p]
    try:
        lat, lon = (Decimal(p) for p in parts)
    except (ValueError, InvalidOperation) as error:
        raise PostError(
            path, f"coordinates {raw!r} are not 'latitude, longitude' numbers"
        ) from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise PostError(
            path,
            f"coordinates {raw!r} are out of range (latitude must be between -90 "
            "and 90, longitude between -180 and 180)",
        )
    quantum = Decimal("0.000001")
    return lat.quantize(quantum), lon.quantize(quantum)


def to_ascii_digits(raw):
    """Khmer digits (០–៩) and other Unicode digits read as 0–9."""
    return "".join(
        str(unicodedata.digit(ch)) if unicodedata.digit(ch, None) is not None else ch
        for ch in raw
    )


def age(value):
    raw = text(value).strip()
    if not raw:
        return None, None
    digits = to_ascii_digits(raw)
    if digits.isdigit() and 0 < int(digits) < 130:
        return int(digits), None
    return None, f"age {raw!r} is not a number of years; kept in raw metadata"


def publication_time(path, value, fallback):
    """(aware datetime, warning or None): the post's date, else the file name's.

    A `date` that is not a date falls back to the file name's with a warning,
    so the report says which value was not used.
    """
    raw = text(value).strip()
    when = warning = None
    if raw:
        candidate = raw.replace(" ", "T", 1) if len(raw) > 10 else raw
        candidate = re.sub(r"\s*([+-]\d{2}):?(\d{2})$", r"\1:\2", candidate)
        try:
            when = datetime.fromisoformat(candidate)
        except ValueError as error:
            if fallback is None:
                raise PostError(path, f"date {raw!r} is not a date") from error
            warning = f"date {raw!r} is not a date; the file name's date is used"
    if when is None:
        if fallback is None:
            raise PostError(path, "the post has no date (front matter or file name)")
        when = fallback
    if isinstance(when, date) and not isinstance(when, datetime):
        when = datetime.combine(when, time())
    if timezone.is_naive(when):
        when = timezone.make_aware(when, timezone.get_default_timezone())
    return when, warning


# Credits: "Samrang Pring | Reuters", "(Sun Narin | VOA Khmer)", "Sun Narin/VOA Khmer".
_CREDIT_SEPARATORS = (re.compile(r"\s*\|\s*"), re.compile(r"\s*/\s*"))


def credit(value):
    """A credit line -> (photographer, source); one part alone is the photographer."""
    raw = " ".join(text(value).split())
    if raw.startswith("(") and raw.endswith(")"):
        raw = raw[1:-1].strip()
    if not raw:
        return "", ""
    for separator in _CREDIT_SEPARATORS:
        if "://" in raw:
            break
        parts = [p for p in separator.split(raw) if p]
        if len(parts) == 2:
            return parts[0], parts[1]
        if len(parts) > 2:
            return " | ".join(parts[:-1]), parts[-1]
    return raw, ""


def caption(value):
    """Captions are plain text on the site: tags such as <em> are dropped."""
    value = text(value)
    if "<" in value:
        value = html.unescape(nh3.clean(value, tags=set()))
    return value.strip()
