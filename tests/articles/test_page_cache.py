"""Anonymous pages are cached until anything public changes, never longer."""

import pytest
from django.core.cache import cache
from django.test import Client

from articles.events import EDITED, announce
from articles.models import Article, Status
from articles.page_cache import CONTENT_VERSION_KEY, content_version
from articles.states import change_state
from tests.factories import ArticleFactory, PhotoPlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["page cache", "page data only"])
def page_cache(request, settings):
    """Every guarantee holds for the cached page and for the kept page data
    (articles.page_cache.for_readers) that a fresh render reads."""
    settings.PAGE_DATA_SECONDS = 300
    settings.PAGE_CACHE_SECONDS = 300 if request.param == "page cache" else 0
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_view_is_served_from_the_cache(
    client, django_assert_num_queries
):
    article = ArticleFactory(published=True, title_en="Cached headline")
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        response = client.get(url)
    assert "Cached headline" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda a: setattr(a, "title_en", "Corrected headline") or a.save(),
        lambda a: a.tags.add("recount"),
        lambda a: PhotoPlacementFactory(article=a, position=1),
    ],
    ids=["story saved", "tag added", "photo placed"],
)
def test_any_change_to_the_story_shows_at_once(
    client, django_capture_on_commit_callbacks, change
):
    article = ArticleFactory(published=True, title_en="First headline")
    url = article.get_absolute_url("en")
    before = client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        change(article)
        announce(article, EDITED)  # as the admin's save of a story and inlines
    assert client.get(url).content != before


def test_withdrawn_story_is_gone_at_once(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url("km")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        change_state(article, "km", Status.DRAFT)
    assert client.get(url).status_code == 404


def test_story_changed_bumps_the_version_a_bare_save_does_not(
    django_capture_on_commit_callbacks,
):
    article = ArticleFactory(published=True)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        article.save()  # nobody announced it: e.g. a script's own bookkeeping
    assert content_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        announce(article, EDITED)
    assert content_version() == before + 1


def test_signed_in_editors_always_get_a_fresh_page(editor):
    reader, editor_client = Client(), Client()
    editor_client.force_login(editor)
    article = ArticleFactory(published=True, title_en="Old")
    url = article.get_absolute_url("en")
    reader.get(url)  # fills the cache
    Article.objects.filter(pk=article.pk).update(title_en="New")  # no signals
    assert "Old" in reader.get(url).content.decode()
    assert "New" in editor_client.get(url).content.decode()


def test_not_found_is_not_cached(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(english_only=True)
    url = article.get_absolute_url("km")
    assert client.get(url).status_code == 404
    Article.objects.filter(pk=article.pk).update(
        status_km="published", published_at_km=article.published_at_en
    )
    assert client.get(url).status_code == 200


@pytest.fixture
def redis_cache(settings):
    """The page cache on a real Redis (db 15), as production runs it."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, db=15, socket_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis on 127.0.0.1:6379 ({error})")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    cache.clear()
    yield
    cache.clear()


def test_page_cache_on_redis_is_invalidated_by_a_save(
    client, redis_cache, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True, title_en="Before the recount")
    url = article.get_absolute_url("en")
    assert "Before the recount" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.title_en = "After the recount"
        article.save()
        announce(article, EDITED)
    assert "After the recount" in client.get(url).content.decode()


def test_a_lost_version_never_comes_back_to_an_older_one(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True, title_en="Before the count")
    url = article.get_absolute_url("en")
    client.get(url)  # kept under the current version
    old = content_version()
    cache.delete(CONTENT_VERSION_KEY)  # evicted, say
    assert content_version() > old
    Article.objects.filter(pk=article.pk).update(title_en="After the count")
    with django_capture_on_commit_callbacks(execute=True):
        announce(article, EDITED)
    assert "After the count" in client.get(url).content.decode()
