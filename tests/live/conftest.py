import pytest
from django.core.cache import cache

from articles.models import Layout
from tests.factories import ArticleFactory
from tests.live.support import khmer_paragraphs


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
    return khmer_paragraphs(voa_fixtures)
