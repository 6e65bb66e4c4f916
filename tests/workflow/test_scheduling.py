"""Scheduled publication: on time with a frozen clock, once with two runners."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Status
from articles.page_cache import content_version
from tests.factories import ArticleFactory
from workflow.models import AuditEntry, Transition
from workflow.scheduling import claim_and_publish, publish_due
from workflow.tasks import publish_scheduled

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
SIX_AM = datetime(2018, 7, 29, 6, 0, tzinfo=PHNOM_PENH)


def scheduled(when=SIX_AM, **kwargs):
    return ArticleFactory(status_en=Status.SCHEDULED, published_at_en=when, **kwargs)


@pytest.mark.django_db
def test_story_goes_live_at_six_and_not_before(
    client, django_capture_on_commit_callbacks
):
    article = scheduled()
    with time_machine.travel(SIX_AM - timedelta(seconds=30), tick=False):
        assert publish_due() == []
        assert client.get(article.get_absolute_url("en")).status_code == 404
    before = content_version()
    with (
        time_machine.travel(SIX_AM + timedelta(seconds=40), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert publish_due() == [(article.pk, "en")]
        assert client.get(article.get_absolute_url("en")).status_code == 200
        assert publish_due() == []  # idempotent
    assert content_version() > before
    article.refresh_from_db()
    assert (article.status_en, article.published_at_en) == (Status.PUBLISHED, SIX_AM)
    assert article.status_km == Status.DRAFT
    transition = Transition.objects.get()
    assert (transition.actor, transition.to_status) == (None, Status.PUBLISHED)
    assert AuditEntry.objects.get(action="publish").actor_name == "system"


@pytest.mark.django_db
def test_command_reports_and_task_does_the_same_work(capsys):
    first, second = scheduled(), scheduled()
    with time_machine.travel(SIX_AM + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert "2 language version(s) published." in capsys.readouterr().out
        call_command("publish_scheduled")
        assert "0 language version(s) published." in capsys.readouterr().out
    third = scheduled(when=SIX_AM + timedelta(hours=1))
    with time_machine.travel(SIX_AM + timedelta(hours=2), tick=False):
        result = publish_scheduled.enqueue()
        assert result.return_value == 1
    assert (
        Article.objects.published("en")
        .filter(pk__in=[first.pk, second.pk, third.pk])
        .count()
        == 3
    )


@pytest.mark.django_db
def test_a_second_runner_finds_nothing_left(django_capture_on_commit_callbacks):
    """Two runners in turn: the loser's conditional UPDATE matches no row."""
    article = scheduled()
    with time_machine.travel(SIX_AM, tick=False):
        assert claim_and_publish(article.pk, "en") is True
        assert claim_and_publish(article.pk, "en") is False
    assert Transition.objects.filter(article=article).count() == 1


@pytest.mark.django_db
def test_withdrawn_or_unscheduled_story_is_not_published():
    ArticleFactory(status_en=Status.READY, published_at_en=SIX_AM)
    ArticleFactory(status_en=Status.WITHDRAWN, published_at_en=SIX_AM)
    with time_machine.travel(SIX_AM + timedelta(hours=1), tick=False):
        assert publish_due() == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers; true concurrency needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runners_at_once_publish_each_story_exactly_once():
    stories = [scheduled() for _ in range(12)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def runner():
        from django.db import connections

        try:
            barrier.wait()
            with time_machine.travel(SIX_AM + timedelta(seconds=5), tick=False):
                results.append(publish_due())
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    first, second = ({pk for pk, _ in r} for r in results)
    assert first.isdisjoint(second)  # no double publish
    assert first | second == {s.pk for s in stories}  # no miss
    for story in stories:
        assert Transition.objects.filter(article=story).count() == 1
    assert Article.objects.filter(status_en=Status.PUBLISHED).count() == 12
