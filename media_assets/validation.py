"""Content-based checks for uploaded images.

A file is judged by what Pillow finds inside it, never by its name: an upload
has to open as a raster image, decode completely (truncated files fail), stay
under the byte and pixel limits (decompression bombs fail before decoding),
and be in a format the site serves; that format, not the name, also gives
the stored file its extension (naming.py). SVG is refused outright: it is a
document that can carry scripts, not a photo. Animated and multi-frame files
are refused beyond a few frames (cameras' MPO files carry two).
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

# The formats the site takes, each with the extension its files are stored
# under (naming.py): MPO is a JPEG with a second frame, browsers show it so.
ACCEPTED_FORMATS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "TIFF": "tif",
}
SVG_SIGNS = (b"<svg", b"<?xml", b"<!doctype svg")


def _looks_like_svg(upload):
    upload.seek(0)
    head = upload.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(SVG_SIGNS) or b"<svg" in head


def _human_pixels(count):
    return f"{count / 1_000_000:.0f} million pixels"


def validate_image_file(upload):
    """Raise ValidationError in plain words unless `upload` is a safe raster image."""
    if upload is None:
        return
    max_bytes = settings.PHOTO_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; the limit is %(limit)s. "
            "Export a smaller JPEG and upload that.",
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
        )
    max_pixels = settings.PHOTO_MAX_PIXELS
    max_frames = settings.PHOTO_MAX_FRAMES
    # Re-saving a stored photo (the admin's change form) hands over its
    # FieldFile, which Django opened and closed again to read the dimensions.
    reopened = bool(getattr(upload, "closed", False) and hasattr(upload, "open"))
    if reopened:
        upload.open("rb")
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        if _looks_like_svg(upload):
            raise ValidationError(
                "SVG drawings are not accepted in the photo library (they can "
                "carry scripts). Upload a JPEG, PNG or WebP export instead.",
                code="svg",
            )
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
                if width * height > max_pixels:
                    raise ValidationError(
                        "This image is %(width)s × %(height)s pixels "
                        "(%(pixels)s); the limit is %(limit)s.",
                        code="too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "pixels": _human_pixels(width * height),
                            "limit": _human_pixels(max_pixels),
                        },
                    )
                frames = getattr(probe, "n_frames", 1)
                if frames > max_frames:
                    raise ValidationError(
                        "This file holds %(frames)s frames (an animation or a "
                        "multi-page file); at most %(limit)s are accepted. "
                        "Upload a single still picture.",
                        code="too_many_frames",
                        params={"frames": frames, "limit": max_frames},
                    )
                if image_format == "JPEG":
                    # Decoding at 1/8 scale still reads every byte, so a
                    # truncated file fails, at a 64th of the memory.
                    probe.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                probe.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            "This image declares more pixels than the limit of %(limit)s "
            "and was refused as unsafe.",
            code="too_many_pixels",
            params={"limit": _human_pixels(max_pixels)},
        ) from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(
            "This file is not an image we can read. Upload a JPEG, PNG, WebP, "
            "GIF or TIFF photo.",
            code="not_an_image",
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            "This image is damaged or incomplete (it could not be fully "
            "decoded). Export it again and upload the new file.",
            code="damaged_image",
        ) from exc
    finally:
        upload.seek(position)
        if reopened:
            upload.close()
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted. Upload a JPEG, PNG, WebP, "
            "GIF or TIFF photo.",
            code="unsupported_format",
            params={"format": image_format},
        )
