"""64 readers polling a live story while an editor posts every 10 s (not a test).

    .venv/bin/python bench/live.py                 # 5 minutes, as the issue asks
    .venv/bin/python bench/live.py --seconds 60 --page-cache 300

`make run`'s embedded default: SQLite in a temporary folder, the diskcache
cache, gunicorn with two sync workers and gunicorn.conf.py. Each reader opens
the story page, then polls entries.json as live/static/live/live.js does
(If-None-Match and since=, every --interval seconds). An editor signed in to
the admin posts through the compact form every --post-every seconds. Printed:
answers by status (anything but 200/304 is an error), poll latency
percentiles, and how long each posted entry took to reach every reader.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="live-bench-"))
PORT = int(os.environ.get("BENCH_PORT", "18741"))
BASE = f"http://127.0.0.1:{PORT}"
ENV = {
    **os.environ,
    "SECRET_KEY": "bench-only-" + "y" * 40,
    "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}",
    "NEWSROOM_CACHE_DIR": str(WORK / "cache"),
    "NEWSROOM_PLAIN_STATIC": "1",
    "MEDIA_ROOT": str(WORK / "media"),
    "LOG_LEVEL": "WARNING",
}
ENV.pop("NEWSROOM_CACHE", None)
ENV.pop("REDIS_URL", None)
# A live story with 30 entries in both languages and a signed-in editor's
# session (printed: story id, session key).
SETUP = """
from django.contrib.auth import get_user_model, login
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils import timezone
from articles.models import Layout
from live.models import LiveEntry
from tests.factories import ArticleFactory
from tests.factories.live import LiveEntryFactory
story = ArticleFactory(layout=Layout.LIVE, published=True, slug="election-night")
for n in range(30):
    entry = LiveEntryFactory(story=story, pinned=n == 0)
    # Posted over the last hour, as on the night.
    when = timezone.now() - timezone.timedelta(minutes=2 * (30 - n))
    LiveEntry.objects.filter(pk=entry.pk).update(posted_at=when, updated_at=when)
editor = get_user_model().objects.create_superuser("bench", "b@example.org", "x")
request = RequestFactory().get("/")
request.session = SessionStore()
login(request, editor, backend="django.contrib.auth.backends.ModelBackend")
request.session.save()
print(story.pk, request.session.session_key)
"""
ENTRY_TEXT = re.compile(r"Bench entry (\d+)\.")


def fetch(opener, path, data=None, headers=None, timeout=30):
    """(status, headers, body); HTTP errors are answers, not exceptions."""
    body = urllib.parse.urlencode(data).encode() if data else None
    request = urllib.request.Request(BASE + path, body, headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


class Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer we look at


class Run:
    def __init__(self, story, options):
        self.story, self.options = story, options
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.answers = Counter()
        self.latencies = []
        self.posted = {}  # entry number -> time its post was answered
        self.seen = {}  # entry number -> [time each reader first had it]

    def note(self, status, seconds):
        with self.lock:
            self.answers[status] += 1
            self.latencies.append(seconds)

    def reader(self, page_path, delay):
        # Readers arrive over the first poll interval, not all at one instant.
        if self.done.wait(delay):
            return
        opener = urllib.request.build_opener()
        status, _headers, body = fetch(opener, page_path)
        self.note(status, 0)
        page = body.decode()
        endpoint = re.search(r'data-endpoint="([^"]+)"', page).group(1)
        cursor = re.search(r'data-cursor="([^"]*)"', page).group(1)
        etag = re.search(r'data-etag="([^"]+)"', page).group(1).replace("&quot;", '"')
        mine = set()
        while not self.done.is_set():
            path = endpoint + "?" + urllib.parse.urlencode({"since": cursor})
            started = time.monotonic()
            try:
                status, headers, body = fetch(
                    opener, path, headers={"If-None-Match": etag}
                )
            except OSError as error:
                status, body = type(error).__name__, b""
            self.note(status, time.monotonic() - started)
            if status == 200:
                data = json.loads(body)
                etag, cursor = headers["ETag"], data["cursor"]
                now = time.monotonic()
                for entry in data["entries"]:
                    for number in ENTRY_TEXT.findall(entry["html"]):
                        if number not in mine:
                            mine.add(number)
                            with self.lock:
                                self.seen.setdefault(number, []).append(now)
            self.done.wait(self.options.interval)

    def editor(self, session_key):
        opener = urllib.request.build_opener(Stay)
        form_path = f"/admin/live/liveentry/post/{self.story}/"
        number = 0
        while not self.done.wait(self.options.post_every):
            number += 1
            cookie = {"Cookie": f"sessionid={session_key}"}
            _status, headers, body = fetch(opener, form_path, headers=cookie)
            csrf = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            cookie["Cookie"] += f"; csrftoken={csrf.group(1)}"
            fields = {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "body_en": f"Bench entry {number}. Counting continues.",
                "body_km": f"Bench entry {number}. ការរាប់សន្លឹកឆ្នោតនៅតែបន្ត។",
            }
            status, _headers, _body = fetch(opener, form_path, fields, cookie)
            with self.lock:
                self.answers[f"post {status}"] += 1
                self.posted[str(number)] = time.monotonic()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(run, seconds, readers):
    polls = [s for s in run.latencies if s]
    errors = sum(
        n for status, n in run.answers.items() if status not in (200, 304, "post 302")
    )
    print(f"{readers} readers, {seconds:.0f} s, page cache {run.options.page_cache} s")
    print("answers:", dict(run.answers), f"errors: {errors}")
    shares = {"p50": 0.5, "p95": 0.95, "p99": 0.99, "max": 1}
    spread = ", ".join(
        f"{name} {percentile(polls, share) * 1000:.0f}"
        for name, share in shares.items()
    )
    print(f"polls: {len(polls)} ({len(polls) / seconds:.1f}/s), latency ms {spread}")
    delays = [
        when - run.posted[number]
        for number, times in run.seen.items()
        if number in run.posted
        for when in times
    ]
    complete = sum(len(run.seen.get(n, ())) == readers for n in run.posted)
    if delays:
        print(
            f"entries posted: {len(run.posted)}, reached every reader: {complete}; "
            f"post-to-reader s: median {statistics.median(delays):.2f}, "
            f"max {max(delays):.2f}"
        )
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300, help="how long to poll")
    parser.add_argument("--readers", type=int, default=64, help="concurrent pollers")
    parser.add_argument(
        "--interval", type=float, default=3, help="seconds between polls"
    )
    parser.add_argument(
        "--post-every", type=float, default=10, help="seconds between posts"
    )
    parser.add_argument(
        "--page-cache", type=int, default=0, help="NEWSROOM_PAGE_CACHE_SECONDS (0: off)"
    )
    options = parser.parse_args()
    env = {**ENV, "NEWSROOM_PAGE_CACHE_SECONDS": str(options.page_cache)}
    manage = [sys.executable, "manage.py"]
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [*manage, "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )  # noqa: S603
    setup = subprocess.run(  # noqa: S603
        [*manage, "shell"],
        cwd=ROOT,
        env=env,
        input=SETUP,
        text=True,
        check=True,
        capture_output=True,
    )
    story, session_key = setup.stdout.split()[-2:]
    server = subprocess.Popen(  # noqa: S603 - our gunicorn, as `make run` starts it
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "newsroom.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(4)
        status, headers, _body = fetch(
            urllib.request.build_opener(Stay), f"/en/live/{story}/"
        )
        page_path = headers["Location"]
        run = Run(story, options)
        threads = [
            threading.Thread(
                target=run.reader,
                args=(page_path, options.interval * n / options.readers),
            )
            for n in range(options.readers)
        ]
        threads.append(threading.Thread(target=run.editor, args=(session_key,)))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(options.seconds)
        run.done.set()
        for thread in threads:
            thread.join()
        errors = report(run, time.monotonic() - started, options.readers)
    finally:
        server.terminate()
        server.wait()
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
