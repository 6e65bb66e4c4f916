"""Audit entries for the events that matter, searchable and read-only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Status
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, AssignmentFactory, UserFactory
from workflow.models import AuditEntry
from workflow.transitions import perform


@pytest.mark.django_db
def test_role_change_in_the_admin_names_the_actor(editor_client, editor):
    user = UserFactory(username="sokha")
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(editor_client.get(url), "user_form")
    data["groups"] = [str(Group.objects.get(name="Editor").pk)]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="role_change")
    assert (entry.actor, entry.message) == (editor, "sokha added to Editor")
    user.groups.clear()  # outside a request: the system
    entry = AuditEntry.objects.filter(action="role_change").first()
    assert (entry.actor_name, entry.message) == ("system", "sokha removed from Editor")


@pytest.mark.django_db
def test_delete_in_the_admin_is_audited(editor_client, editor):
    article = ArticleFactory(title_en="Doomed story")
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    entry = AuditEntry.objects.get(action="delete")
    assert (entry.actor, entry.story, entry.article) == (editor, "Doomed story", None)


@pytest.mark.django_db
def test_reporter_cannot_delete(client, make_user):
    reporter = make_user("Reporter")
    article = ArticleFactory()
    AssignmentFactory(article=article, user=reporter)
    client.force_login(reporter)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert not AuditEntry.objects.filter(action="delete").exists()


@pytest.mark.django_db
def test_audit_admin_is_searchable_and_read_only(editor_client, editor):
    article = ArticleFactory(title_en="Polling day", status_en=Status.READY)
    perform("publish", article, "en", editor)
    changelist = reverse("admin:workflow_auditentry_changelist")
    found = editor_client.get(changelist, {"q": "Polling"}).context["cl"].result_list
    assert [e.action for e in found] == ["publish"]
    assert (
        not editor_client.get(changelist, {"q": "nothing"}).context["cl"].result_count
    )
    entry = found[0]
    change = reverse("admin:workflow_auditentry_change", args=[entry.pk])
    editor_client.post(change, {"message": "rewritten"})
    entry.refresh_from_db()
    assert entry.message != "rewritten"
    delete = reverse("admin:workflow_auditentry_delete", args=[entry.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
