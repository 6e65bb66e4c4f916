"""The workflow's part of the story admin, mixed into articles' ArticleAdmin.

Server-side enforcement lives here: the queryset (who sees which story), the
read-only fields (who may change which language; nobody sets status by hand),
inline permissions, bulk actions filtered by permission, and the extra URLs
(views.py, desk.py), each of which checks the user again.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.urls import reverse

from articles.admin_routes import admin_route
from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name, localized
from articles.models import Status
from workflow import (
    audit,
    checklist,
    conflicts,
    locks,
    outdated,
    revisions,
    roles,
    share_links,
)
from workflow.admin import desk, editing, form_actions, preview, views
from workflow.admin.actions import workflow_actions
from workflow.admin.forms import WorkflowArticleForm
from workflow.admin.my_work import MyWorkFilter
from workflow.inline_access import restrict_inline
from workflow.models import Assignment, Autosave
from workflow.revisions import (
    SHARED_FIELDS,
    STATE_FIELDS,
    TRANSLATED,
)
from workflow.transitions import available_actions
from workflow.versioning import EditConflict, claim_version


class WorkflowAdminMixin:
    """Put before ArticleAdmin in StoryAdmin's bases."""

    form = WorkflowArticleForm
    change_form_template = "workflow/admin/change_form.html"
    actions = workflow_actions()

    # --- who sees and changes what ------------------------------------------

    def get_queryset(self, request):
        return roles.visible_articles(
            request.user, super().get_queryset(request)
        ).prefetch_related("assignments")

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or bool(roles.editable_languages(request.user, obj))

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *STATE_FIELDS]
        if obj is not None:
            editable = roles.editable_languages(request.user, obj)
            if editable != set(LANGUAGE_CODES):
                fields += SHARED_FIELDS
            fields += [
                field_name(base, code)
                for base in TRANSLATED
                for code in LANGUAGE_CODES
                if code not in editable and base not in {"status", "published_at"}
            ]
        return list(dict.fromkeys(fields))

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None or roles.may_edit_shared_fields(request.user, obj):
            return inlines
        # A translator: their language's captions, quotes, profile; else view only.
        languages = roles.editable_languages(request.user, obj)
        return [restrict_inline(inline, languages) for inline in inlines]

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            ("Revision", {"fields": ("change_note", "edit_version")}),
        ]

    # --- the writing surface: translation sources, autosave -----------------------

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["workflow/autosave.css"]}, js=["workflow/autosave.js"]
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        prefix = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        url = (
            reverse(f"{prefix}_autosave", args=[obj.pk])
            if obj is not None and obj.pk is not None
            else reverse(f"{prefix}_autosave_new")
        )
        for field in form.base_fields.values():
            if "data-markdown-editor" in field.widget.attrs:
                field.widget.attrs["data-autosave-url"] = url
        return form

    def editor_parts(self, request, article):
        return {
            **super().editor_parts(request, article),
            "sources": editing.translation_sources(request.user, article),
        }

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield conflicts.checked(formset), inline

    def get_list_filter(self, request):
        return [MyWorkFilter, *super().get_list_filter(request)]

    def get_actions(self, request):
        actions = super().get_actions(request)
        return {
            name: entry
            for name, entry in actions.items()
            if not getattr(entry[0], "required_permission", None)
            or roles.has(request.user, entry[0].required_permission)
        }

    # --- saving: version check, revision, assignments, translation bases -------

    def save_form(self, request, form, change):
        article = super().save_form(request, form, change)
        if change:
            claim_version(article, form.claim_from)
        else:
            article.version = 1
        return article

    def render_change_form(self, request, context, *args, **kwargs):
        if request.method == "POST" and transaction.get_connection().in_atomic_block:
            # A refused save (say an inline's error after save_form claimed the
            # version) keeps nothing, or its editor would conflict with itself.
            transaction.set_rollback(True)
            if form_actions.requested(request):
                self.message_user(
                    request,
                    "Your changes are not saved yet, so the workflow button was "
                    "not applied: fix what is marked below, then press it again.",
                    messages.WARNING,
                )
        return super().render_change_form(request, context, *args, **kwargs)

    def save_formset(self, request, form, formset, change):
        if conflicts.keeps_theirs(form.conflict, formset):
            formset.new_objects = formset.changed_objects = []
            formset.deleted_objects = []
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not change:
            Assignment.objects.get_or_create(
                article=article,
                user=request.user,
                role=Assignment.Role.REPORTER,
                language="",
            )
        outdated.record_bases(article, outdated.edited_languages(form.changed_data))
        drafts = Autosave.objects.filter(user=request.user)
        drafts.filter(article=article if change else None).delete()
        note = form.cleaned_data.get("change_note") or (
            "Edited" if change else "Created"
        )
        revisions.record_revision(article, request.user, note)
        if form.conflict is not None:
            audit.log(
                audit.Action.CONFLICT_SAVE,
                request.user,
                article,
                message=form.conflict.audit_message(),
            )

    def response_change(self, request, obj):
        # Inside the save's transaction, after a successful save: a workflow
        # button of the form takes its action on what was just saved.
        if form_actions.requested(request):
            return form_actions.after_save(self, request, obj)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id and request.method == "GET":
            article = self.get_object(request, object_id)
            if article is not None:
                revisions.ensure_baseline(article)
                extra_context = {
                    **(extra_context or {}),
                    **self._panel_context(request, article),
                }
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # The other save committed between our clean() and our UPDATE:
            # everything was rolled back; render again, and clean() explains.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        audit.log(audit.Action.DELETE, request.user, obj, message=f"Deleted “{obj}”")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            audit.log(
                audit.Action.DELETE,
                request.user,
                article,
                message=f"Deleted “{article}”",
            )
        super().delete_queryset(request, queryset)

    # --- the panel above the form ------------------------------------------------

    def _panel_context(self, request, article):
        may_publish = roles.has(request.user, "publish_story")
        links = [
            {"link": link, "url": share_links.url(link)}
            for link in share_links.active_links(article)
        ]
        languages = [
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "status": Status(localized(article, "status", code)).label,
                "published_at": localized(article, "published_at", code),
                "actions": available_actions(request.user, article, code),
                "out_of_date": outdated.changed_since_translation(article, code),
                "warnings": checklist.warnings(article, code) if may_publish else None,
                "share_links": [e for e in links if e["link"].language == code],
            }
            for code in LANGUAGE_CODES
        ]
        return {
            "workflow_languages": languages,
            "workflow_others": locks.heartbeat(article, request.user),
        }

    # --- extra URLs (views.py, desk.py) -----------------------------------------

    def get_urls(self):
        def route(pattern, view, name):
            return admin_route(self, pattern, view, name)

        return [
            route("desk/", desk.desk, "desk"),
            route("autosave/", editing.autosave_new, "autosave_new"),
            route("<path:object_id>/autosave/", editing.autosave, "autosave"),
            route("<path:object_id>/transition/", views.transition, "transition"),
            route("<path:object_id>/presence/", views.presence, "presence"),
            route("<path:object_id>/preview/", preview.preview, "preview"),
            route("<path:object_id>/revisions/", views.history, "revisions"),
            route(
                "<path:object_id>/revisions/<int:version>/restore/",
                views.restore,
                "restore",
            ),
            *super().get_urls(),
        ]
