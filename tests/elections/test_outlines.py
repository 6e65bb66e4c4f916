"""The province outlines: decoded from the package's format, committed, complete."""

import json

import pytest
from django.core.management import CommandError, call_command

from elections import map_shapes, outlines, tilemap


def zigzag(value):
    return (value << 1) ^ (value >> 31)


def encode_ring(points, offset):
    """ECharts' UTF8Encoding of a ring, the inverse of what the module decodes."""
    text, (px, py) = "", offset
    for lon, lat in points:
        x, y = round(lon * outlines.ENCODE_SCALE), round(lat * outlines.ENCODE_SCALE)
        text += chr(zigzag(x - px) + 64) + chr(zigzag(y - py) + 64)
        px, py = x, y
    return text


def test_a_ring_decodes_to_its_coordinates():
    ring = [(104.9, 11.55), (104.95, 11.6), (104.85, 11.62), (104.9, 11.55)]
    offset = [round(104.9 * 1024), round(11.5 * 1024)]
    decoded = outlines.decode_ring(encode_ring(ring, offset), offset)
    flat = [number for point in decoded for number in point]
    assert flat == pytest.approx([n for point in ring for n in point], abs=1 / 1024)


def script_of(features, encoded=True):
    collection = {"type": "FeatureCollection", "features": features}
    if encoded:
        collection["UTF8Encoding"] = True
    return f"echarts.registerMap('柬埔寨', {json.dumps(collection)});"


def square(name, west, south, encoded=True):
    ring = [
        (west, south),
        (west + 0.3, south),
        (west + 0.3, south + 0.3),
        (west, south),
    ]
    if not encoded:
        coordinates = [[list(p) for p in ring]]
        return {
            "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": coordinates},
        }
    offset = [round(west * 1024), round(south * 1024)]
    geometry = {
        "type": "Polygon",
        "coordinates": [encode_ring(ring, offset)],
        "encodeOffsets": [offset],
    }
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


@pytest.mark.parametrize("encoded", [True, False])
def test_build_projects_every_province_into_the_view_box(encoded):
    features = [
        square("Tbong Khmum", 105.6, 11.8, encoded),
        square("Kep", 104.3, 10.5, encoded),
    ]
    built = outlines.build_outlines(
        script_of(features, encoded), {"tboung-khmum", "kep"}
    )
    assert set(built["provinces"]) == {"tboung-khmum", "kep"}
    for shape in built["provinces"].values():
        assert shape["d"].startswith("M") and shape["d"].endswith("Z")
        x, y = shape["label"]
        assert 0 <= x <= built["width"] and 0 <= y <= built["height"]
    # Kep lies south-west of Tbong Khmum: left of it and lower on the page.
    kep, tbong = (
        built["provinces"]["kep"]["label"],
        built["provinces"]["tboung-khmum"]["label"],
    )
    assert kep[0] < tbong[0] and kep[1] > tbong[1]


def test_a_missing_or_unknown_province_is_named():
    script = script_of([square("Kep", 104.3, 10.5), square("Atlantis", 104.0, 12.0)])
    with pytest.raises(
        outlines.OutlineError, match=r"missing: \['pailin'\]; unknown: \['atlantis'\]"
    ):
        outlines.build_outlines(script, {"kep", "pailin"})


def test_a_file_without_a_map_is_refused_in_plain_words(tmp_path):
    bad = tmp_path / "Cambodia.js"
    bad.write_text("console.log('no map here');", encoding="utf-8")
    with pytest.raises(CommandError, match="No echarts.registerMap"):
        call_command("build_province_map", str(bad), output=str(tmp_path / "out.json"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("build_province_map", str(tmp_path / "absent.js"))


def test_the_command_writes_what_the_page_reads(tmp_path):
    script = tmp_path / "Cambodia.js"
    names = {slug: slug.replace("-", " ").title() for slug in tilemap.GRID}
    names.update({"ratanak-kiri": "Ratanakiri Province", "tboung-khmum": "Tbong Khmum"})
    names.update({"banteay-meanchey": "Bantey Meanchey", "mondul-kiri": "Mondulkiri"})
    features = [
        square(name, 102.5 + (i % 5) * 1.0, 10.5 + (i // 5) * 0.8)
        for i, name in enumerate(names.values())
    ]
    script.write_text(script_of(features), encoding="utf-8")
    output = tmp_path / "outlines.json"
    call_command("build_province_map", str(script), output=str(output))
    written = json.loads(output.read_text(encoding="utf-8"))
    assert set(written["provinces"]) == set(tilemap.GRID)
    assert written["source"]["licence"] == "ODbL-1.0"


def test_the_committed_outlines_hold_the_25_provinces_inside_the_view_box():
    built = map_shapes.outlines()
    assert set(built["provinces"]) == set(tilemap.GRID)  # Tbong Khmum included
    assert built["source"] == outlines.SOURCE
    for slug, shape in built["provinces"].items():
        numbers = [
            float(n)
            for n in shape["d"]
            .replace("M", " ")
            .replace("L", " ")
            .replace("Z", " ")
            .replace(",", " ")
            .split()
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0 and max(xs) <= built["width"], slug
        assert min(ys) >= 0 and max(ys) <= built["height"], slug
    # Small enough to send inline on every results page.
    assert map_shapes.OUTLINES_FILE.stat().st_size < 40_000
