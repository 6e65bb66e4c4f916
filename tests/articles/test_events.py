"""story_changed: sent once on commit, never on rollback, by each path that edits."""

import pytest
from django.db import transaction
from django.urls import reverse

from articles.events import DELETED, EDITED, PARTS, announce
from articles.importers.jekyll import import_site
from articles.importers.jekyll import tags as import_tags
from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.events_support import story_changes
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
)

pytestmark = pytest.mark.django_db

POST = """\
---
title: Story {letter}
date: 2018-01-0{day}
categories: feature
---

Text of story {letter}.
"""


def test_sent_when_the_change_commits_and_not_before(
    django_capture_on_commit_callbacks,
):
    article = ArticleFactory()
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        announce(article, EDITED, ["en"])
        assert seen == []  # the transaction is still open
    assert seen == [
        {
            "kind": EDITED,
            "article_ids": {article.pk},
            "languages": {"en"},
            "was_public": set(),
        }
    ]


def test_nothing_is_sent_for_a_change_rolled_back(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    with (
        story_changes() as seen,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        announce(article, EDITED)
        transaction.set_rollback(True)
    assert seen == []


def test_equal_announcements_in_one_transaction_are_sent_once(
    django_capture_on_commit_callbacks,
):
    article = ArticleFactory()
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            announce(article, EDITED)
            transaction.set_rollback(True)  # gone with its savepoint
        announce(article, EDITED)  # so this one counts
        with transaction.atomic():
            announce(article.pk, EDITED)  # the same again, in a savepoint
        with transaction.atomic():
            announce(article, EDITED)
            transaction.set_rollback(True)  # the outer one still stands
        announce(article, PARTS)
    assert [event["kind"] for event in seen] == [EDITED, PARTS]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_commits_send_and_real_rollbacks_do_not():
    article = ArticleFactory()
    with story_changes() as seen:
        with transaction.atomic():
            announce(article, EDITED)
            announce(article, EDITED)
            assert seen == []
        assert len(seen) == 1
        with pytest.raises(RuntimeError), transaction.atomic():
            announce(article, PARTS)
            raise RuntimeError("the change fails")
        announce(article, EDITED)  # outside a transaction: sent at once
    assert [event["kind"] for event in seen] == [EDITED, EDITED]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="not a kind"):
        announce(ArticleFactory(), "renamed")


def test_a_deleted_story_announces_what_was_public(django_capture_on_commit_callbacks):
    article = ArticleFactory(english_only=True)
    pk, section = article.pk, article.section_id
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=pk).delete()  # as the admin's bulk delete does
    assert seen == [
        {
            "kind": DELETED,
            "article_ids": {pk},
            "languages": {"en", "km"},
            "was_public": {(pk, "en", section)},
        }
    ]


def test_admin_edit_of_an_inline_is_announced_once(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True)
    PullquoteFactory(article=article, position=1)
    data = form_data(editor_client.get(change_url(article)))
    data["pullquotes-0-text_en"] = "“A quote, corrected.”"
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(article), data)
    assert response.status_code == 302
    assert [(e["kind"], e["article_ids"]) for e in seen] == [(EDITED, {article.pk})]


def test_a_refused_admin_save_announces_nothing(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    PullquoteFactory(article=article, position=1)
    PullquoteFactory(article=article, position=2)
    data = form_data(editor_client.get(change_url(article)))
    data["pullquotes-1-position"] = "1"  # two items with one number
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert seen == []


def test_a_photo_edit_is_announced_for_the_stories_placing_it(
    editor_client, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    stories = {PhotoPlacementFactory(photo=photo).article_id for _ in range(2)}
    PhotoPlacementFactory()  # another photo, another story
    url = reverse("admin:media_assets_photo_change", args=[photo.pk])
    data = form_data(editor_client.get(url), "photo_form")
    data["rights"] = "no_syndication"
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    assert [(e["kind"], e["article_ids"]) for e in seen] == [(PARTS, stories)]


def test_a_photo_no_story_places_announces_nothing(
    editor_client, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    url = reverse("admin:media_assets_photo_change", args=[photo.pk])
    data = form_data(editor_client.get(url), "photo_form")
    data["credit"] = "Another credit"
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    assert seen == []


@pytest.fixture
def site(tmp_path):
    posts = tmp_path / "site/english/_posts"
    posts.mkdir(parents=True)
    for day, letter in enumerate("abc", start=1):
        (posts / f"2018-01-0{day}-story-{letter}.md").write_text(
            POST.format(letter=letter, day=day), "utf-8"
        )
    return tmp_path / "site"


def test_the_importer_announces_each_committed_story_once(
    site, monkeypatch, django_capture_on_commit_callbacks
):
    build_tags = import_tags.apply_tags

    def tags(article, group):
        if article.slug == "story-c":  # after story c's rows were written
            raise RuntimeError("converter bug")
        build_tags(article, group)

    monkeypatch.setattr(import_tags, "apply_tags", tags)
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        assert import_site(site, dry_run=True).created == 2
    assert seen == []  # rolled back
    with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
        report = import_site(site)
    assert report.created == 2
    imported = set(Article.objects.values_list("pk", flat=True))
    assert sorted(e["kind"] for e in seen) == [EDITED, EDITED]
    assert {pk for e in seen for pk in e["article_ids"]} == imported


def test_renaming_an_author_or_a_section_announces_their_stories(
    admin_client, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    author = BylineFactory(article=story).author
    other = ArticleFactory(published=True)  # another author
    for obj, field in ((author, "display_name_en"), (story.section, "name_en")):
        form_id = f"{obj._meta.model_name}_form"
        data = form_data(admin_client.get(change_url(obj)), form_id=form_id)
        data[field] = "Renamed"
        with story_changes() as seen, django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(change_url(obj), data)
        assert response.status_code == 302, field
        announced = {pk for event in seen for pk in event["article_ids"]}
        assert story.pk in announced, field
        if obj is author:
            assert other.pk not in announced
