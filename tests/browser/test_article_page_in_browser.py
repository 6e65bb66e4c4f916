"""The public article page in a real browser, in English and in Khmer."""

import pytest

from articles.models import PhotoPlacement
from tests.browser.conftest import KHMER_FACES
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    uploaded_image,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def story():
    article = ArticleFactory(
        published=True, title_en="Civil servants campaign", title_km=KHMER_TITLE
    )
    PhotoPlacementFactory(
        article=article,
        position=1,
        kind=PhotoPlacement.Kind.HERO,
        photo=PhotoFactory(image=uploaded_image(size=(800, 450))),
    )
    return article


def open_article(visitor, article, language):
    reader = visitor()
    page = reader.page
    response = page.goto(article.get_absolute_url(language))
    assert response.status == 200
    hero = page.locator(".post__hero picture img")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=hero.element_handle()
    )
    return reader


def test_english_page_renders_with_its_hero_picture(visitor, story):
    reader = open_article(visitor, story, "en")
    assert reader.page.inner_text(".post__headline") == "Civil servants campaign"
    assert reader.page.locator(".post__hero picture").count() == 1
    reader.assert_clean()


def test_khmer_page_sets_the_headline_in_the_bundled_khmer_face(visitor, story):
    reader = open_article(visitor, story, "km")
    page = reader.page
    assert page.inner_text(".post__headline") == KHMER_TITLE
    assert page.locator(".post__hero picture").count() == 1
    font_family = page.eval_on_selector(
        ".post__headline", "h => getComputedStyle(h).fontFamily"
    )
    assert '"Newsroom Khmer"' in font_family
    assert "loaded" in page.evaluate(KHMER_FACES)
    reader.assert_clean()
