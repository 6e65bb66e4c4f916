"""The workflow's paths announce story_changed once on commit, nothing when refused."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.events import CORRECTED, EDITED, PUBLISHED, WITHDRAWN
from articles.models import Article, Status
from syndication.models import Tombstone
from tests.events_support import story_changes
from tests.factories import ArticleFactory
from workflow.corrections import add_correction, edit_correction
from workflow.revisions import record_revision
from workflow.scheduling import publish_due

pytestmark = pytest.mark.django_db


def transition(client, article, name):
    url = reverse("admin:articles_article_transition", args=[article.pk])
    return client.post(url, {"transition": name})


def test_an_admin_transition_is_announced_once(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True)
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert transition(editor_client, article, "withdraw:km").status_code == 302
    assert seen == [
        {
            "kind": WITHDRAWN,
            "article_ids": {article.pk},
            "languages": {"km"},
            "was_public": {(article.pk, "km", article.section_id)},
        }
    ]
    tombstone = Tombstone.objects.get()  # the listener's work, after the commit
    assert (tombstone.article_id, tombstone.language) == (article.pk, "km")


def test_a_refused_transition_announces_nothing(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status_en=Status.READY, body_en="")
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        transition(editor_client, article, "publish:en")  # no body: refused
        transition(editor_client, article, "withdraw:en")  # not published
    assert seen == []
    article.refresh_from_db()
    assert (article.status_en, article.version) == (Status.READY, 0)


def test_scheduled_publication_is_announced_once_per_version(
    django_capture_on_commit_callbacks,
):
    due = timezone.now() - timedelta(minutes=1)
    story = ArticleFactory(
        status_en=Status.SCHEDULED,
        published_at_en=due,
        status_km=Status.SCHEDULED,
        published_at_km=due,
    )
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert len(publish_due()) == 2
        assert publish_due() == []
    assert sorted((e["kind"], *e["languages"]) for e in seen) == [
        (PUBLISHED, "en"),
        (PUBLISHED, "km"),
    ]
    assert {pk for e in seen for pk in e["article_ids"]} == {story.pk}


def test_an_unfit_scheduled_version_stays_scheduled_and_announces_nothing(
    django_capture_on_commit_callbacks, caplog
):
    due = timezone.now() - timedelta(minutes=1)
    emptied = ArticleFactory(
        status_en=Status.SCHEDULED, published_at_en=due, body_en=""
    )
    fine = ArticleFactory(status_en=Status.SCHEDULED, published_at_en=due)
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == [(fine.pk, "en")]  # the others still go out
    assert [e["article_ids"] for e in seen] == [{fine.pk}]
    emptied.refresh_from_db()
    assert (emptied.status_en, emptied.version) == (Status.SCHEDULED, 0)
    assert f"story {emptied.pk} (en) not published" in caplog.text


def test_corrections_are_announced_once_each(
    editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True)
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        correction = add_correction(article, "km", "correction", "Name fixed.", editor)
    with story_changes() as edited, django_capture_on_commit_callbacks(execute=True):
        edit_correction(correction, "Name and village fixed.", editor)
        edit_correction(correction, "Name and village fixed.", editor)  # no change
    for events in (seen, edited):
        assert [(e["kind"], e["languages"]) for e in events] == [(CORRECTED, {"km"})]


def test_a_restore_is_announced_once(
    editor_client, editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True, title_en="First")
    record_revision(article, editor, "first")
    Article.objects.filter(pk=article.pk).update(title_en="Second", version=1)
    url = reverse("admin:articles_article_restore", args=[article.pk, 0])
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url).status_code == 302
    assert [(e["kind"], e["article_ids"]) for e in seen] == [(EDITED, {article.pk})]
    article.refresh_from_db()
    assert article.title_en == "First"
