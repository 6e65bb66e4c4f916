"""Caption, credit and rights written into a photo by cameras and agencies.

Three standards say the same things in different places. Each is read into
the same five fields through a declarative table; the first standard that
has a value wins, in the order XMP (Unicode by definition), IPTC IIM, EXIF.
Every value is also listed with the tag it came from, repeated and
multi-valued tags included, because rights.py looks for agencies in all of them.
Pillow does the parsing (XMP through defusedxml); nothing here touches Django.
"""

from datetime import datetime

from PIL import Image, IptcImagePlugin

FIELDS = ("cutline", "credit", "source", "copyright", "date_taken")

# (field, IIM dataset, tag name) — IPTC IIM record 2.
IPTC_MAP = (
    ("cutline", (2, 120), "Caption/Abstract"),
    ("credit", (2, 80), "By-line"),
    ("source", (2, 110), "Credit"),
    ("source", (2, 115), "Source"),
    ("copyright", (2, 116), "Copyright Notice"),
    ("date_taken", (2, 55), "Date Created"),  # CCYYMMDD
)
# (field, XMP property local name, tag name) — dc: and photoshop: namespaces.
XMP_MAP = (
    ("cutline", "description", "dc:description"),
    ("credit", "creator", "dc:creator"),
    ("source", "Credit", "photoshop:Credit"),
    ("source", "Source", "photoshop:Source"),
    ("copyright", "rights", "dc:rights"),
    ("date_taken", "DateCreated", "photoshop:DateCreated"),
)
# (field, EXIF tag, in the Exif sub-IFD?, tag name)
EXIF_MAP = (
    ("cutline", 0x010E, False, "ImageDescription"),
    ("credit", 0x013B, False, "Artist"),
    ("copyright", 0x8298, False, "Copyright"),
    ("date_taken", 0x9003, True, "DateTimeOriginal"),
)
EXIF_IFD = 0x8769


def read_metadata(fileobj):
    """{"fields": {field: value}, "found": [{"field", "value", "standard", "tag"}]}.

    `fields` holds the winning value of each field found; `found` lists every
    value read, so the admin can show the editor what the file said.
    """
    with Image.open(fileobj) as image:
        found = _read_xmp(image) + _read_iptc(image) + _read_exif(image)
    fields = {}
    for item in found:
        fields.setdefault(item["field"], item["value"])
    return {"fields": fields, "found": found}


def parse_date(value):
    """A naive datetime from the date forms the three standards use, or None."""
    text = (value or "").strip()
    for pattern, length in (
        ("%Y:%m:%d %H:%M:%S", 19),  # EXIF
        ("%Y-%m-%dT%H:%M:%S", 19),  # XMP, offset dropped
        ("%Y-%m-%dT%H:%M", 16),
        ("%Y-%m-%d", 10),
        ("%Y%m%d", 8),  # IIM
    ):
        try:
            return datetime.strptime(text[:length], pattern)  # noqa: DTZ007
        except ValueError:
            continue
    return None


def _clean(value):
    text = " ".join(str(value).replace("\x00", " ").split())
    return text or None


def _item(field, value, standard, tag):
    return {"field": field, "value": value, "standard": standard, "tag": tag}


def _decode(raw, utf8=True):
    if isinstance(raw, bytes):
        if utf8:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                pass
        return raw.decode("latin-1")
    return str(raw)


def _read_iptc(image):
    info = IptcImagePlugin.getiptcinfo(image) or {}
    # 1:90 holds ESC % G when the writer declared UTF-8; most modern tools write
    # UTF-8 without declaring it, so UTF-8 is tried first anyway.
    found = []
    for field, dataset, tag in IPTC_MAP:
        raw = info.get(dataset) or []  # a list when the dataset repeats
        for value in raw if isinstance(raw, list) else [raw]:
            text = _clean(_decode(value))
            if text:
                found.append(_item(field, text, "IPTC", tag))
    return found


def _xmp_texts(node):
    """Every text of an XMP value: plain, an rdf:Alt/Seq/Bag, or a lang item."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _xmp_texts(item)
    elif isinstance(node, dict):
        if "text" in node:
            yield node["text"]
        else:
            for key in ("Alt", "Seq", "Bag", "li"):
                if key in node:
                    yield from _xmp_texts(node[key])
                    break


def _read_xmp(image):
    try:
        xmp = image.getxmp()
    except (ValueError, SyntaxError):
        return []  # malformed XMP is ignored, the photo itself is fine
    descriptions = (
        ((xmp or {}).get("xmpmeta") or {}).get("RDF", {}).get("Description", [])
    )
    if isinstance(descriptions, dict):
        descriptions = [descriptions]
    found = []
    for field, name, tag in XMP_MAP:
        for description in descriptions:
            for text in _xmp_texts(description.get(name)):
                value = _clean(text)
                if value:
                    found.append(_item(field, value, "XMP", tag))
    return found


def _read_exif(image):
    exif = image.getexif()
    sub = exif.get_ifd(EXIF_IFD)
    found = []
    for field, number, in_sub, tag in EXIF_MAP:
        raw = (sub if in_sub else exif).get(number)
        value = _clean(_decode(raw)) if raw else None
        if value:
            found.append(_item(field, value, "EXIF", tag))
    return found
