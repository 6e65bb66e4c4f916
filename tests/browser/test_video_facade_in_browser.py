"""A video asks YouTube for nothing until the reader clicks it (articles/video.js)."""

import pytest

from articles.models import Layout
from tests.factories import KHMER_TITLE, ArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_clicking_the_facade_loads_the_privacy_enhanced_player(visitor):
    story = ArticleFactory(
        published=True,
        layout=Layout.POST_VIDEO,
        youtube_id="e3JxFw03tco",
        title_km=KHMER_TITLE,
    )
    reader = visitor()
    assert reader.page.goto(story.get_absolute_url("km")).status == 200
    reader.page.wait_for_load_state("networkidle")
    assert reader.foreign == []
    facade = reader.page.locator("a.video__facade")
    assert facade.inner_text() == "ចាក់វីដេអូ"
    facade.click()
    player = reader.page.locator(".video__frame iframe")
    assert player.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/e3JxFw03tco?autoplay=1"
    )
    assert reader.page.locator("a.video__facade").count() == 0
    # The player's own request is the only one that left the site (aborted here).
    reader.page.wait_for_timeout(200)
    assert all("youtube-nocookie.com" in url for url in reader.foreign)
    assert reader.errors == [] and reader.blocked == []
