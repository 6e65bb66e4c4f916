"""Pollers following `next` miss nothing when changes commit out of order.

The race (issue 16): an editor's correction is saved (its timestamp taken)
inside a transaction that commits only after a newer post has committed. A
poller that asked in between holds a cursor past the correction's time; with
a time cursor, the correction, once committed, is never sent. Change numbers
are given under the story's row lock (live.services.next_change), so the
newer post waits for the correction to commit and is numbered after it.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from live import services
from live.models import LiveEntry
from tests.connections import start_in_other_connection
from tests.live.support import entries_url, post

ONLY_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes its write lock at BEGIN (transaction_mode IMMEDIATE): "
    "a second writer cannot commit while the first's transaction is open",
)

# Longer than the two seconds the time cursor used to read early.
SLOW_COMMIT_SECONDS = 2.5


class Poller:
    """What live.js keeps: the entries by id, the ETag and the next address."""

    def __init__(self, client, story):
        self.client, self.url, self.etag, self.seen = client, entries_url(story), "", {}

    def poll(self):
        headers = {"HTTP_IF_NONE_MATCH": self.etag} if self.etag else {}
        response = self.client.get(self.url, **headers)
        assert response.status_code in (200, 304)
        if response.status_code == 200:
            data = response.json()
            self.etag, self.url = response["ETag"], data["next"]
            self.seen.update({entry["id"]: entry["html"] for entry in data["entries"]})


@ONLY_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_correction_committed_after_a_newer_post_reaches_pollers(client, story):
    entry = post(story, body_en="Turnout was 28 percent.")
    poller = Poller(client, story)
    poller.poll()
    saved, commit = threading.Event(), threading.Event()

    def slow_correction():
        with transaction.atomic():
            mine = LiveEntry.objects.get(pk=entry.pk)
            mine.body_en = "Turnout was 82 percent."
            services.edit_entry(mine)
            saved.set()
            assert commit.wait(30)

    correcting = start_in_other_connection(slow_correction)
    assert saved.wait(30)
    time.sleep(SLOW_COMMIT_SECONDS)
    posted = {}
    posting = start_in_other_connection(
        lambda: posted.update(entry=post(story, body_en="Kandal is counted."))
    )
    posting.join(1)  # before the fix, the newer post commits here
    poller.poll()  # and the poller's cursor moves past the correction
    commit.set()
    correcting.join(30)
    posting.join(30)
    poller.poll()
    poller.poll()
    assert "Kandal is counted." in poller.seen[posted["entry"].pk]
    assert "Turnout was 82 percent." in poller.seen[entry.pk]


@ONLY_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_get_distinct_consecutive_change_numbers(story):
    barrier = threading.Barrier(4)

    def post_one(number):
        barrier.wait()
        post(story, body_en=f"Province {number} counted.")

    for thread in [
        start_in_other_connection(lambda n=n: post_one(n)) for n in range(4)
    ]:
        thread.join(30)
    changes = sorted(
        LiveEntry.objects.of_story(story.pk).values_list("change", flat=True)
    )
    assert changes == [1, 2, 3, 4]
