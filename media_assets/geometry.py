"""Photo geometry: which renditions a photo has and where each crop falls.

Plain Python on purpose (no Django, no Pillow): the arithmetic that decides
sizes and crop boxes is tested on its own, and both the generator and the
page markup derive the same rendition names from it.
"""

from dataclasses import dataclass

WIDTHS = (420, 640, 992, 1280, 1920)
FORMATS = ("webp", "jpeg")
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


@dataclass(frozen=True)
class Crop:
    """A named shape: `ratio` None keeps the photo's own proportions."""

    key: str
    ratio: tuple[int, int] | None
    widths: tuple[int, ...]


# Slots a page needs: hero and card share 16:9; square thumbnails and mugshots
# are shown small, so they stop at 640 pixels.
CROPS = {
    "original": Crop("orig", None, WIDTHS),
    "16:9": Crop("16x9", (16, 9), WIDTHS),
    "1:1": Crop("1x1", (1, 1), (420, 640)),
    "4:5": Crop("4x5", (4, 5), (420, 640)),
}
CROPS_BY_KEY = {crop.key: name for name, crop in CROPS.items()}


class SpecError(ValueError):
    """A rendition name that this module did not produce."""


@dataclass(frozen=True, order=True)
class RenditionSpec:
    """One rendition: a crop, a pixel width and a file format."""

    crop: str
    width: int
    fmt: str

    @property
    def name(self):
        return f"{CROPS[self.crop].key}-{self.width}.{self.fmt}"

    @classmethod
    def parse(cls, name):
        """`16x9-1280.webp` → RenditionSpec("16:9", 1280, "webp")."""
        try:
            stem, fmt = name.rsplit(".", 1)
            key, width = stem.split("-", 1)
            crop = CROPS_BY_KEY[key]
            width = int(width)
        except (KeyError, ValueError) as exc:
            raise SpecError(f"{name!r} is not a rendition name") from exc
        if fmt not in FORMATS or width <= 0:
            raise SpecError(f"{name!r} is not a rendition name")
        return cls(crop, width, fmt)


def clamp(value, low=0.0, high=1.0):
    return max(low, min(high, value))


def crop_size(width, height, ratio):
    """The largest (w, h) of proportions `ratio` that fits in width × height."""
    if ratio is None:
        return width, height
    ratio_w, ratio_h = ratio
    if width * ratio_h >= height * ratio_w:  # the photo is wider than the ratio
        return max(1, round(height * ratio_w / ratio_h)), height
    return width, max(1, round(width * ratio_h / ratio_w))


def crop_box(width, height, ratio, focal_x=0.5, focal_y=0.5):
    """(left, top, right, bottom) of the largest `ratio` box centred on the focal
    point, slid back inside the image where the centre would push it out.

    Because the box is as large as the image allows and only slides, the focal
    point is always inside it.
    """
    box_w, box_h = crop_size(width, height, ratio)
    centre_x = clamp(focal_x) * width
    centre_y = clamp(focal_y) * height
    left = round(clamp(centre_x - box_w / 2, 0, width - box_w))
    top = round(clamp(centre_y - box_h / 2, 0, height - box_h))
    return left, top, left + box_w, top + box_h


def plan_widths(available, widths=WIDTHS):
    """Widths to produce from `available` pixels: never wider than the source.

    A source narrower than the largest width adds its own width as the top
    size, so the best the file offers is still served.
    """
    if available <= 0:
        return []
    planned = [width for width in widths if width < available]
    if available <= max(widths):
        planned.append(available)
    else:
        planned.append(max(widths))
    return sorted(set(planned))


def scaled_height(box_width, box_height, width):
    return max(1, round(box_height * width / box_width))


def plan(width, height, crop="original"):
    """Every RenditionSpec a `width` × `height` photo gets for `crop`."""
    if not width or not height:
        return []
    box_w, _box_h = crop_size(width, height, CROPS[crop].ratio)
    return [
        RenditionSpec(crop, target, fmt)
        for target in plan_widths(box_w, CROPS[crop].widths)
        for fmt in FORMATS
    ]


def output_size(width, height, spec):
    """The pixel size of `spec` cut from a `width` × `height` photo."""
    box_w, box_h = crop_size(width, height, CROPS[spec.crop].ratio)
    return spec.width, scaled_height(box_w, box_h, spec.width)
