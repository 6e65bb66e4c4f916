"""workflow.admin plugs the workflow into articles' admin through registration.

articles registers a complete ArticleAdmin that knows nothing of the workflow;
workflow.admin replaces it with StoryAdmin (WorkflowAdminMixin in front).
"""

import pytest
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from articles.admin import ArticleAdmin
from articles.models import Article, Status
from tests.admin_forms import form_data
from tests.factories import ArticleFactory
from workflow.admin import StoryAdmin
from workflow.admin.story import WorkflowAdminMixin
from workflow.models import Revision

pytestmark = pytest.mark.django_db


def test_the_site_uses_the_story_admin_built_on_articles_admin():
    registered = admin.site.get_model_admin(Article)
    # Apps above workflow (search) may wrap it again; it stays a StoryAdmin.
    assert isinstance(registered, StoryAdmin)
    assert StoryAdmin.__mro__[1:3] == (WorkflowAdminMixin, ArticleAdmin)
    assert not issubclass(ArticleAdmin, WorkflowAdminMixin)


def as_editor(editor, method="get", data=None):
    request = getattr(RequestFactory(), method)("/admin/", data or {})
    request.user = editor
    request.session = {}
    request._messages = FallbackStorage(request)
    request._dont_enforce_csrf_checks = True
    return request


def test_articles_own_admin_edits_a_story_without_the_workflow(editor):
    """No roles, versions or transitions: status is a field, saved as typed."""
    plain = ArticleAdmin(Article, admin.site)
    article = ArticleFactory(title_en="Plain story")
    page = plain.change_view(as_editor(editor), str(article.pk))
    page.render()
    assert page.status_code == 200
    data = form_data(page)
    assert data["status_en"] == Status.DRAFT  # a select, not read-only text
    assert "edit_version" not in data and "change_note" not in data
    assert set(plain.get_actions(as_editor(editor))) == {"delete_selected"}
    assert not any(p.name and p.name.endswith("_desk") for p in plain.get_urls())

    data.update(title_en="Plain story, edited", status_en=Status.PUBLISHED)
    saved = plain.change_view(as_editor(editor, "post", data), str(article.pk))
    assert saved.status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.status_en) == (
        "Plain story, edited",
        Status.PUBLISHED,
    )
    assert article.published_at_en is not None  # ArticleAdmin.save_form
    assert article.version == 0  # no version claimed
    assert not Revision.objects.filter(article=article).exists()
