"""articles.states: the one path of a state change, and what it announces."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.events import PUBLISHED, SCHEDULED, STATE, WITHDRAWN
from articles.models import Article, Status
from articles.states import change_state, set_state
from tests.events_support import story_changes
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_bare_save_costs_one_query(django_assert_num_queries):
    article = ArticleFactory(published=True)
    article.title_en = "Edited in the shell"
    with django_assert_num_queries(1):  # the UPDATE; no signal queries
        article.save()


@pytest.mark.parametrize(
    ("start", "target", "kind", "was_public"),
    [
        (Status.READY, Status.PUBLISHED, PUBLISHED, False),
        (Status.PUBLISHED, Status.WITHDRAWN, WITHDRAWN, True),
        (Status.PUBLISHED, Status.DRAFT, WITHDRAWN, True),
        (Status.DRAFT, Status.IN_REVIEW, STATE, False),
    ],
)
def test_each_change_is_announced_once_on_commit(
    django_capture_on_commit_callbacks, start, target, kind, was_public
):
    article = ArticleFactory(status_en=start, published_at_en=timezone.now())
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert change_state(article, "en", target) == kind
    before = {(article.pk, "en", article.section_id)} if was_public else set()
    assert seen == [
        {
            "kind": kind,
            "article_ids": {article.pk},
            "languages": {"en"},
            "was_public": before,
        }
    ]
    article.refresh_from_db()
    assert article.status_en == target


def test_a_time_to_come_means_scheduled(django_capture_on_commit_callbacks):
    article = ArticleFactory(status_en=Status.READY)
    later = timezone.now() + timedelta(hours=2)
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        kind = change_state(article, "en", Status.PUBLISHED, when=later)
    article.refresh_from_db()
    assert (kind, article.status_en, article.published_at_en) == (
        SCHEDULED,
        Status.SCHEDULED,
        later,
    )
    assert [event["kind"] for event in seen] == [SCHEDULED]
    assert not Article.objects.published("en", now=later + timedelta(1)).exists()


def test_publishing_keeps_an_earlier_time_and_moves_a_later_one_to_now():
    long_ago = timezone.now() - timedelta(days=30)
    withdrawn = ArticleFactory(status_en=Status.WITHDRAWN, published_at_en=long_ago)
    change_state(withdrawn, "en", Status.PUBLISHED)
    assert withdrawn.published_at_en == long_ago  # back under its own date
    early = ArticleFactory(
        status_en=Status.SCHEDULED, published_at_en=timezone.now() + timedelta(1)
    )
    change_state(early, "en", Status.PUBLISHED)
    assert early.published_at_en <= timezone.now()
    assert Article.objects.published("en").count() == 2


def test_an_unfit_version_is_refused_with_nothing_saved_or_announced(
    django_capture_on_commit_callbacks,
):
    article = ArticleFactory(status_km=Status.READY, title_km="", body_km=" ")
    with (
        story_changes() as seen,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="Khmer title and body are empty"),
    ):
        change_state(article, "km", Status.SCHEDULED, when=timezone.now())
    assert seen == []
    assert article.status_km == Status.READY
    article.refresh_from_db()
    assert article.status_km == Status.READY


def test_scheduling_needs_a_time_and_languages_must_exist():
    article = ArticleFactory()
    with pytest.raises(ValidationError, match="publication time"):
        set_state(article, "en", Status.SCHEDULED)
    with pytest.raises(ValueError, match="no language 'fr'"):
        change_state(article, "fr", Status.PUBLISHED)


def test_the_importer_rule_keeps_dates_and_schedules_future_posts():
    past, future = timezone.now() - timedelta(1), timezone.now() + timedelta(1)
    article = Article()
    set_state(article, "en", Status.DRAFT, past)
    set_state(article, "km", Status.PUBLISHED, future)
    assert (article.status_en, article.published_at_en) == (Status.DRAFT, past)
    assert (article.status_km, article.published_at_km) == (Status.SCHEDULED, future)


def test_migration_moves_published_for_later_to_scheduled():
    later = timezone.now() + timedelta(hours=1)
    pending = ArticleFactory(english_only=True)
    Article.objects.filter(pk=pending.pk).update(published_at_en=later)
    live = ArticleFactory(published=True)
    migration = importlib.import_module(
        "articles.migrations.0008_future_publication_is_scheduled"
    )
    migration.schedule_future_publications(apps, None)
    pending.refresh_from_db()
    assert (pending.status_en, pending.published_at_en) == (Status.SCHEDULED, later)
    assert pending.status_km == Status.DRAFT
    assert set(Article.objects.published("en")) == {live}
    live.refresh_from_db()
    assert (live.status_en, live.status_km) == (Status.PUBLISHED, Status.PUBLISHED)
