"""Roles enforced on the server: direct POSTs, not only what the UI shows."""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, AssignmentFactory, BylineFactory
from workflow.models import Assignment, Revision
from workflow.transitions import TransitionError, perform


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


@pytest.fixture
def reporter(make_user):
    return make_user("Reporter")


@pytest.fixture
def translator(make_user):
    return make_user("Translator")


@pytest.fixture
def desk_editor(make_user):
    return make_user("Editor")


@pytest.fixture
def own_story(reporter):
    article = ArticleFactory()
    AssignmentFactory(article=article, user=reporter, role="reporter")
    return article


@pytest.mark.django_db
def test_groups_exist_with_their_permissions(reporter, translator, desk_editor):
    assert reporter.has_perm("articles.add_article")
    assert not reporter.has_perm("workflow.publish_story")
    assert not reporter.has_perm("articles.delete_article")
    assert translator.has_perm("articles.change_article")
    assert not translator.has_perm("articles.add_article")
    assert not translator.has_perm("workflow.publish_story")
    assert desk_editor.has_perm("workflow.publish_story")
    assert desk_editor.has_perm("workflow.edit_any_story")
    assert not desk_editor.has_perm("auth.change_user")


@pytest.mark.django_db
def test_reporter_creates_a_story_and_owns_it(client, reporter):
    client.force_login(reporter)
    add_url = reverse("admin:articles_article_add")
    data = form_data(client.get(add_url))
    section = ArticleFactory().section
    data.update(
        title_en="Polling stations open",
        title_km="ការិយាល័យបោះឆ្នោតបើក",
        section=str(section.pk),
        body_en="Voters queued.",
        change_note="First draft",
    )
    response = client.post(add_url, data)
    assert response.status_code == 302
    article = Article.objects.get(title_en="Polling stations open")
    assert article.title_km == "ការិយាល័យបោះឆ្នោតបើក"
    assert article.status_en == Status.DRAFT
    assert article.version == 1
    assert Assignment.objects.filter(
        article=article, user=reporter, role="reporter"
    ).exists()
    revision = Revision.objects.get(article=article)
    assert (revision.version, revision.author, revision.note) == (
        1,
        reporter,
        "First draft",
    )


@pytest.mark.django_db
def test_reporter_cannot_publish_by_posting_the_change_form(
    client, reporter, own_story
):
    client.force_login(reporter)
    data = form_data(client.get(change_url(own_story)))
    assert "status_en" not in data  # not even in the form
    data.update(
        status_en=Status.PUBLISHED,
        status_km=Status.PUBLISHED,
        published_at_en_0="2018-07-20",
        published_at_en_1="06:00:00",
        title_en="Edited headline",
    )
    response = client.post(change_url(own_story), data)
    assert response.status_code == 302
    own_story.refresh_from_db()
    assert own_story.title_en == "Edited headline"  # the edit is kept
    assert own_story.status_en == Status.DRAFT  # the status is not
    assert own_story.status_km == Status.DRAFT
    assert own_story.published_at_en is None
    assert not Article.objects.published("en").exists()


@pytest.mark.django_db
def test_reporter_cannot_publish_through_transition_url(client, reporter, own_story):
    Article.objects.filter(pk=own_story.pk).update(status_en=Status.READY)
    client.force_login(reporter)
    response = client.post(
        transition_url(own_story), {"transition": "publish:en"}, follow=True
    )
    assert "You may not publish now" in response.content.decode()
    own_story.refresh_from_db()
    assert own_story.status_en == Status.READY


@pytest.mark.django_db
def test_reporter_cannot_publish_through_bulk_action(client, reporter, own_story):
    Article.objects.filter(pk=own_story.pk).update(status_en=Status.READY)
    client.force_login(reporter)
    changelist = reverse("admin:articles_article_changelist")
    actions = client.get(changelist).context["action_form"].fields["action"].choices
    assert "publish_en" not in {name for name, _label in actions}
    assert "submit_en" in {name for name, _label in actions}
    client.post(
        changelist,
        {"action": "publish_en", "_selected_action": [own_story.pk]},
    )
    own_story.refresh_from_db()
    assert own_story.status_en == Status.READY


@pytest.mark.django_db
def test_reporter_submits_own_story(client, reporter, own_story):
    client.force_login(reporter)
    client.post(transition_url(own_story), {"transition": "submit:en"})
    own_story.refresh_from_db()
    assert own_story.status_en == Status.IN_REVIEW
    assert own_story.transitions.get().actor == reporter


@pytest.mark.django_db
def test_reporter_cannot_see_or_post_to_other_stories(client, reporter):
    other = ArticleFactory(title_en="Someone else's")
    client.force_login(reporter)
    changelist = client.get(reverse("admin:articles_article_changelist"))
    assert other not in changelist.context["cl"].result_list
    response = client.get(change_url(other))
    assert response.status_code == 302  # "does not exist" redirect
    client.post(change_url(other), {"title_en": "Hijacked"})
    client.post(transition_url(other), {"transition": "submit:en"})
    other.refresh_from_db()
    assert (other.title_en, other.status_en) == ("Someone else's", Status.DRAFT)


@pytest.mark.django_db
def test_reporter_cannot_edit_a_story_once_ready_or_published(
    client, reporter, own_story
):
    client.force_login(reporter)
    data = form_data(client.get(change_url(own_story)))
    Article.objects.filter(pk=own_story.pk).update(status_en=Status.PUBLISHED)
    data["title_en"] = "Late edit"
    assert client.post(change_url(own_story), data).status_code == 403
    own_story.refresh_from_db()
    assert own_story.title_en != "Late edit"


@pytest.mark.django_db
def test_translator_form_has_only_the_assigned_language(client, translator):
    article = ArticleFactory(title_km="", body_km="")
    BylineFactory(article=article)
    AssignmentFactory(
        article=article, user=translator, role="translator", language="km"
    )
    client.force_login(translator)
    response = client.get(change_url(article))
    form_fields = set(response.context["adminform"].form.fields)
    assert {"title_km", "summary_km", "body_km"} <= form_fields
    assert not form_fields & {"title_en", "body_en", "section", "slug", "tags"}
    data = form_data(response)
    data.update(
        title_km="ចំណងជើងថ្មី",
        body_km="អត្ថបទ។",
        title_en="Tampered English",
        slug="tampered",
        **{"bylines-0-role": "photographer", "bylines-TOTAL_FORMS": "1"},
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title_km == "ចំណងជើងថ្មី"
    assert article.title_en != "Tampered English"
    assert article.slug != "tampered"
    assert article.bylines.get().role == "reporter"


@pytest.mark.django_db
def test_translator_submits_but_cannot_approve_or_publish(translator):
    article = ArticleFactory()
    AssignmentFactory(
        article=article, user=translator, role="translator", language="km"
    )
    perform("submit", article, "km", translator)
    with pytest.raises(TransitionError):
        perform("submit", article, "en", translator)
    with pytest.raises(TransitionError, match="may not"):
        perform("approve", article, "km", translator)


ROLE_MATRIX = [
    # role, action, starting state, allowed
    ("Reporter", "submit", Status.DRAFT, True),
    ("Reporter", "approve", Status.IN_REVIEW, False),
    ("Reporter", "publish", Status.READY, False),
    ("Reporter", "schedule", Status.READY, False),
    ("Reporter", "withdraw", Status.PUBLISHED, False),
    ("Translator", "submit", Status.DRAFT, True),
    ("Translator", "approve", Status.IN_REVIEW, False),
    ("Translator", "publish", Status.READY, False),
    ("Translator", "withdraw", Status.PUBLISHED, False),
    ("Editor", "submit", Status.DRAFT, True),
    ("Editor", "approve", Status.IN_REVIEW, True),
    ("Editor", "return_to_draft", Status.READY, True),
    ("Editor", "publish", Status.READY, True),
    ("Editor", "schedule", Status.READY, True),
    ("Editor", "unschedule", Status.SCHEDULED, True),
    ("Editor", "withdraw", Status.PUBLISHED, True),
    ("Admin", "publish", Status.READY, True),
    ("Admin", "withdraw", Status.PUBLISHED, True),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "state", "allowed"), ROLE_MATRIX)
def test_permission_matrix_through_the_admin(
    client, make_user, role, action, state, allowed
):
    from datetime import timedelta

    from django.utils import timezone

    user = make_user(role)
    later = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(
        status_km=state,
        published_at_km=later if state == Status.SCHEDULED else None,
    )
    AssignmentFactory(
        article=article,
        user=user,
        role="translator" if role == "Translator" else "reporter",
        language="km" if role == "Translator" else "",
    )
    client.force_login(user)
    client.post(
        transition_url(article),
        {
            "transition": f"{action}:km",
            "schedule_at_km": timezone.localtime(later).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    article.refresh_from_db()
    assert (article.status_km != state) is allowed


@pytest.mark.django_db
def test_panel_offers_only_the_users_own_actions(client, reporter, own_story):
    client.force_login(reporter)
    page = client.get(change_url(own_story)).content.decode()
    assert 'value="submit:en"' in page
    assert 'value="publish:en"' not in page


@pytest.mark.django_db
def test_editor_panel_offers_publish_and_schedule(client, desk_editor):
    article = ArticleFactory(status_en=Status.READY)
    client.force_login(desk_editor)
    page = client.get(change_url(article)).content.decode()
    assert 'value="publish:en"' in page
    assert 'name="schedule_at_en"' in page
    assert 'value="approve:km"' not in page  # Khmer is a draft


@pytest.mark.django_db
def test_editor_bulk_publish_reports_refusals(client, desk_editor):
    ready = ArticleFactory(status_en=Status.READY)
    draft = ArticleFactory(status_en=Status.DRAFT)
    client.force_login(desk_editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_en", "_selected_action": [ready.pk, draft.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "Publish now: 1 English version(s)." in text
    assert "only applies to a version that is" in text
    assert list(Article.objects.published("en")) == [ready]


@pytest.mark.django_db
def test_admin_role_regains_permissions_of_apps_added_later():
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    admin = Group.objects.get(name="Admin")
    # As if syndication had been installed after the roles migration ran.
    admin.permissions.remove(
        *Permission.objects.filter(content_type__app_label="syndication")
    )
    call_command("migrate", verbosity=0)
    assert admin.permissions.filter(
        content_type__app_label="syndication", codename="add_partner"
    ).exists()
    assert admin.permissions.count() == Permission.objects.count()
