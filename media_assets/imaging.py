"""Pillow operations for renditions; no models, no storage.

The original is decoded once (JPEG at a reduced DCT scale when the largest
rendition allows it), turned upright from its EXIF orientation, converted to
sRGB when it carries another ICC profile, then cut and scaled for each spec.
Outputs keep only the photographer and copyright notice from the metadata.
"""

import io

from PIL import Image, ImageCms, ImageOps

from media_assets.geometry import CROPS, crop_box, output_size

EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
JPEG_QUALITY = 82
WEBP_QUALITY = 80
PIL_FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}
_SRGB = ImageCms.createProfile("sRGB")


def open_upright(fileobj, largest_width=None, credit="", copyright_notice=""):
    """The photo decoded, upright and in RGB sRGB, plus its kept EXIF bytes.

    `largest_width` lets JPEG decoding skip detail no rendition will use.
    `credit` and `copyright_notice` (the library's values) fill in the EXIF
    tags the file lacks: agencies often write them in IPTC or XMP only.
    """
    image = Image.open(fileobj)
    kept_exif = _kept_exif(image, credit, copyright_notice)
    if largest_width and image.format == "JPEG":
        width, height = image.size
        image.draft("RGB", (largest_width, round(height * largest_width / width)))
    ImageOps.exif_transpose(image, in_place=True)  # no second full-size copy
    image = _to_srgb(image)
    return image, kept_exif


def upright_size(fileobj):
    """(width, height) as the photo is seen, i.e. after its EXIF orientation."""
    with Image.open(fileobj) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _kept_exif(image, credit="", copyright_notice=""):
    exif = image.getexif()
    kept = Image.Exif()
    for tag, fallback in ((EXIF_ARTIST, credit), (EXIF_COPYRIGHT, copyright_notice)):
        if exif.get(tag):
            kept[tag] = exif[tag]
        elif fallback:
            # Bytes are written as given: UTF-8 keeps "©" and Khmer intact,
            # where Pillow would turn a str's non-ASCII characters into "?".
            kept[tag] = fallback.encode()
    return kept.tobytes() if len(kept) else b""


def _to_srgb(image):
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    ):
        # Transparency is flattened onto white: JPEG has none, and one look
        # for both formats keeps the <picture> sources identical.
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode not in ("RGB", "CMYK"):
        image = image.convert("RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(
                image, source, _SRGB, renderingIntent=0, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: treat the pixels as sRGB, as browsers do
    return image.convert("RGB") if image.mode != "RGB" else image


def render_many(image, specs, focal=(0.5, 0.5), original_size=None, exif=b""):
    """Yield (spec, encoded bytes, (width, height)) for each spec.

    Each crop is cut once and each size scaled once for both formats.
    `original_size` is the full upright size the specs were planned on: when
    the image was decoded at a reduced scale the output sizes still match it.
    """
    width, height = image.size
    by_shape = {}
    for spec in specs:
        by_shape.setdefault((spec.crop, spec.width), []).append(spec)
    cuts = {}
    for (crop, _width), group in sorted(by_shape.items(), key=lambda item: -item[0][1]):
        if crop not in cuts:
            box = crop_box(width, height, CROPS[crop].ratio, *focal)
            cuts[crop] = image.crop(box) if box != (0, 0, width, height) else image
        target = output_size(*(original_size or image.size), group[0])
        scaled = cuts[crop]
        if scaled.size != target:
            scaled = scaled.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        for spec in group:
            yield spec, encode(scaled, spec.fmt, exif), target


def encode(image, fmt, exif=b""):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif else {}
    if fmt == "jpeg":
        options.update(quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        options.update(quality=WEBP_QUALITY, method=4)
    image.save(buffer, PIL_FORMATS[fmt], **options)
    return buffer.getvalue()
