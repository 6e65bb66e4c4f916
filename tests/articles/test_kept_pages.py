"""List pages and the front page keep what they show per content version.

With the page cache off (an editor's session cookie, or a desk that turns it
off) a kept page runs no query and is byte for byte the page built afresh.
"""

import pickle

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.events import EDITED, announce
from media_assets.models import Photo
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoPlacementFactory,
)
from tests.factories.frontpage import SeriesFactory, SeriesPartFactory
from tests.factories.people import QuoteFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/",
    "/km/",
    "/en/feature/",
    "/km/feature/",
    "/en/tags/development/",
    "/km/authors/sun-narin/",
    "/en/series/the-interview/",
]


@pytest.fixture
def site(warm_renditions):
    author = AuthorFactory(slug="sun-narin", display_name_km="ស៊ុន ណារិន")
    series = SeriesFactory(slug="the-interview")
    for number in range(3):
        article = ArticleFactory(
            published=True, title_en=f"Story {number}", title_km=KHMER_TITLE
        )
        article.tags.add("development")
        BylineFactory(article=article, author=author)
        PhotoPlacementFactory(article=article, kind="hero", position=1)
        SeriesPartFactory(article=article, series=series)
        QuoteFactory(source_story=article)
    warm_renditions()
    return article


def fresh(client, url, settings):
    settings.PAGE_DATA_SECONDS = 0
    try:
        return client.get(url).content
    finally:
        settings.PAGE_DATA_SECONDS = 300


@pytest.fixture
def kept(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_DATA_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_page_runs_no_query_and_is_the_fresh_page(
    client, settings, site, kept, url
):
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url)
    # Sessions and auth read nothing for a reader without a cookie.
    assert [q["sql"] for q in captured.captured_queries] == []
    assert second.content == first.content == fresh(client, url, settings)
    assert b"card__title" in second.content


def test_a_change_shows_on_kept_list_pages_at_once(
    client, site, kept, django_capture_on_commit_callbacks
):
    before = client.get("/en/feature/").content
    with django_capture_on_commit_callbacks(execute=True):
        site.title_en = "A corrected headline"
        site.save()
        announce(site, EDITED)
    after = client.get("/en/feature/").content
    assert b"A corrected headline" in after and after != before


def test_a_bad_page_number_is_a_404_and_nothing_is_kept(client, site, kept):
    assert client.get("/en/feature/?page=x").status_code == 404
    assert client.get("/en/feature/?page=9").status_code == 404


def test_a_kept_photo_brings_its_renditions_without_a_query(site):
    photo = Photo.objects.prefetch_related("renditions").get(
        pk=site.placements.get().photo_id
    )
    names = sorted(r.spec for r in photo.renditions.all())
    assert names
    loaded = pickle.loads(pickle.dumps(photo))  # noqa: S301 - our own bytes
    with CaptureQueriesContext(connection) as captured:
        assert sorted(r.spec for r in loaded.renditions.all()) == names
    assert captured.captured_queries == []
