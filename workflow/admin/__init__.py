"""The workflow in the admin: the story admin with roles, versions and
transitions, and the workflow's own records.

Django's seam for an upper app: articles registers a complete ArticleAdmin
(no workflow); this package replaces that registration with StoryAdmin, the
same admin with WorkflowAdminMixin in front. Modules: story (the mixin),
forms, actions (bulk transitions), views (transition, presence, history,
restore), desk (the translation desk), records (audit, corrections, users).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model

from articles.admin import ArticleAdmin
from articles.models import Article
from workflow.admin.records import (
    AssignmentAdmin,
    AuditedUserAdmin,
    AuditEntryAdmin,
    CorrectionAdmin,
)
from workflow.admin.story import WorkflowAdminMixin
from workflow.models import Assignment, AuditEntry, Correction


class StoryAdmin(WorkflowAdminMixin, ArticleAdmin):
    """The story admin the newsroom uses: articles' admin under the workflow."""


admin.site.unregister(Article)
admin.site.register(Article, StoryAdmin)
admin.site.register(AuditEntry, AuditEntryAdmin)
admin.site.register(Correction, CorrectionAdmin)
admin.site.register(Assignment, AssignmentAdmin)

User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)
