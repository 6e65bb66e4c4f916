"""A tile-grid map of Cambodia's provinces: one square each, placed by centroid.

No province outlines ship with the project: the only shapes at hand (the
archive repository's data/cambodia-commune.json) are not part of the sample
the project may use, and their licence is unknown. So each province is a
labelled square on a grid, placed from its centroid (computed once from those
shapes and rounded to the grid by hand, so neighbours stay neighbours). Pure
Python: the positions and the SVG geometry, no Django.
"""

# slug -> (column, row), row 0 in the north.
GRID = {
    "banteay-meanchey": (1, 0),
    "oddar-meanchey": (2, 0),
    "preah-vihear": (3, 0),
    "stung-treng": (4, 0),
    "ratanak-kiri": (5, 0),
    "pailin": (0, 1),
    "battambang": (1, 1),
    "siem-reap": (2, 1),
    "kampong-thom": (3, 1),
    "kratie": (4, 1),
    "mondul-kiri": (5, 1),
    "pursat": (1, 2),
    "kampong-chhnang": (2, 2),
    "kampong-cham": (3, 2),
    "tboung-khmum": (4, 2),
    "koh-kong": (1, 3),
    "kampong-speu": (2, 3),
    "phnom-penh": (3, 3),
    "prey-veng": (4, 3),
    "svay-rieng": (5, 3),
    "preah-sihanouk": (1, 4),
    "kampot": (2, 4),
    "kandal": (3, 4),
    "kep": (2, 5),
    "takeo": (3, 5),
}
TILE = 100  # viewBox units per grid step
GAP = 4
COLUMNS = 1 + max(column for column, _row in GRID.values())
ROWS = 1 + max(row for _column, row in GRID.values())
WIDTH = COLUMNS * TILE
HEIGHT = ROWS * TILE


def tile(slug):
    """{x, y, size, cx, cy} of a province's square; None for one not on the grid."""
    if slug not in GRID:
        return None
    column, row = GRID[slug]
    size = TILE - GAP
    x, y = column * TILE + GAP // 2, row * TILE + GAP // 2
    # Whole numbers: templates localise floats ("2,0" on Khmer pages), SVG
    # attributes need plain lengths.
    return {"x": x, "y": y, "size": size, "cx": x + size // 2, "cy": y + size // 2}


def ink_for(colour):
    """Black or white text, whichever reads better on `colour` (#rrggbb)."""
    if not colour or len(colour) != 7:
        return "#000000"
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.299 * red + 0.587 * green + 0.114 * blue
    return "#000000" if luminance > 150 else "#ffffff"
