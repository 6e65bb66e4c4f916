"""Photo geometry as plain Python: no database, no images."""

import pytest

from media_assets.geometry import (
    CROPS,
    RenditionSpec,
    SpecError,
    crop_box,
    crop_size,
    output_size,
    plan,
    plan_widths,
)


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (6000, [420, 640, 992, 1280, 1920]),
        (1920, [420, 640, 992, 1280, 1920]),
        (1023, [420, 640, 992, 1023]),
        (800, [420, 640, 800]),
        (300, [300]),
        (0, []),
    ],
)
def test_widths_never_exceed_the_source(available, expected):
    assert plan_widths(available) == expected


@pytest.mark.parametrize(
    ("size", "ratio", "expected"),
    [
        ((6000, 4000), (16, 9), (6000, 3375)),
        ((4000, 6000), (16, 9), (4000, 2250)),
        ((6000, 4000), (1, 1), (4000, 4000)),
        ((6000, 4000), (4, 5), (3200, 4000)),
        ((6000, 4000), None, (6000, 4000)),
    ],
)
def test_crop_size_is_the_largest_box_of_the_ratio(size, ratio, expected):
    assert crop_size(*size, ratio) == expected


FOCAL_POINTS = [(0, 0), (1, 1), (0.5, 0.5), (0.05, 0.9), (0.97, 0.02), (0.3, 0.7)]
SIZES = [(6000, 4000), (4000, 6000), (1023, 682), (641, 1200), (500, 500)]


@pytest.mark.parametrize("focal", FOCAL_POINTS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("crop", ["16:9", "1:1", "4:5"])
def test_focal_point_stays_inside_the_crop(focal, size, crop):
    width, height = size
    left, top, right, bottom = crop_box(width, height, CROPS[crop].ratio, *focal)
    assert 0 <= left < right <= width
    assert 0 <= top < bottom <= height
    assert left <= focal[0] * width <= right
    assert top <= focal[1] * height <= bottom
    ratio_w, ratio_h = CROPS[crop].ratio
    assert abs((right - left) / (bottom - top) - ratio_w / ratio_h) < 0.01


def test_crop_centres_on_the_focal_point_when_there_is_room():
    # 6000×4000 at 1:1 leaves 2000 px to slide horizontally.
    assert crop_box(6000, 4000, (1, 1), 0.5, 0.5) == (1000, 0, 5000, 4000)
    assert crop_box(6000, 4000, (1, 1), 0.4, 0.5) == (400, 0, 4400, 4000)
    assert crop_box(6000, 4000, (1, 1), 0.0, 0.5) == (0, 0, 4000, 4000)


def test_spec_names_round_trip():
    for crop in CROPS:
        for spec in plan(6000, 4000, crop):
            assert RenditionSpec.parse(spec.name) == spec


@pytest.mark.parametrize(
    "name",
    ["", "16x9-1280", "9x9-640.webp", "orig-x.jpeg", "orig-0.webp", "orig-640.gif"],
)
def test_unknown_spec_names_are_refused(name):
    with pytest.raises(SpecError):
        RenditionSpec.parse(name)


def test_plan_covers_two_formats_and_small_crops_stop_at_640():
    names = [spec.name for spec in plan(6000, 4000, "4:5")]
    assert names == ["4x5-420.webp", "4x5-420.jpeg", "4x5-640.webp", "4x5-640.jpeg"]
    assert len(plan(6000, 4000, "original")) == 10
    assert plan(None, None) == []


def test_output_size_keeps_the_crop_proportions():
    assert output_size(6000, 4000, RenditionSpec("16:9", 1920, "jpeg")) == (1920, 1080)
    assert output_size(6000, 4000, RenditionSpec("original", 640, "webp")) == (640, 427)
    assert output_size(6000, 4000, RenditionSpec("4:5", 420, "webp")) == (420, 525)
