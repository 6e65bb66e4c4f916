"""since= pages cut from the kept newest changes answer as the database does."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Section
from syndication import pagination, recent_changes
from syndication.models import Tombstone
from syndication.views import visible
from tests.factories import KHMER_TITLE, ArticleFactory
from tests.syndication_support import get_feed, set_times

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def history():
    """Eight stories and four tombstones in two sections, with changes that
    share their instant (ties broken by kind, then pk)."""
    elections = Section.objects.create(slug_en="elections", name_en="Elections")
    economy = Section.objects.create(slug_en="economy", name_en="Economy")
    stories = []
    for n in range(8):
        story = ArticleFactory(
            published=True,
            section=elections if n % 2 else economy,
            title_km=KHMER_TITLE,
        )
        when = NOW - timedelta(minutes=10 - n // 2)  # two stories per minute
        set_times(story, updated_at=when, en=when, km=when)
        stories.append(story)
    for n in range(4):
        Tombstone.objects.create(
            article_id=10_000 + n,
            language="en",
            section_id=elections.pk if n % 2 else None,
            withdrawn_at=NOW - timedelta(minutes=9 - n),  # the stories' instants
        )
    return elections


def from_database(language, section_ids, position, limit):
    stories, tombstones = visible(language, section_ids)
    return pagination.sync_page(stories, tombstones, language, position, limit)


def positions(language):
    """Every position a walk can stand at: after each entry, and since= each
    minute of the history."""
    entries = from_database(
        language, [], pagination.since_position(NOW - timedelta(days=1)), 100
    )
    yield pagination.since_position(NOW - timedelta(days=1))
    for when, kind, pk, _row in entries:
        yield pagination.Position(pagination.SYNC, when, kind, pk)
        yield pagination.since_position(when)


@pytest.mark.parametrize("length", [200, 5])
@pytest.mark.parametrize("language", ["en", "km"])
def test_every_page_cut_from_the_kept_changes_is_the_databases(
    history, monkeypatch, settings, length, language
):
    settings.PAGE_DATA_SECONDS = 300
    monkeypatch.setattr(recent_changes, "LENGTH", length)
    request = RequestFactory().get("/en/feed.json")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    answered = 0
    for section_ids in ([], [history.pk]):
        for position in positions(language):
            for limit in (1, 3, 20):
                kept = recent_changes.sync_page(
                    request, language, section_ids, position, limit
                )
                if kept is None:  # starts before the kept changes
                    assert length < 12
                    continue
                answered += 1
                assert kept == from_database(language, section_ids, position, limit)
    assert answered


def test_a_walk_that_starts_before_the_kept_changes_is_read(
    client, key, history, monkeypatch
):
    monkeypatch.setattr(recent_changes, "LENGTH", 3)
    since = (NOW - timedelta(days=1)).isoformat()
    data = get_feed(client, key=key, since=since, limit="100")
    assert len(data["items"]) == 12  # eight stories, four tombstones


def test_a_new_since_inside_the_kept_changes_reads_no_row(client, key, settings):
    settings.PAGE_DATA_SECONDS = 300
    story = ArticleFactory(published=True)
    get_feed(client, key=key, since=(NOW - timedelta(days=1)).isoformat())
    with CaptureQueriesContext(connection) as queries:
        data = get_feed(client, key=key, since=(NOW - timedelta(hours=1)).isoformat())
    assert [item["id"] for item in data["items"]] == [
        f"urn:newsroom:article:{story.pk}:en"
    ]
    assert len(queries) == 2  # the key and the partner's sections
