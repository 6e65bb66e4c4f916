"""Every save stores a revision; two revisions diff per field and language; restore."""

import pytest
from django.urls import reverse

from articles.models import Status
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PullquoteFactory,
)
from workflow import revisions
from workflow.models import AuditEntry, Revision


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


@pytest.fixture
def story():
    article = ArticleFactory(status_en=Status.PUBLISHED)
    BylineFactory(article=article, position=1)
    PullquoteFactory(article=article, position=1)
    article.tags.add("election", "ការបោះឆ្នោត")
    return article


def save_through_admin(client, article, note="", **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes, change_note=note)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_admin_save_stores_a_full_revision(editor_client, editor, story):
    story = save_through_admin(
        editor_client,
        story,
        note="Fixed the Khmer headline",
        title_km="ចំណងជើង​ថ្មី",
        tags="election, ការបោះឆ្នោត, Kandal",
    )
    revision = story.revisions.first()
    assert (revision.version, revision.author, revision.note) == (
        story.version,
        editor,
        "Fixed the Khmer headline",
    )
    data = revision.data
    assert data["fields"]["title_km"] == "ចំណងជើង​ថ្មី"  # byte for byte
    assert data["tags"] == sorted(["election", "ការបោះឆ្នោត", "Kandal"])
    assert [b["position"] for b in data["bylines"]] == [1]
    assert data["pullquotes"][0]["text_km"].startswith("«បើ")
    # the baseline written when the form was opened, then the edit
    assert list(story.revisions.values_list("version", flat=True)) == [1, 0]


@pytest.mark.django_db
def test_diff_is_per_field_and_language(editor_client, story):
    other_author = AuthorFactory(display_name_en="Tum Mlis")
    old = revisions.snapshot(story)
    story.title_km = "ចំណងជើងថ្មី"
    story.body_en = "First paragraph.\n\nA new second paragraph."
    story.save()
    story.bylines.update(author=other_author)
    changes = revisions.diff(old, revisions.snapshot(story))
    labels = [c["label"] for c in changes]
    assert labels == ["Title (Khmer)", "Body (English)", "Bylines"]
    body = changes[1]["lines"]
    assert "- Second paragraph." in body and "+ A new second paragraph." in body
    assert "  First paragraph." in body


@pytest.mark.django_db
def test_history_view_shows_a_readable_diff(editor_client, story):
    save_through_admin(editor_client, story, title_en="Version two headline")
    response = editor_client.get(revisions_url(story), {"a": 0, "b": 1})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Title (English)" in html
    assert "+ Version two headline" in html
    assert editor_client.get(revisions_url(story), {"a": 0, "b": 99}).status_code == 404


@pytest.mark.django_db
def test_restore_brings_content_back_as_a_new_revision(editor_client, editor, story):
    original_title, original_km = story.title_en, story.title_km
    story = save_through_admin(
        editor_client,
        story,
        title_en="A wrong headline",
        title_km="ខុស",
        **{"bylines-0-DELETE": "on", "tags": "wrong"},
    )
    assert story.bylines.count() == 0
    response = editor_client.post(
        reverse("admin:articles_article_restore", args=[story.pk, 0])
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.title_en, story.title_km) == (original_title, original_km)
    assert story.bylines.count() == 1
    assert story.pullquotes.count() == 1
    assert sorted(story.tags.names()) == ["election", "ការបោះឆ្នោត"]
    assert story.status_en == Status.PUBLISHED  # state is not restored
    newest = story.revisions.first()
    assert (newest.version, newest.note, newest.author) == (
        2,
        "Restored version 0",
        editor,
    )
    assert AuditEntry.objects.get(action="restore").article == story
    assert Revision.objects.filter(article=story).count() == 3


@pytest.mark.django_db
def test_reporter_cannot_restore(client, make_user, story):
    from tests.factories import AssignmentFactory

    reporter = make_user("Reporter")
    story.status_en = Status.DRAFT
    story.save()
    AssignmentFactory(article=story, user=reporter)
    revisions.record_revision(story, None, "start")
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_article_restore", args=[story.pk, 0])
    )
    assert response.status_code == 403
