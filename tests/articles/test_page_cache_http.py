"""The page cache over HTTP: served before sessions, strong ETags, 304s."""

import gzip
from contextlib import nullcontext

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory

from articles.page_cache import (
    CACHEABLE,
    bump_content_version,
    lookup,
    store,
    strong_etag,
)
from tests.factories import ArticleFactory
from workflow.corrections import add_correction

pytestmark = pytest.mark.django_db

CORRECTION = "An earlier version misstated the number of polling stations."


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_DATA_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story():
    return ArticleFactory(published=True, title_en="Counting continues")


def test_cached_page_keeps_every_header_and_runs_no_view(
    client, story, django_assert_num_queries
):
    url = story.get_absolute_url("en")
    fresh = client.get(url)
    with django_assert_num_queries(0):
        cached = client.get(url)
    assert cached.content == fresh.content
    for header in (
        "ETag",
        "Content-Language",
        "X-Frame-Options",
        "Content-Security-Policy",
        "X-Content-Type-Options",
    ):
        assert cached[header] == fresh[header], header
    assert int(cached["Content-Length"]) == len(fresh.content)
    assert not cached.cookies


def test_anonymous_reader_with_a_session_cookie_gets_the_cached_copy(
    story, django_assert_max_num_queries, settings
):
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    url = story.get_absolute_url("en")
    first = reader.get(url)
    with django_assert_max_num_queries(1):  # at most the session lookup
        again = reader.get(url)
    assert again.content == first.content


@pytest.mark.parametrize("cached", [True, False], ids=["page cache", "no cache"])
@pytest.mark.parametrize("page", ["story", "front"])
def test_pages_send_a_strong_etag_and_answer_revalidation_with_304(
    client, story, settings, django_assert_num_queries, cached, page
):
    settings.PAGE_CACHE_SECONDS = settings.PAGE_DATA_SECONDS = 300 if cached else 0
    url = story.get_absolute_url("en") if page == "story" else "/en/"
    response = client.get(url)
    etag = response["ETag"]
    assert etag.startswith('"') and not etag.startswith('W/"')
    with django_assert_num_queries(0) if cached else nullcontext():
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304
    assert revalidated["ETag"] == etag
    assert revalidated.content == b""
    other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content == response.content


def test_etag_changes_with_the_story(client, story, django_capture_on_commit_callbacks):
    url = story.get_absolute_url("en")
    before = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        add_correction(story, "en", "correction", CORRECTION)
    after = client.get(url, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before
    assert CORRECTION in after.content.decode()


def test_head_gets_headers_without_a_body(client, story):
    url = story.get_absolute_url("en")
    body = client.get(url).content
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert int(head["Content-Length"]) == len(body)


def test_editors_pages_are_never_stored_for_readers(editor):
    story = ArticleFactory(published=True, title_en="Public headline")
    url = story.get_absolute_url("en")
    editor_client = Client()
    editor_client.force_login(editor)
    editor_client.get(url)
    assert not [key for key in cache._cache if "newsroom:page:" in key]


def test_a_cached_page_is_sent_compressed_once_to_readers_who_accept_gzip(
    client, story, django_assert_num_queries
):
    url = story.get_absolute_url("en")
    fresh = client.get(url)
    with django_assert_num_queries(0):
        packed = client.get(url, headers={"Accept-Encoding": "br, gzip, deflate"})
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == fresh.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(fresh.content)
    assert "Accept-Encoding" in packed["Vary"]
    # Other bytes, another strong validator; each revalidates on its own.
    assert packed["ETag"] != fresh["ETag"]
    again = client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
    )
    assert again.status_code == 304 and again["ETag"] == packed["ETag"]
    plain = client.get(url)
    assert "Content-Encoding" not in plain and plain.content == fresh.content
    assert "Accept-Encoding" in plain["Vary"]


def test_a_reader_holding_the_gzip_copy_gets_a_304_after_an_unrelated_change(
    client, story
):
    url = story.get_absolute_url("en")
    client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    bump_content_version()  # something else changed: the page is built again
    again = client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
    )
    assert again.status_code == 304 and again["ETag"] == packed["ETag"]
    assert "Accept-Encoding" in again["Vary"]


def test_a_page_too_short_to_compress_is_served_from_the_cache_to_every_reader():
    request = RequestFactory().get("/en/short/", HTTP_ACCEPT_ENCODING="gzip")
    version, page = lookup(request)
    assert page is None
    short = HttpResponse("<p>Polls close at 15:00.</p>")
    short["ETag"] = strong_etag(short.content)
    setattr(short, CACHEABLE, version)
    store(request, short)
    for encoding in ("gzip", "identity"):
        ask = RequestFactory().get("/en/short/", HTTP_ACCEPT_ENCODING=encoding)
        _version, page = lookup(ask)
        assert page.response.content == short.content
        assert "Content-Encoding" not in page.response
        assert "Vary" not in page.response
