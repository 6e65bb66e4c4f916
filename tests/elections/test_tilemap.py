"""The tile-grid map: one square per province, none sharing a place."""

from elections import tilemap


def test_every_square_has_its_own_place_on_the_grid():
    assert len(tilemap.GRID) == 25
    assert len(set(tilemap.GRID.values())) == 25


def test_squares_are_whole_numbers_inside_the_frame():
    for slug in tilemap.GRID:
        square = tilemap.tile(slug)
        assert all(isinstance(v, int) for v in square.values())
        assert square["x"] >= 0 and square["x"] + square["size"] <= tilemap.WIDTH
        assert square["y"] >= 0 and square["y"] + square["size"] <= tilemap.HEIGHT
    assert tilemap.tile("atlantis") is None


def test_text_colour_reads_on_the_party_colour():
    assert tilemap.ink_for("#1f4e9c") == "#ffffff"  # on CPP blue
    assert tilemap.ink_for("#e6e6e6") == "#000000"  # on the tie grey
