"""Real image files made with Pillow for the photo desk's tests.

Metadata is written the way cameras and agency tools write it: EXIF through
Pillow, XMP as an XMP packet, IPTC IIM inside a Photoshop APP13 segment.
"""

import io
from xml.sax.saxutils import escape

from PIL import Image

EXIF_ORIENTATION = 0x0112
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
EXIF_DESCRIPTION = 0x010E
GPS_IFD = 0x8825


def jpeg(size=(64, 48), color=(200, 30, 30), exif=None, xmp=None, iptc=None, **kw):
    """JPEG bytes; `exif` maps tag → value, `iptc` maps (record, dataset) → str."""
    image = kw.pop("image", None) or Image.new("RGB", size, color)
    options = dict(kw)
    if exif:
        data = Image.Exif()
        for tag, value in exif.items():
            data[tag] = value
        options["exif"] = data.tobytes()
    if xmp:
        options["xmp"] = xmp_packet(**xmp)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + app13(iptc) + data[2:]
    return data


def marked_image(size=(400, 200)):
    """A grey image with a red block in its top-left corner, to see rotations."""
    image = Image.new("RGB", size, (128, 128, 128))
    image.paste((255, 0, 0), (0, 0, size[0] // 4, size[1] // 4))
    return image


def xmp_packet(description=None, creator=None, credit=None, rights=None, date=None):
    attributes = f' photoshop:Credit="{escape(credit)}"' if credit else ""
    if date:
        attributes += f' photoshop:DateCreated="{escape(date)}"'
    parts = []
    if description:
        parts.append(
            "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>"
            f"{escape(description)}</rdf:li></rdf:Alt></dc:description>"
        )
    if creator:
        parts.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(creator)}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if rights:
        parts.append(
            "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>"
            f"{escape(rights)}</rdf:li></rdf:Alt></dc:rights>"
        )
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"{attributes}>'
        + "".join(parts)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode("utf-8")


def app13(datasets):
    """A JPEG APP13 segment holding IPTC IIM datasets (UTF-8 declared)."""
    iim = b"\x1c\x01\x5a\x00\x03\x1b%G"  # 1:90 coded character set = UTF-8
    for (record, number), value in datasets.items():
        raw = value.encode("utf-8")
        iim += b"\x1c" + bytes([record, number]) + len(raw).to_bytes(2, "big") + raw
    resource = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim
    if len(iim) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def png(size=(64, 48), mode="RGBA", color=(0, 128, 0, 128)):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def animated_gif(frames=10, size=(32, 32)):
    images = [Image.new("RGB", size, (index * 20, 0, 0)) for index in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def bomb_png(size=(20_000, 20_000)):
    """A tiny PNG header declaring a huge picture (1-bit, so it compresses)."""
    buffer = io.BytesIO()
    Image.new("1", size, 0).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
