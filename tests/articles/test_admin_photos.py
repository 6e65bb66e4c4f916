"""The story layer's photo library: the grid says how many stories use a photo."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory

pytestmark = pytest.mark.django_db


def test_the_grid_counts_the_stories_using_each_photo(editor_client):
    used = PhotoFactory(cutline_en="Voters in Kandal")
    PhotoFactory(cutline_en="Unused")
    for title in ("Ballots counted", "Turnout high"):
        PhotoPlacementFactory(article=ArticleFactory(title_en=title), photo=used)
    url = reverse("admin:media_assets_photo_changelist")
    editor_client.get(url, {"view": "grid"})
    response = editor_client.get(url)
    assert response.status_code == 200
    notes = {
        item.a.get_text(strip=True): item.select_one(".photo-grid__meta").get_text()
        for item in BeautifulSoup(response.content, "html.parser").select(
            ".photo-grid__item"
        )
    }
    assert notes["Voters in Kandal"].endswith(" · used in 2")
    assert "used in" not in notes["Unused"]
