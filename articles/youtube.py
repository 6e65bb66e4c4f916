"""YouTube video ids: the one parser for bare ids and YouTube addresses.

An id is exactly 11 characters of [A-Za-z0-9_-]. Addresses are read with
urllib.parse: youtube.com/watch?v=ID, youtu.be/ID, youtube.com/embed/ID,
youtube.com/shorts/ID and youtube-nocookie.com/embed/ID (http or https, an
optional trailing slash). Anything else is not a video. Used by the article
model's validator, the importer, body embeds and the partner feed.
"""

import re
from urllib.parse import parse_qs, urlsplit

ID_PATTERN = r"\A[A-Za-z0-9_-]{11}\Z"
_ID = re.compile(ID_PATTERN)
_YOUTUBE = {"youtube.com", "www.youtube.com", "m.youtube.com"}
_NOCOOKIE = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
_SHORT = {"youtu.be"}
# host -> the path prefixes whose next segment is the id
_PATH_PREFIXES = {
    **dict.fromkeys(_YOUTUBE, ("/embed/", "/shorts/")),
    **dict.fromkeys(_NOCOOKIE, ("/embed/",)),
    **dict.fromkeys(_SHORT, ("/",)),
}


def _an_id(value):
    return value if _ID.fullmatch(value) else ""


def video_id(value):
    """The 11-character id in a bare id or a YouTube address, else ""."""
    value = (value or "").strip()
    if _ID.fullmatch(value):
        return value
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:  # a malformed port or IPv6 host
        return ""
    host = (parts.hostname or "").lower()
    if (
        parts.scheme.lower() not in ("http", "https")
        or parts.username is not None
        or port is not None
        or host not in _PATH_PREFIXES
    ):
        return ""
    path = parts.path.removesuffix("/")
    if host in _YOUTUBE and path == "/watch":
        found = parse_qs(parts.query).get("v", [])
        return _an_id(found[0]) if len(found) == 1 else ""
    for prefix in _PATH_PREFIXES[host]:
        if path.startswith(prefix):
            return _an_id(path[len(prefix) :])
    return ""
