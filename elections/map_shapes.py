"""The committed province outlines (elections/data/province_outlines.json).

Built by `manage.py build_province_map` (elections/outlines.py) from a
licensed package; read once per process. No Django models here.
"""

import json
from functools import cache
from pathlib import Path

OUTLINES_FILE = Path(__file__).resolve().parent / "data" / "province_outlines.json"
# Below this area (viewBox units²) a province is too small for a label: its
# link's title, the key and the table by province still name its leader.
LABEL_MIN_AREA = 2600


@cache
def outlines():
    """{"width", "height", "source", "provinces": {slug: {d, label, area}}}, or None."""
    try:
        return json.loads(OUTLINES_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def shape(slug):
    """{d, x, y, labelled} of a province's outline; None without one."""
    built = outlines()
    if built is None or slug not in built["provinces"]:
        return None
    province = built["provinces"][slug]
    x, y = province["label"]
    return {
        "d": province["d"],
        "x": x,
        "y": y,
        "labelled": province["area"] >= LABEL_MIN_AREA,
    }
