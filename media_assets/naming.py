"""The names stored photo files get, and the one type each is served as.

An upload's own name never reaches storage: `poly.html` that is a PNG is
stored as photos/ab/ab12….png (SHA-256 of the bytes, extension of the format
Pillow detects) and served as image/png, so no upload can choose how a
browser treats it.
"""

import hashlib
import warnings

from PIL import Image, UnidentifiedImageError

from media_assets.validation import ACCEPTED_FORMATS

# Content the validators would refuse; it is named so that it is never served.
UNSERVED_EXTENSION = "bin"

# Every extension the media folder serves and its type: the extensions of
# ACCEPTED_FORMATS and renditions, plus .jpeg/.tiff that older uploads kept.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


def content_hash(fileobj):
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def detected_extension(fileobj):
    """The stored extension for the format Pillow finds in `fileobj`'s bytes."""
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(fileobj) as probe:
                image_format = probe.format
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError):
        image_format = None
    finally:
        fileobj.seek(0)
    return ACCEPTED_FORMATS.get(image_format, UNSERVED_EXTENSION)


def stored_name(fileobj):
    """'<sha256>.<extension>' for the bytes of `fileobj`, whatever it was called."""
    return f"{content_hash(fileobj)}.{detected_extension(fileobj)}"
