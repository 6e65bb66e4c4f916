"""Real concurrent requests: no 500, no lost text, on SQLite as on PostgreSQL.

Each thread has its own database connection, as each gunicorn worker has; on
SQLite the test database is a file (newsroom/settings.py), so the threads
meet the same locks as the workers of `make run`.
"""

import threading
import time

import pytest
from django.db import connections
from django.test import Client

from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory
from tests.syndication_support import bearer, make_partner
from workflow.models import Revision

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONFLICT = "saved this story after you opened it"


def client_for(user):
    client = Client(raise_request_exception=False)  # a 500 is an answer here
    client.force_login(user)
    return client


def run_together(*jobs):
    """Run each job in its own thread (and connection); their results in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(number, job):
        try:
            results[number] = job(barrier)
        except Exception as error:  # noqa: BLE001 - reported by the caller
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def outcome(response, text):
    """ "saved", "refused" (conflict shown, the text kept in the form), or why not."""
    if response.status_code == 302:
        return "saved"
    if response.status_code == 200 and CONFLICT in response.content.decode():
        if form_data(response)["body_en"] == text:
            return "refused"
        return "refused, text lost"
    return f"HTTP {response.status_code}"


def saved_texts(article):
    return [
        r.data["fields"]["body_en"]
        for r in Revision.objects.filter(article=article).order_by("version")
    ]


def test_two_editors_saving_one_story_at_the_same_moment(make_user):
    article = ArticleFactory(body_en="Original")
    editors = [client_for(make_user("Editor", name)) for name in ("dara", "sokha")]
    url = change_url(article)
    for trial in range(5):
        texts = [f"dara's text {trial}", f"sokha's text {trial}"]
        forms = [form_data(editor.get(url)) for editor in editors]

        def save(editor, form, text):
            def job(barrier):
                form["body_en"] = text
                barrier.wait()
                return outcome(editor.post(url, form), text)

            return job

        results = run_together(*map(save, editors, forms, texts))
        assert sorted(results) == ["refused", "saved"], results
        winner = texts[results.index("saved")]
        article.refresh_from_db()
        assert article.body_en == winner
        assert saved_texts(article)[-1] == winner


def test_editors_save_while_a_partner_polls_the_feed(make_user, settings):
    settings.SYNDICATION_RATE_LIMIT = (100_000, 60)  # measure locks, not the limit
    for _ in range(3):
        ArticleFactory(published=True)
    article = ArticleFactory(body_en="Original")
    _partner, key = make_partner()
    editors = [client_for(make_user("Editor", name)) for name in ("dara", "sokha")]
    url = change_url(article)
    done = threading.Event()
    polled = []

    def poll(barrier):
        partner = Client(raise_request_exception=False)
        barrier.wait()
        while not done.is_set():
            polled.append(partner.get("/en/feed.json", **bearer(key)).status_code)
            time.sleep(1 / 30)
        return "polled"

    def edit(editor, name):
        def job(barrier):
            barrier.wait()
            results = []
            for round_ in range(8):
                text = f"{name}'s text {round_}"
                form = form_data(editor.get(url))
                form["body_en"] = text
                results.append((text, outcome(editor.post(url, form), text)))
            return results

        return job

    def editing(barrier):
        barrier.wait()
        try:
            return run_together(edit(editors[0], "dara"), edit(editors[1], "sokha"))
        finally:
            done.set()

    polling, (dara, sokha) = run_together(poll, editing)
    assert polling == "polled"
    assert polled and set(polled) == {200}, polled  # no 500 for the partner
    saves = dara + sokha
    assert {result for _text, result in saves} <= {"saved", "refused"}, saves
    history = saved_texts(article)
    for text, result in saves:  # every saved text is in the history, once
        assert history.count(text) == (1 if result == "saved" else 0), text
    article.refresh_from_db()
    assert article.body_en == history[-1]
