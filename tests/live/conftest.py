import pytest
from django.core.cache import cache

from articles.models import Layout
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story(db):
    """A live story published in both languages."""
    return ArticleFactory(
        layout=Layout.LIVE,
        published=True,
        slug="election-night",
        title_en="Election night, live",
        body_en="Results come in province by province.",
    )


@pytest.fixture
def khmer_lines(voa_fixtures):
    """Paragraphs of the archive's Khmer seed story, zero-width spaces and all."""
    post = (
        voa_fixtures / "khmer/_posts/2018-07-24-government-leans-on-civil-servants.md"
    )
    _empty, _front, body = post.read_text(encoding="utf-8").split("---\n", 2)
    return [
        line.strip()
        for line in body.split("\n\n")
        if line.strip() and not line.lstrip().startswith(("$", "{", "[", "<"))
    ]
