"""The JSON feed over HTTP: caching headers, HEAD, methods, bad parameters."""

import pytest

from tests.factories import ArticleFactory
from tests.syndication_support import bearer

pytestmark = pytest.mark.django_db


def test_conditional_get_answers_304(client):
    ArticleFactory(published=True)
    first = client.get("/en/feed.json")
    assert first["Cache-Control"].startswith("public")
    assert "Authorization" in first["Vary"]
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/en/feed.json", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = client.get("/en/feed.json", HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304
    ArticleFactory(published=True)
    changed = client.get("/en/feed.json", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_keyed_feed_is_private(client, key):
    ArticleFactory(published=True)
    response = client.get("/en/feed.json", **bearer(key))
    assert response["Cache-Control"].startswith("private")
    assert "Authorization" in response["Vary"]
    repeat = client.get(
        "/en/feed.json", HTTP_IF_NONE_MATCH=response["ETag"], **bearer(key)
    )
    assert repeat.status_code == 304


def test_head_has_headers_and_no_body(client):
    ArticleFactory(published=True)
    get = client.get("/en/feed.json")
    head = client.head("/en/feed.json")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_post_is_refused(client):
    assert client.post("/en/feed.json").status_code == 405


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2018-07-20"}, "since"),
        ({"since": "2018-07-20T08:00:00"}, "since"),
        ({"since": "2018-13-40T08:00:00Z"}, "since"),
        ({"since": "9999-12-31T23:59:59-14:00"}, "since"),  # past year 9999 in UTC
        ({"since": "0001-01-01T00:00:00+14:00"}, "since"),  # before year 1 in UTC
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": ""}, "cursor"),
    ],
)
def test_malformed_parameters_answer_400(client, params, parameter):
    response = client.get("/en/feed.json", params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["error"]
