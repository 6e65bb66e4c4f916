"""The offline locator: the outline and projection agree with real places; the page
shows the map once, and nothing without a place."""

import pytest
from bs4 import BeautifulSoup

from articles.locator import CAMBODIA_OUTLINE, HEIGHT, WIDTH, project
from tests.factories import ArticleFactory


def inside(point, polygon):
    """Ray casting: is (x, y) inside the polygon?"""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


OUTLINE = [project(lon, lat) for lon, lat in CAMBODIA_OUTLINE]


@pytest.mark.parametrize(
    ("place", "latitude", "longitude"),
    [
        ("Phnom Penh", 11.556062, 104.936943),
        ("Siem Reap", 13.3633, 103.8564),
        ("Battambang", 13.0957, 103.2022),
        ("Kampot", 10.6104, 104.1815),
        ("Stung Treng", 13.5259, 105.9683),
        ("Sen Monorom", 12.4558, 107.1881),
        ("Koh Kong", 11.6153, 102.9838),
    ],
)
def test_provincial_towns_fall_inside_the_outline(place, latitude, longitude):
    assert inside(project(longitude, latitude), OUTLINE), place


@pytest.mark.parametrize(
    ("place", "latitude", "longitude"),
    [
        ("Bangkok", 13.7563, 100.5018),
        ("Ho Chi Minh City", 10.8231, 106.6297),
        ("Pakse, Laos", 15.1202, 105.7990),
    ],
)
def test_neighbouring_cities_do_not(place, latitude, longitude):
    point = project(longitude, latitude)
    assert point is None or not inside(point, OUTLINE), place


def test_projection_keeps_north_up_and_west_left():
    west, north = project(103.0, 14.0)
    east, south = project(107.0, 11.0)
    assert west < east
    assert north < south
    assert 0 <= west <= WIDTH and 0 <= south <= HEIGHT


@pytest.mark.django_db
def test_map_embed_without_coordinates_or_label_renders_nothing(client):
    article = ArticleFactory(
        published=True, body_en="Text.\n\n[[map]]\n\nMore.", map_pin_en=""
    )
    assert (article.latitude, article.location_name) == (None, "")
    page = BeautifulSoup(
        client.get(article.get_absolute_url("en")).content, "html.parser"
    )
    assert page.select("figure.locator") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "inside_body"),
    [("Text.\n\n[[map]]\n\nMore.", True), ("Text.\n\nMore.", False)],
)
def test_the_locator_is_shown_once(client, body, inside_body):
    """Where the body places it ({% include map.html %}), else after the body."""
    article = ArticleFactory(
        published=True,
        body_en=body,
        latitude="11.556062",
        longitude="104.936943",
        map_pin_en="Phnom Penh",
    )
    page = BeautifulSoup(
        client.get(article.get_absolute_url("en")).content, "html.parser"
    )
    assert len(page.select("figure.locator")) == 1
    assert len(page.select(".post__body figure.locator")) == int(inside_body)
