"""Every state change per language, the refused ones, and what each leaves behind."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from articles.page_cache import content_version
from articles.states import change_state
from tests.factories import ArticleFactory
from workflow.models import AuditEntry, Transition
from workflow.transitions import ACTIONS, TransitionError, perform


@pytest.fixture
def desk_editor(make_user):
    return make_user("Editor")


@pytest.mark.django_db
def test_full_life_of_the_english_version(
    desk_editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    before = content_version()
    steps = ["submit", "approve", "publish", "withdraw"]
    with django_capture_on_commit_callbacks(execute=True):
        for step in steps:
            article = perform(step, article, "en", desk_editor)
    assert article.status_en == Status.WITHDRAWN
    assert article.status_km == Status.DRAFT  # each language on its own
    log = list(article.transitions.order_by("at", "pk"))
    assert [(t.from_status, t.to_status) for t in log] == [
        (Status.DRAFT, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.READY),
        (Status.READY, Status.PUBLISHED),
        (Status.PUBLISHED, Status.WITHDRAWN),
    ]
    assert {t.actor for t in log} == {desk_editor}
    assert article.version == len(steps)
    assert article.revisions.count() == len(steps)
    story_events = AuditEntry.objects.filter(article=article)
    assert set(story_events.values_list("action", flat=True)) == {
        "publish",
        "withdraw",
    }
    assert content_version() > before
    assert not Article.objects.published("en").exists()


@pytest.mark.django_db
def test_publish_sets_time_and_makes_the_language_public(desk_editor):
    article = ArticleFactory(status_km=Status.READY)
    perform("publish", article, "km", desk_editor)
    article.refresh_from_db()
    assert article.published_at_km is not None
    assert list(Article.objects.published("km")) == [article]
    assert not Article.objects.published("en").exists()


@pytest.mark.django_db
def test_schedule_needs_a_future_time(desk_editor):
    article = ArticleFactory(status_en=Status.READY)
    with pytest.raises(TransitionError, match="in the future"):
        perform("schedule", article, "en", desk_editor)
    with pytest.raises(TransitionError, match="in the future"):
        perform(
            "schedule", article, "en", desk_editor, when=timezone.now() - timedelta(1)
        )
    when = timezone.now() + timedelta(hours=3)
    article = perform("schedule", article, "en", desk_editor, when=when)
    assert (article.status_en, article.published_at_en) == (Status.SCHEDULED, when)
    assert not Article.objects.published("en", now=when + timedelta(1)).exists()
    article = perform("unschedule", article, "en", desk_editor)
    assert article.status_en == Status.READY
    entry = AuditEntry.objects.get(action="schedule")
    assert (entry.actor, entry.language, entry.article) == (desk_editor, "en", article)


@pytest.mark.django_db
def test_publishing_a_scheduled_version_early_sets_now(desk_editor):
    when = timezone.now() + timedelta(hours=3)
    article = ArticleFactory(status_en=Status.SCHEDULED, published_at_en=when)
    article = perform("publish", article, "en", desk_editor)
    assert article.published_at_en <= timezone.now()
    assert Article.objects.published("en").exists()


REFUSED = [
    (name, state)
    for name, action in ACTIONS.items()
    for state in Status.values
    if state not in action.sources
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "state"), REFUSED)
def test_invalid_transitions_are_refused_and_change_nothing(desk_editor, name, state):
    article = ArticleFactory(status_en=state)
    with pytest.raises(TransitionError) as refused:
        perform(name, article, "en", desk_editor, when=timezone.now() + timedelta(1))
    assert Status(state).label.lower() in str(refused.value)
    article.refresh_from_db()
    assert (article.status_en, article.version) == (state, 0)
    assert not Transition.objects.exists()


@pytest.mark.django_db
def test_empty_version_cannot_be_published(desk_editor):
    article = ArticleFactory(status_km=Status.READY, body_km="  ")
    with pytest.raises(TransitionError, match="Khmer body is empty"):
        perform("publish", article, "km", desk_editor)
    article.refresh_from_db()
    assert article.status_km == Status.READY


@pytest.mark.django_db
def test_unknown_action_or_language_is_refused(desk_editor):
    article = ArticleFactory()
    with pytest.raises(TransitionError, match="not a workflow action"):
        perform("teleport", article, "en", desk_editor)
    with pytest.raises(TransitionError, match="no language"):
        perform("submit", article, "fr", desk_editor)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("emptied", "message"),
    [
        ({"title_km": ""}, "The Khmer title is empty"),
        ({"body_km": "  \n"}, "The Khmer body is empty"),
    ],
)
def test_change_form_publish_button_refuses_an_empty_language(
    editor_client, emptied, message
):
    """Publishing is a workflow action on the change form: refused, nothing saved."""
    article = ArticleFactory(status_km=Status.READY, **emptied)
    response = editor_client.post(
        reverse("admin:articles_article_transition", args=[article.pk]),
        {"transition": "publish:km"},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any(message in m and "cannot be published" in m for m in shown), shown
    article.refresh_from_db()
    assert article.status_km == Status.READY
    assert article.published_at_km is None
    assert not article.transitions.exists()
    assert not Article.objects.published("km").exists()


@pytest.mark.django_db
def test_the_core_state_change_works_from_any_state():
    """Below the state machine: what perform(), scheduling and scripts call."""
    article = ArticleFactory()
    change_state(article, "en", Status.PUBLISHED)
    assert Article.objects.published("en").get() == article
    change_state(article, "en", Status.DRAFT)
    assert not Article.objects.published("en").exists()


@pytest.mark.django_db
def test_system_changes_from_a_stale_copy_leave_the_same_trail():
    article = ArticleFactory(title_en="Imported")
    stale = Article.objects.get(pk=article.pk)
    perform("submit", article, "en", None)  # version 1, revision 1
    fresh = perform("approve", stale, "en", None)  # the copy still says 0
    assert fresh.version == 2  # never back to an old number
    perform("publish", stale, "en", None)
    perform("withdraw", stale, "en", None)
    log = stale.transitions.order_by("at", "pk")
    assert [(t.from_status, t.to_status) for t in log] == [
        (Status.DRAFT, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.READY),  # as stored, not as the copy saw it
        (Status.READY, Status.PUBLISHED),
        (Status.PUBLISHED, Status.WITHDRAWN),
    ]
    assert list(stale.revisions.values_list("version", flat=True)) == [4, 3, 2, 1]
    assert list(
        AuditEntry.objects.filter(article=stale)
        .order_by("pk")
        .values_list("action", "actor_name")
    ) == [("publish", "system"), ("withdraw", "system")]
