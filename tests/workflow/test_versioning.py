"""No lost updates: the second of two saves is refused, shown a diff, kept."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.connections import in_other_connection
from tests.factories import ArticleFactory, UserFactory
from workflow.admin import story as story_admin
from workflow.versioning import EditConflict, claim_version


def presence_url(article):
    return reverse("admin:articles_article_presence", args=[article.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_editors(make_user):
    return make_user("Editor", "dara"), make_user("Editor", "sokha")


@pytest.mark.django_db
def test_second_save_is_refused_with_a_diff_and_kept_for_merging(two_editors):
    dara, sokha = (logged_in(user) for user in two_editors)
    article = ArticleFactory(title_en="Original", body_km="ដើម។")
    first, second = (form_data(c.get(change_url(article))) for c in (dara, sokha))

    first.update(title_en="Dara's headline")
    assert dara.post(change_url(article), first).status_code == 302

    second.update(body_km="អត្ថបទរបស់សុខា។", summary_en="Sokha's summary")
    refused = sokha.post(change_url(article), second)
    assert refused.status_code == 200
    errors = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "dara saved this story after you opened it" in errors
    assert "Title (English): - Original | + Dara's headline" in errors
    kept = form_data(refused)
    assert kept["body_km"] == "អត្ថបទរបស់សុខា។"  # nothing typed is lost
    assert kept["summary_en"] == "Sokha's summary"
    article.refresh_from_db()
    assert article.title_en == "Dara's headline"  # the first save stands
    assert article.body_km == "ដើម។"

    # Sokha merges (keeps Dara's headline, which the form now shows) and saves.
    kept["title_en"] = "Dara's headline"
    assert sokha.post(change_url(article), kept).status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.body_km, article.summary_en) == (
        "Dara's headline",
        "អត្ថបទរបស់សុខា។",
        "Sokha's summary",
    )
    assert article.version == 2


ONLY_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes its write lock at BEGIN (transaction_mode IMMEDIATE): "
    "no other writer can commit between validation and UPDATE",
)


@ONLY_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_other_worker_commits_between_validation_and_update(two_editors, monkeypatch):
    """The form was valid, but another gunicorn worker saved first: refused."""
    dara = logged_in(two_editors[0])
    article = ArticleFactory(title_en="Original")
    data = form_data(dara.get(change_url(article)))
    data["title_en"] = "Dara's edit"
    real_claim = story_admin.claim_version
    calls = []

    def other_worker_first(article_, expected):
        if not calls:
            in_other_connection(
                lambda: Article.objects.filter(pk=article_.pk).update(
                    version=F("version") + 1, title_en="Other worker"
                )
            )
        calls.append(expected)
        return real_claim(article_, expected)

    monkeypatch.setattr(story_admin, "claim_version", other_worker_first)
    response = dara.post(change_url(article), data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Title (English): - Original | + Other worker" in errors
    assert form_data(response)["title_en"] == "Dara's edit"
    article.refresh_from_db()
    assert (article.title_en, article.version) == ("Other worker", 1)
    assert article.revisions.filter(version=1).count() == 0  # nothing of Dara's


@pytest.mark.django_db
def test_claim_version_checks_the_where_clause():
    article = ArticleFactory()
    assert claim_version(article, 0) == 1
    with pytest.raises(EditConflict):
        claim_version(Article.objects.get(pk=article.pk), 0)
    assert Article.objects.get(pk=article.pk).version == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_connections_saving_at_once_one_wins():
    article = ArticleFactory(title_en="Original")
    barrier = threading.Barrier(2)
    outcome = {}

    def save(title):
        from django.db import connections

        try:
            mine = Article.objects.get(pk=article.pk)
            barrier.wait()
            with transaction.atomic():
                claim_version(mine, 0)
                time.sleep(0.3)  # hold the row lock while the other waits
                mine.title_en = title
                mine.save()
            outcome[title] = "saved"
        except EditConflict:
            outcome[title] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcome.values()) == ["refused", "saved"]
    winner = next(title for title, result in outcome.items() if result == "saved")
    article.refresh_from_db()
    assert (article.title_en, article.version) == (winner, 1)


@pytest.mark.django_db
def test_soft_lock_shows_who_else_has_the_story_open(two_editors):
    import time_machine
    from django.utils import timezone

    dara, sokha = (logged_in(user) for user in two_editors)
    article = ArticleFactory()
    dara.get(change_url(article))
    page = sokha.get(change_url(article))
    assert "Also open by: dara" in page.content.decode()
    assert sokha.post(presence_url(article)).json()["others"][0]["user"] == "dara"
    assert dara.post(presence_url(article)).json()["others"][0]["user"] == "sokha"
    assert sokha.get(presence_url(article)).status_code == 405
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        assert sokha.post(presence_url(article)).json()["others"] == []


@pytest.mark.django_db
def test_presence_is_not_given_for_stories_one_cannot_see(make_user):
    reporter = logged_in(make_user("Reporter"))
    article = ArticleFactory()
    UserFactory(username="nobody")
    assert reporter.post(presence_url(article)).status_code == 404
