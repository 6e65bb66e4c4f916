"""A photo's alt text, per language and separate from its cutline, is what the
story page's <img alt> says; an empty one falls back to the caption."""

import pytest
from bs4 import BeautifulSoup

from articles.models import PhotoPlacement
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory

pytestmark = pytest.mark.django_db

# From the archive sample: khmer/_posts/2013-01-01-quote-nou-sari.md
KHMER_ALT = "នូ សារី កសិករ នៅ ឃុំទូូកមាសខាងលិច ខេត្តកំពត"


@pytest.fixture
def story():
    article = ArticleFactory(published=True, body_en="Text.\n\n[[photo 2]]")
    hero = PhotoFactory(
        cutline_en="Nou Sari in Kampot",
        cutline_km="នូ សារី",
        alt_text_en="A farmer in a straw hat stands before rice fields",
        alt_text_km=KHMER_ALT,
    )
    PhotoPlacementFactory(
        article=article, photo=hero, position=1, kind=PhotoPlacement.Kind.HERO
    )
    inline = PhotoFactory(cutline_en="Voters queue", cutline_km="អ្នកបោះឆ្នោត")
    PhotoPlacementFactory(article=article, photo=inline, position=2)
    return article


def alts(client, article, language):
    page = client.get(article.get_absolute_url(language))
    soup = BeautifulSoup(page.content, "html.parser")
    return [img["alt"] for img in soup.select("picture img")]


def test_each_language_gets_its_own_alt_text(client, story):
    assert alts(client, story, "en") == [
        "A farmer in a straw hat stands before rice fields",
        "Voters queue",  # no alt text: the cutline
    ]
    assert alts(client, story, "km") == [KHMER_ALT, "អ្នកបោះឆ្នោត"]


def test_the_photo_form_has_alt_text_per_language_beside_the_cutline(editor_client):
    photo = PhotoFactory(alt_text_km=KHMER_ALT)
    data = form_data(editor_client.get(change_url(photo)), "photo_form")
    assert {"alt_text_en", "alt_text_km", "cutline_en", "cutline_km"} <= set(data)
    assert data["alt_text_km"] == KHMER_ALT
