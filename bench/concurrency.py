"""Measure `make run`'s setup under concurrency (not a test): gunicorn, 2 workers.

    .venv/bin/python bench/concurrency.py            # throwaway SQLite file
    DATABASE_URL=postgres://…/empty_db .venv/bin/python bench/concurrency.py

Over real HTTP against gunicorn with two sync workers and the default cache:
1. two editors save one story at the same moment, 5 times: HTTP statuses and
   whether the loser saw the conflict with their text kept;
2. a partner polls the feed at ~30 requests/s while the two editors save 17
   times each: editor and feed answers by status;
3. 300 feed requests with one key against a limit of 120/60 s: how many 200.
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.admin_forms import form_data  # noqa: E402

WORK = Path(tempfile.mkdtemp(prefix="concurrency-bench-"))
PORT = int(os.environ.get("BENCH_PORT", "18731"))
POLLERS = 4  # threads, each at most 30 requests/s
BASE = f"http://127.0.0.1:{PORT}"
ENV = {
    **os.environ,
    "SECRET_KEY": "bench-only-" + "x" * 40,
    "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{WORK / 'db.sqlite3'}"),
    "NEWSROOM_CACHE_DIR": str(WORK / "cache"),
    "NEWSROOM_PLAIN_STATIC": "1",
    "MEDIA_ROOT": str(WORK / "media"),
    "LOG_LEVEL": "WARNING",
}
ENV.pop("NEWSROOM_CACHE", None)
SETUP = """
from django.contrib.auth import get_user_model
from articles.models import Article
from syndication.partners import create_partner
from tests.factories import ArticleFactory
User = get_user_model()
for name in ("dara", "sokha"):
    User.objects.create_superuser(name, f"{name}@example.org", "bench-password")
for _ in range(5):
    ArticleFactory(published=True)
story = ArticleFactory(body_en="Original")
keys = [create_partner(n, languages="en,km")[1].plain for n in ("Poll", "Limit")]
print(story.pk, *keys)
"""


class Page:
    def __init__(self, status, body):
        self.status_code, self.content = status, body


class Browser:
    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()),
            NoRedirect,
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        request = urllib.request.Request(BASE + path, body, headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=60) as response:
                return Page(response.status, response.read())
        except urllib.error.HTTPError as error:
            return Page(error.code, error.read())

    def login(self, name):
        page = self.request("/admin/login/")
        token = BeautifulSoup(page.content, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )["value"]
        answer = self.request(
            "/admin/login/",
            {
                "username": name,
                "password": "bench-password",
                "csrfmiddlewaretoken": token,
            },
        )
        assert answer.status_code == 302, answer.status_code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def manage(*args, stdin=None):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=ENV,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def save(browser, url, text, barrier=None):
    form = form_data(browser.request(url))
    form["body_en"] = text
    if barrier:
        barrier.wait()
    page = browser.request(url, form)
    if page.status_code == 302:
        return "saved"
    if (
        page.status_code == 200
        and b"saved this story after you opened it" in page.content
    ):
        kept = form_data(page)["body_en"] == text
        return "conflict, text kept" if kept else "conflict, TEXT LOST"
    return f"HTTP {page.status_code}"


def together(*jobs):
    results = [None] * len(jobs)
    threads = [
        threading.Thread(target=lambda n=n, job=job: results.__setitem__(n, job()))
        for n, job in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main():
    manage("migrate", "--noinput")
    story, key, other_key = manage("shell", stdin=SETUP).split()[-3:]
    url = f"/admin/articles/article/{story}/change/"
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=ENV,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        editors = [Browser(), Browser()]
        for browser, name in zip(editors, ("dara", "sokha"), strict=True):
            browser.login(name)

        trials = Counter()
        for trial in range(5):
            barrier = threading.Barrier(2)
            trials.update(
                together(
                    *(
                        lambda b=b, n=n, t=trial, w=barrier: save(b, url, f"{n} {t}", w)
                        for n, b in enumerate(editors)
                    )
                )
            )
        print("1. simultaneous saves, 5 trials:", dict(trials))

        done, feed = threading.Event(), Counter()

        def poll():
            partner = Browser()
            while not done.is_set():
                page = partner.request(
                    "/en/feed.json", headers={"Authorization": f"Bearer {key}"}
                )
                feed[page.status_code] += 1
                time.sleep(1 / 30)

        def edit(n):
            return [save(editors[n], url, f"poll {n} {i}") for i in range(17)]

        pollers = [threading.Thread(target=poll) for _ in range(POLLERS)]
        started = time.monotonic()
        for poller in pollers:
            poller.start()
        saves = Counter(
            r for rs in together(lambda: edit(0), lambda: edit(1)) for r in rs
        )
        done.set()
        for poller in pollers:
            poller.join()
        rate = sum(feed.values()) / (time.monotonic() - started)
        print(
            f"2. 34 saves while polling ({rate:.0f} req/s):",
            dict(saves),
            "feed:",
            dict(feed),
        )

        answers = Counter()

        def burst():
            partner = Browser()
            for _ in range(75):
                page = partner.request(
                    "/en/feed.json", headers={"Authorization": f"Bearer {other_key}"}
                )
                answers[page.status_code] += 1

        time.sleep(60 - time.time() % 60)  # all 300 in one fixed window
        started = time.monotonic()
        together(*[burst] * 4)
        print(
            f"3. 300 feed requests in {time.monotonic() - started:.0f} s, one key, "
            "limit 120/60 s:",
            dict(answers),
        )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
