"""With a task worker, pages never wait for renditions and pick them up once made."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from media_assets.models import Photo, Rendition
from media_assets.tasks import generate_renditions
from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory
from tests.photo_files import jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def story_with_unrendered_photo():
    article = ArticleFactory(published=True)
    photo = PhotoFactory(image=SimpleUploadedFile("hero.jpg", jpeg((900, 600))))
    PhotoPlacementFactory(article=article, photo=photo, kind="hero", position=1)
    Photo.objects.update(width=900, height=600)
    return article, photo


def hero_img(client, article):
    response = client.get(article.get_absolute_url("en"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("picture img")


def test_with_a_worker_the_page_shows_the_original_and_makes_nothing(
    client, worker_backend, story_with_unrendered_photo
):
    article, photo = story_with_unrendered_photo
    img = hero_img(client, article)
    assert img["src"] == photo.image.url
    assert not img.get("srcset")
    assert img["width"] == "900"
    assert not Rendition.objects.exists()


@pytest.mark.parametrize("page_cache", [300, 0], ids=["page cache", "page data"])
def test_renditions_the_worker_makes_show_at_once(
    client,
    settings,
    worker_backend,
    story_with_unrendered_photo,
    django_capture_on_commit_callbacks,
    page_cache,
):
    settings.PAGE_CACHE_SECONDS, settings.PAGE_DATA_SECONDS = page_cache, 300
    cache.clear()
    article, photo = story_with_unrendered_photo
    assert not hero_img(client, article).get("srcset")
    with django_capture_on_commit_callbacks(execute=True):
        assert generate_renditions.call(photo.pk) > 0
    img = hero_img(client, article)
    assert img.get("srcset")
    assert img["src"] != photo.image.url
    cache.clear()


def test_renditions_a_request_makes_are_made_once(
    client,
    settings,
    story_with_unrendered_photo,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_DATA_SECONDS = 300  # no worker: the request makes them
    cache.clear()
    article, _photo = story_with_unrendered_photo
    with django_capture_on_commit_callbacks(execute=True):
        first = hero_img(client, article)
    made = set(Rendition.objects.values_list("pk", flat=True))
    assert first.get("srcset") and made
    assert hero_img(client, article) == first  # rebuilt once, with them
    with django_assert_num_queries(0):  # then kept: nothing made, nothing read
        assert hero_img(client, article) == first
    assert set(Rendition.objects.values_list("pk", flat=True)) == made
    cache.clear()
