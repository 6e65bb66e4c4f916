"""Content-based checks for uploaded images.

A file is judged by what Pillow finds inside it, never by its name: an upload
has to open as a raster image, decode completely (truncated files fail), stay
under the byte and pixel limits (decompression bombs fail before decoding),
and be in a format the site serves.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "TIFF"}


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
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
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
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted. Upload a JPEG, PNG, WebP, "
            "GIF or TIFF photo.",
            code="unsupported_format",
            params={"format": image_format},
        )
