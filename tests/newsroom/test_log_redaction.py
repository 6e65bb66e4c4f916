"""Partner keys never reach a log line: gunicorn's access and error logs, Django's
request log and runserver's request lines (newsroom/log_redaction.py)."""

import io
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from gunicorn.config import Config

from newsroom.log_redaction import RedactKeys, redact
from syndication.partners import KEY_PREFIX
from tests.conftest import ROOT
from tests.syndication_support import clear_cache, make_partner

GUNICORN = Path(sys.executable).parent / "gunicorn"
FAKE_KEY = KEY_PREFIX + "Zx9" * 14 + "q"  # the shape of a real one, no database


def test_redact_masks_key_parameters_and_key_shaped_tokens():
    assert redact(f"GET /en/feed.json?limit=5&key={FAKE_KEY} HTTP/1.1") == (
        "GET /en/feed.json?limit=5&key=[redacted] HTTP/1.1"
    )
    assert redact("/en/feed.json?KEY=typed-by-hand&cursor=abc") == (
        "/en/feed.json?KEY=[redacted]&cursor=abc"
    )
    assert redact(f"/en/{FAKE_KEY}/x") == "/en/nrk_[redacted]/x"
    # Other parameters whose names end in "key" are not partner keys.
    assert redact("/admin/?monkey=1") == "/admin/?monkey=1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port, server, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited: {server.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start listening")


def test_gunicorn_access_log_of_the_project_config_never_shows_the_key(tmp_path):
    """The command line of `make run`, the Dockerfile and compose (see below)."""
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "gunicorn-test-" + "s" * 40,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    command = [str(GUNICORN), "newsroom.wsgi", "--config", "gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1"]
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_until_listening(port, server)
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz?key={FAKE_KEY}&limit=5",
            headers={"Referer": f"https://partner.example/feed?key={FAKE_KEY}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            assert response.status == 200
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    logs = out.decode() + err.decode()
    assert "GET /healthz?key=[redacted]&limit=5 HTTP/1.1" in logs
    assert "https://partner.example/feed?key=[redacted]" in logs
    assert FAKE_KEY not in logs


def test_every_launcher_runs_gunicorn_with_the_project_config():
    compose = (ROOT / "docker-compose.yml").read_text()
    for text in (ROOT / "Makefile").read_text(), (ROOT / "Dockerfile").read_text():
        assert "gunicorn.conf.py" in text
    assert "gunicorn newsroom.wsgi --config gunicorn.conf.py" in compose
    for text in (ROOT / "Makefile").read_text(), compose:
        assert "--access-logfile" not in text  # the config decides, with its logger


def test_gunicorn_error_log_masks_the_request_that_failed():
    """What a worker writes when a request raises: `Error handling request <uri>`."""
    config = Config()
    config.set("logger_class", "newsroom.log_redaction.GunicornLogger")
    stream = io.StringIO()
    gunicorn_log = config.logger_class(config)
    handler = logging.StreamHandler(stream)
    gunicorn_log.error_log.addHandler(handler)
    try:
        try:
            raise ValueError(f"bad cursor in /en/feed.json?key={FAKE_KEY}")
        except ValueError:
            gunicorn_log.exception(
                "Error handling request %s", f"/en/feed.json?key={FAKE_KEY}"
            )
    finally:
        gunicorn_log.error_log.removeHandler(handler)
    written = stream.getvalue()
    assert "Error handling request /en/feed.json?key=[redacted]" in written
    assert "ValueError: bad cursor" in written
    assert FAKE_KEY not in written


@pytest.fixture
def project_log():
    """What the project's console handler (settings.LOGGING) writes."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactKeys) for f in h.filters)
    ]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_django_request_log_of_a_refused_feed_request_never_shows_the_key(
    client, settings, project_log
):
    clear_cache()
    settings.SYNDICATION_RATE_LIMIT = (1, 60)
    _partner, key = make_partner()
    assert client.get("/en/feed.json", {"key": key}).status_code == 200
    assert client.get("/en/feed.json", {"key": key}).status_code == 429
    assert client.get(f"/en/no-such-page/{key}/", {"key": key}).status_code == 404
    written = project_log.getvalue()
    assert "Too Many Requests: /en/feed.json" in written
    assert "Not Found: /en/no-such-page/nrk_[redacted]/" in written
    assert key not in written


def test_runserver_request_lines_go_through_the_same_filter(project_log):
    """django.server (runserver) logs the request line with its query string."""
    logging.getLogger("django.server").info(
        '"%s" %s %s', f"GET /en/feed.json?key={FAKE_KEY} HTTP/1.1", "200", "512"
    )
    written = project_log.getvalue()
    assert '"GET /en/feed.json?key=[redacted] HTTP/1.1" 200 512' in written
    assert FAKE_KEY not in written
