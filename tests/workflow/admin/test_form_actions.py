"""The Workflow panel's buttons save the form first: typed text is never lost,
and those who may publish do it from a draft in one step, after the checklist."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article, PhotoPlacement, Status
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
)
from workflow.models import Transition

pytestmark = pytest.mark.django_db

TYPED_KM = "មន្ត្រីរាជការ​ត្រូវ​បាន​គេ​ប្រាប់​ឲ្យ​ចូលរួម​ការ​ឃោសនា"


@pytest.fixture
def desk_editor(make_user):
    return make_user("Editor")


def press(client, article, button, **typed):
    """Open the change form, type, press a Workflow button; follow to the end."""
    data = form_data(client.get(change_url(article)))
    data.update(typed)
    name, value = button
    data[name] = value
    return client.post(change_url(article), data, follow=True)


def complete_story(**kwargs):
    """A story the checklist has nothing to say about (English)."""
    article = ArticleFactory(**kwargs)
    BylineFactory(article=article, position=1)
    photo = PhotoFactory(alt_text_en="Voters queue", alt_text_km="អ្នកបោះឆ្នោត")
    PhotoPlacementFactory(
        article=article, photo=photo, kind=PhotoPlacement.Kind.HERO, position=1
    )
    return article


def test_submit_with_unsaved_khmer_body_saves_it_then_submits(client, make_user):
    reporter = make_user("Reporter")
    article = ArticleFactory()
    AssignmentFactory(article=article, user=reporter, role="reporter")
    client.force_login(reporter)
    response = press(
        client, article, ("_workflow_action", "submit:km"), body_km=TYPED_KM
    )
    article = Article.objects.get(pk=article.pk)
    assert article.body_km == TYPED_KM
    assert article.status_km == Status.IN_REVIEW
    text = response.content.decode()
    assert "Your changes were saved." in text
    assert "Submit for review: done for the Khmer version." in text


def test_an_edit_conflict_keeps_the_text_and_takes_no_action(client, desk_editor):
    article = ArticleFactory()
    client.force_login(desk_editor)
    data = form_data(client.get(change_url(article)))
    # Someone else saves meanwhile.
    Article.objects.filter(pk=article.pk).update(
        body_en="Theirs.", version=article.version + 1
    )
    data.update(body_en="Mine, typed and not saved.", _workflow_action="submit:en")
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="edit-conflict"' in text
    assert "the workflow button was not applied" in text
    assert "Mine, typed and not saved." in text  # still in the form
    article = Article.objects.get(pk=article.pk)
    assert (article.body_en, article.status_en) == ("Theirs.", Status.DRAFT)
    assert not Transition.objects.filter(article=article).exists()


def test_a_field_error_keeps_the_text_and_takes_no_action(client, desk_editor):
    article = ArticleFactory()
    client.force_login(desk_editor)
    response = press(
        client,
        article,
        ("_workflow_action", "submit:en"),
        body_en="Typed before a bad pin.",
        latitude_en="11.5",
        longitude_en="",
    )
    text = response.content.decode()
    assert "Give both latitude and longitude" in text
    assert "the workflow button was not applied" in text
    assert "Typed before a bad pin." in text
    assert Article.objects.get(pk=article.pk).status_en == Status.DRAFT


def test_enter_in_a_field_saves_and_never_presses_a_workflow_button(
    client, desk_editor
):
    client.force_login(desk_editor)
    page = client.get(change_url(ArticleFactory()))
    form = BeautifulSoup(page.content, "html.parser").find("form", id="article_form")
    first = form.find(["button", "input"], type="submit")
    assert first["name"] == "_continue"


def test_an_editor_publishes_a_complete_draft_in_one_step(client, desk_editor):
    article = complete_story(status_km=Status.PUBLISHED)
    client.force_login(desk_editor)
    page = client.get(change_url(article)).content.decode()
    assert 'value="publish_draft:en"' in page
    assert "✓ Ready to publish" in page
    response = press(
        client, article, ("_workflow_action", "publish_draft:en"), summary_en="New."
    )
    assert "Publish now: done for the English version." in response.content.decode()
    article = Article.objects.get(pk=article.pk)
    assert article.summary_en == "New." and article.is_published_in("en")
    step = Transition.objects.get(article=article)
    assert (step.from_status, step.to_status) == (Status.DRAFT, Status.PUBLISHED)


def test_the_checklist_warns_then_publish_anyway_publishes(client, desk_editor):
    article = ArticleFactory(summary_en="")
    client.force_login(desk_editor)
    response = press(
        client, article, ("_workflow_action", "publish_draft:en"), body_en="Typed."
    )
    text = response.content.decode()
    assert 'id="publish-checklist"' in text
    for warning in (
        "No English summary",
        "No hero photo.",
        "No byline.",
        "The Khmer version is draft.",
    ):
        assert warning in text
    article = Article.objects.get(pk=article.pk)
    assert article.body_en == "Typed."  # saved before the checklist
    assert article.status_en == Status.DRAFT  # and not published yet

    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find(id="publish-checklist").find("form")
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    data["transition"] = form.find("button")["value"]
    client.post(form["action"], data)
    assert Article.objects.get(pk=article.pk).is_published_in("en")


def test_scheduling_a_draft_in_one_step(client, desk_editor):
    article = complete_story(status_km=Status.PUBLISHED)
    later = timezone.localtime(timezone.now() + timedelta(days=1))
    client.force_login(desk_editor)
    press(
        client,
        article,
        ("_workflow_action", "schedule_draft:en"),
        schedule_at_en=later.strftime("%Y-%m-%dT%H:%M"),
    )
    article = Article.objects.get(pk=article.pk)
    assert article.status_en == Status.SCHEDULED
    assert article.published_at_en.replace(second=0, microsecond=0) == later.replace(
        second=0, microsecond=0
    )


def test_reporters_keep_the_review_path(client, make_user):
    reporter = make_user("Reporter")
    article = ArticleFactory()
    AssignmentFactory(article=article, user=reporter, role="reporter")
    client.force_login(reporter)
    page = client.get(change_url(article)).content.decode()
    assert 'value="publish_draft:en"' not in page
    assert "Before publishing" not in page  # the checklist is for publishers
    response = press(
        client, article, ("_workflow_action", "publish_draft:en"), body_en="Mine."
    )
    assert "You may not publish now the English version" in response.content.decode()
    article = Article.objects.get(pk=article.pk)
    assert (article.body_en, article.status_en) == ("Mine.", Status.DRAFT)
