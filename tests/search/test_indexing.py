"""search/indexing.py and the receivers: the index follows every change, once
it commits, and the reader search keeps to Article.objects.published()."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks.signals import task_enqueued

from articles.events import EDITED, announce
from articles.models import Article, Status
from articles.states import change_state
from search.engine import documents_of, editor_matches, reader_results
from search.indexing import reindex
from search.models import SearchDocument
from search.query import parse
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoPlacementFactory,
)
from workflow.scheduling import publish_due

pytestmark = pytest.mark.django_db


def readers_find(language, text):
    return [d.object_id for d in documents_of(reader_results(parse(text), language))]


def editors_find(kind, text):
    return sorted(editor_matches(kind, parse(text)).values_list("object_id", flat=True))


@pytest.fixture
def enqueued():
    """The reindex tasks enqueued while the test runs."""
    seen = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "reindex_task":
            seen.append(tuple(task_result.args))

    task_enqueued.connect(record)
    yield seen
    task_enqueued.disconnect(record)


def test_one_document_per_language_with_text_in_any_state():
    article = ArticleFactory(title_km="", summary_km="", body_km="")
    reindex([article.pk])
    assert list(
        SearchDocument.objects.filter(object_id=article.pk).values_list("language")
    ) == [("en",)]
    article.title_km = "មន្ត្រី"
    article.save()
    reindex([article.pk])
    assert SearchDocument.objects.filter(object_id=article.pk).count() == 2
    article.title_km = ""
    article.save()
    reindex([article.pk])  # the Khmer document goes when its text does
    assert SearchDocument.objects.filter(object_id=article.pk).count() == 1


def test_a_saved_story_is_reindexed_once_its_transaction_commits(
    django_capture_on_commit_callbacks, enqueued
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article = ArticleFactory(published=True, title_en="Tonle Sap floods")
        BylineFactory(article=article)
        PhotoPlacementFactory(article=article, caption_en="Fishermen")
        announce(article, EDITED)  # what the admin's save does
        assert readers_find("en", "tonle") == []  # not before the commit
    # one task per kind for the whole transaction (its byline and photo are new)
    assert sorted(enqueued) == [
        ("author", [article.bylines.get().author_id]),
        ("photo", [article.placements.get().photo_id]),
        ("story", [article.pk]),
    ]
    assert readers_find("en", "tonle") == [article.pk]
    assert readers_find("en", "fishermen") == [article.pk]


def test_a_rolled_back_change_is_never_indexed(
    django_capture_on_commit_callbacks, enqueued
):
    capture = django_capture_on_commit_callbacks(execute=True)
    with capture, pytest.raises(RuntimeError), transaction.atomic():
        ArticleFactory(published=True, title_en="Tonle Sap floods")
        raise RuntimeError
    assert enqueued == []
    assert not SearchDocument.objects.exists()


def test_deleting_a_story_deletes_its_documents(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True, title_en="Tonle Sap")
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not SearchDocument.objects.filter(kind="story").exists()


def test_withdrawal_hides_a_story_from_readers_at_once_but_not_from_editors():
    article = ArticleFactory(published=True, title_km="ទន្លេសាប")
    reindex([article.pk])
    assert readers_find("km", "ទន្លេសាប") == [article.pk]
    Article.objects.filter(pk=article.pk).update(status_km=Status.DRAFT)  # no signal
    assert readers_find("km", "ទន្លេសាប") == []
    assert editors_find("story", "ទន្លេសាប") == [article.pk]


def test_a_scheduled_story_is_found_once_the_scheduler_publishes_it(
    django_capture_on_commit_callbacks,
):
    when = timezone.now() + timedelta(hours=1)
    article = ArticleFactory(
        title_en="Tonle Sap", status_en=Status.SCHEDULED, published_at_en=when
    )
    reindex([article.pk])
    assert readers_find("en", "tonle") == []
    due = timezone.now() - timedelta(minutes=1)
    Article.objects.filter(pk=article.pk).update(published_at_en=due)  # time has come
    assert readers_find("en", "tonle") == []  # scheduled until the scheduler runs
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    assert readers_find("en", "tonle") == [article.pk]


def test_unpublishing_one_language_keeps_the_other(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True, title_en="Tonle", title_km="ទន្លេ")
    with django_capture_on_commit_callbacks(execute=True):
        change_state(article, "km", Status.DRAFT)
    assert readers_find("km", "ទន្លេ") == []
    assert readers_find("en", "tonle") == [article.pk]


def test_editing_a_photo_or_author_reindexes_them_and_their_stories(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        placement = PhotoPlacementFactory(article__published=True)
        byline = BylineFactory(article=placement.article)
    photo, author, article = placement.photo, byline.author, placement.article
    with django_capture_on_commit_callbacks(execute=True):
        photo.cutline_km = "អ្នក\u200bនេសាទ"
        photo.save()
        author.display_name_km = "ស៊ុន ណារិន"
        author.save()
    assert editors_find("photo", "អ្នកនេសាទ") == [photo.pk]
    assert editors_find("author", "ណារិន") == [author.pk]
    assert readers_find("km", "អ្នកនេសាទ") == [article.pk]  # the caption
    assert readers_find("km", "ណារិន") == [article.pk]  # the byline


def test_rebuild_command_indexes_everything_and_drops_what_is_gone(capsys):
    article = ArticleFactory(published=True, title_en="Tonle Sap")
    AuthorFactory()
    SearchDocument.objects.create(kind="story", object_id=987654, language="en")
    call_command("rebuild_search_index", "--batch", "1")
    out = capsys.readouterr().out
    assert (
        "Search index rebuilt: 1 articles, 0 photos, 1 authors, 0 people, 0 parties."
        in out
    )
    assert readers_find("en", "tonle") == [article.pk]
    assert not SearchDocument.objects.filter(object_id=987654).exists()
