"""Tombstones and freshness follow story_changed, not model signals."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from articles.events import DELETED, EDITED, PUBLISHED, WITHDRAWN, story_changed
from articles.models import Article, Status
from syndication.models import Tombstone
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.now() - timedelta(days=30)


def deliver(kind, stories, languages=("en", "km"), was_public=()):
    """story_changed as its listeners get it once the change commits."""
    story_changed.send(
        sender=Article,
        kind=kind,
        article_ids=frozenset(s.pk for s in stories),
        languages=frozenset(languages),
        was_public=frozenset(was_public),
    )


def buried():
    return set(Tombstone.objects.values_list("article_id", "language", "section_id"))


def test_a_version_that_was_public_and_is_not_leaves_a_tombstone():
    withdrawn = ArticleFactory(status_en=Status.WITHDRAWN, published_at_en=LONG_AGO)
    never = ArticleFactory(status_en=Status.READY)
    gone = {(withdrawn.pk, "en", withdrawn.section_id)}
    deliver(WITHDRAWN, [withdrawn, never], ["en"], was_public=gone)
    assert buried() == gone  # the version never public leaves none


def test_a_version_public_again_loses_its_tombstone():
    story = ArticleFactory(english_only=True)
    Tombstone.objects.create(article_id=story.pk, language="en", withdrawn_at=LONG_AGO)
    Tombstone.objects.create(article_id=story.pk, language="km", withdrawn_at=LONG_AGO)
    deliver(PUBLISHED, [story], ["en"])
    assert buried() == {(story.pk, "km", None)}  # Khmer is still withdrawn


def test_an_edit_changes_no_tombstone_of_a_version_never_public():
    draft = ArticleFactory()
    deliver(EDITED, [draft])
    assert buried() == set()


def test_a_deleted_story_is_buried_from_the_event_alone():
    story = ArticleFactory(published=True)
    was = {(story.pk, "en", story.section_id), (story.pk, "km", story.section_id)}
    Article.objects.filter(pk=story.pk).update(status_km=Status.DRAFT)
    story.delete()  # the listeners cannot read the row any more
    deliver(DELETED, [story], was_public=was)
    assert buried() == was


def test_the_admins_bulk_delete_buries_public_versions(
    editor_client, django_capture_on_commit_callbacks
):
    public, draft = ArticleFactory(english_only=True), ArticleFactory()
    section = public.section_id
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [public.pk, draft.pk],
                "post": "yes",
            },
        )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert buried() == {(public.pk, "en", section)}


def test_every_change_but_a_deletion_moves_updated_at():
    touched, other = ArticleFactory(published=True), ArticleFactory(published=True)
    Article.objects.update(updated_at=LONG_AGO)
    deliver(EDITED, [touched])
    deliver(DELETED, [other], was_public={(other.pk, "en", other.section_id)})
    stamps = dict(Article.objects.values_list("pk", "updated_at"))
    assert stamps[touched.pk] > LONG_AGO
    assert stamps[other.pk] == LONG_AGO


def test_migration_drops_tombstones_of_versions_public_again():
    live = ArticleFactory(english_only=True)
    withdrawn = ArticleFactory(status_en=Status.WITHDRAWN, published_at_en=LONG_AGO)
    for story in (live, withdrawn):
        for code in ("en", "km"):
            Tombstone.objects.create(
                article_id=story.pk, language=code, withdrawn_at=LONG_AGO
            )
    Tombstone.objects.create(article_id=999999, language="en", withdrawn_at=LONG_AGO)
    migration = importlib.import_module(
        "syndication.migrations.0002_no_tombstone_for_live_versions"
    )
    migration.drop_tombstones_of_live_versions(apps, None)
    assert {(a, lang) for a, lang, _s in buried()} == {
        (live.pk, "km"),
        (withdrawn.pk, "en"),
        (withdrawn.pk, "km"),
        (999999, "en"),  # a deleted story stays buried
    }
