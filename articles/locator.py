"""An offline locator map: Cambodia's outline as SVG with the story's pin.

No tile server: the outline is a simplified polygon (about 5 km accuracy,
enough to tell Phnom Penh from Siem Reap) and the pin is projected with an
equirectangular projection over the country's bounding box.
"""

from decimal import Decimal

from articles.dates import khmer_digits
from articles.languages import localized

# (longitude, latitude) pairs, clockwise from the north-west.
CAMBODIA_OUTLINE = (
    (102.35, 13.57), (102.57, 13.95), (102.93, 14.23), (103.45, 14.37),
    (103.96, 14.35), (104.45, 14.37), (104.80, 14.42), (105.20, 14.34),
    (105.55, 14.15), (106.00, 14.36), (106.25, 14.47), (106.55, 14.58),
    (106.85, 14.30), (107.20, 14.43), (107.55, 14.69), (107.48, 14.20),
    (107.61, 13.75), (107.47, 13.20), (107.60, 12.55), (107.52, 12.30),
    (106.95, 12.06), (106.45, 11.95), (106.02, 11.77), (105.86, 11.30),
    (106.19, 11.05), (105.93, 10.85), (105.43, 10.95), (105.10, 10.92),
    (104.80, 10.72), (104.45, 10.42), (104.05, 10.50), (103.62, 10.53),
    (103.52, 10.63), (103.25, 10.90), (103.12, 11.22), (102.92, 11.60),
    (102.91, 11.74), (102.75, 12.05), (102.50, 12.40), (102.78, 12.65),
    (102.50, 13.00), (102.33, 13.30),
)  # fmt: skip
WEST, EAST, SOUTH, NORTH = 102.2, 107.8, 10.3, 14.8
WIDTH = 320
HEIGHT = round(WIDTH * (NORTH - SOUTH) / (EAST - WEST))


def project(longitude, latitude):
    """(lon, lat) -> (x, y) in the SVG's viewBox; None outside the map frame."""
    longitude, latitude = float(longitude), float(latitude)
    if not (WEST <= longitude <= EAST and SOUTH <= latitude <= NORTH):
        return None
    x = (longitude - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


OUTLINE_POINTS = " ".join(
    "{},{}".format(*project(lon, lat)) for lon, lat in CAMBODIA_OUTLINE
)


def format_coordinate(value, positive, negative, language="en"):
    value = Decimal(value)
    hemisphere = positive if value >= 0 else negative
    number = f"{abs(value):.4f}"
    return f"{khmer_digits(number) if language == 'km' else number}° {hemisphere}"


def locator_context(article, language):
    """Template context for the locator; `pin` is None without coordinates.

    The place is `language`'s own, else the other language's (Article.place_in).
    """
    name, latitude, longitude = article.place_in(language)
    has_point = latitude is not None and longitude is not None
    pin = project(longitude, latitude) if has_point else None
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "outline": OUTLINE_POINTS,
        "pin": pin,
        "label": localized(article, "map_pin", language) or name,
        "latitude": latitude,
        "longitude": longitude,
        "coordinates": (
            f"{format_coordinate(latitude, 'N', 'S', language)}, "
            f"{format_coordinate(longitude, 'E', 'W', language)}"
            if has_point
            else ""
        ),
    }
