"""A partner key's last use is written at most once a minute, not per request."""

from datetime import timedelta

import pytest
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from syndication.models import PartnerKey
from syndication.partners import note_use
from tests.factories import ArticleFactory
from tests.syndication_support import bearer, clear_cache, make_partner

pytestmark = pytest.mark.django_db


def key_writes(client, key, requests):
    """UPDATEs of the key table during `requests` feed requests."""
    with CaptureQueriesContext(connection) as queries:
        for _ in range(requests):
            assert client.get("/en/feed.json", **bearer(key)).status_code == 200
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith("UPDATE") and "syndication_partnerkey" in q["sql"]
    ]


def test_thirty_requests_in_a_minute_write_the_last_use_once(client):
    clear_cache()
    ArticleFactory(published=True)
    _partner, key = make_partner()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert len(key_writes(client, key, 30)) == 1
    assert PartnerKey.objects.get().last_used_at == start
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        assert key_writes(client, key, 5) == []
    later = start + timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        assert len(key_writes(client, key, 5)) == 1
    assert PartnerKey.objects.get().last_used_at == later


def test_the_update_is_conditional_so_workers_write_it_once():
    """Two workers read the key before either wrote: the second UPDATE is void."""
    make_partner()
    first, second = (PartnerKey.objects.get() for _ in range(2))  # both: never used
    now = timezone.now()
    note_use(first, now)
    note_use(second, now + timedelta(seconds=1))
    assert PartnerKey.objects.get().last_used_at == now


def test_the_last_use_is_written_after_the_response_has_gone_out():
    """As a WSGI server does: the body is produced first, close() comes after."""
    clear_cache()
    ArticleFactory(published=True)
    _partner, key = make_partner()
    environ = RequestFactory().get("/en/feed.json", **bearer(key)).environ
    statuses = []
    # Like Django's test client: keep the test's connection open across the request.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = WSGIHandler()(environ, lambda st, _headers: statuses.append(st))
            body = b"".join(response)
            written_before_close = PartnerKey.objects.get().last_used_at
            response.close()  # the server has sent the body: request_finished
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert statuses == ["200 OK"] and b"content_html" in body
    assert written_before_close is None
    assert PartnerKey.objects.get().last_used_at is not None
    assert any(
        "syndication_partnerkey" in q["sql"]
        for q in queries
        if q["sql"].startswith("UPDATE")
    )
