"""The workflow's part of the story admin, mixed into articles.admin.ArticleAdmin.

Server-side enforcement lives here: the queryset (who sees which story), the
read-only fields (who may change which language; nobody sets status by hand),
inline permissions, bulk actions filtered by permission, and the extra URLs
(transition, presence, history, restore, translation desk), each of which
checks the user again.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.languages import LANGUAGE_CODES, field_name, localized
from articles.models import Status
from workflow import audit, conflicts, locks, outdated, revisions, roles
from workflow.inline_access import restrict_inline
from workflow.models import Assignment, Revision
from workflow.revisions import (
    LANGUAGE_NAMES,
    SHARED_FIELDS,
    STATE_FIELDS,
    TRANSLATED,
)
from workflow.transitions import ACTIONS, TransitionError, available_actions, perform
from workflow.versioning import EditConflict, claim_version

BULK_ACTIONS = ("submit", "approve", "publish", "withdraw")


class WorkflowArticleForm(forms.ModelForm):
    """Carries the version the editor started from, and a change note.

    `edit_version` stays the version the editor opened, also on a refused
    save: only an explicit choice per conflicting part (workflow/conflicts.py)
    lets a save from an older version through.
    """

    conflict = None  # a conflicts.Conflict once clean() found one
    claim_from = None  # the version this save replaces, once clean() passed

    edit_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )
    change_note = forms.CharField(
        max_length=300,
        required=False,
        help_text="What you changed and why; shown in the story's history.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["edit_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        expected = cleaned.get("edit_version")
        if expected is None:
            raise ValidationError(
                "This form does not say which version of the story it edits; "
                "reload the story and make your changes again."
            )
        # The story as read for this request; the UPDATE in save_form checks
        # that its version is still current.
        conflict = conflicts.detect(self.instance, expected, self.data)
        if conflict is None:
            self.claim_from = expected
            return cleaned
        self.conflict = self.instance._workflow_conflict = conflict
        conflicts.add_field_parts(conflict, self)
        if not conflict.resolved:
            raise conflict.refuse()
        for part in conflict.parts:
            if part.choice == conflicts.THEIRS:
                cleaned.pop(part.key, None)  # the field keeps the saved value
        self.claim_from = conflict.current
        return cleaned


def _bulk_action(name, language):
    action = ACTIONS[name]

    def run(modeladmin, request, queryset):
        done, refused = 0, []
        for article in queryset:
            try:
                perform(name, article, language, request.user)
            except TransitionError as error:
                refused.append(f"“{article}”: {error}")
            else:
                done += 1
        if done:
            modeladmin.message_user(
                request,
                f"{action.label}: {done} {LANGUAGE_NAMES[language]} version(s).",
            )
        for reason in refused:
            modeladmin.message_user(request, reason, messages.ERROR)

    run.__name__ = f"{name}_{language}"
    run.short_description = f"{action.label} – {LANGUAGE_NAMES[language]}"
    run.required_permission = action.permission
    return run


def workflow_actions():
    """Bulk transitions, one per action and language (publish_en, withdraw_km…)."""
    return [_bulk_action(n, code) for code in LANGUAGE_CODES for n in BULK_ACTIONS]


class WorkflowAdminMixin:
    """Put before TabbedTranslationAdmin in ArticleAdmin's bases."""

    form = WorkflowArticleForm
    change_form_template = "workflow/admin/change_form.html"

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

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield conflicts.checked(formset), inline

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
        languages = [
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "status": Status(localized(article, "status", code)).label,
                "published_at": localized(article, "published_at", code),
                "actions": available_actions(request.user, article, code),
                "out_of_date": outdated.changed_since_translation(article, code),
            }
            for code in LANGUAGE_CODES
        ]
        return {
            "workflow_languages": languages,
            "workflow_others": locks.heartbeat(article, request.user),
        }

    # --- extra URLs -------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("desk/", wrap(self.desk_view), name="{}_{}_desk".format(*info)),
            path(
                "<path:object_id>/transition/",
                wrap(self.transition_view),
                name="{}_{}_transition".format(*info),
            ),
            path(
                "<path:object_id>/presence/",
                wrap(self.presence_view),
                name="{}_{}_presence".format(*info),
            ),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name="{}_{}_revisions".format(*info),
            ),
            path(
                "<path:object_id>/revisions/<int:version>/restore/",
                wrap(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id):
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404("No story you may see has this number.")
        return article

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def transition_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        name, _, language = request.POST.get("transition", "").partition(":")
        when = None
        if name == "schedule":
            raw = request.POST.get(f"schedule_at_{language}", "")
            when = parse_datetime(raw)
            if when is not None and timezone.is_naive(when):
                when = timezone.make_aware(when)
        try:
            perform(name, article, language, request.user, when=when)
        except TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                f"{ACTIONS[name].label}: done for the "
                f"{LANGUAGE_NAMES[language]} version.",
            )
        return HttpResponseRedirect(self._change_url(article))

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        return JsonResponse(
            {
                "others": locks.heartbeat(article, request.user),
                "expires_in": locks.LOCK_SECONDS,
            }
        )

    def revisions_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        history = list(article.revisions.select_related("author"))
        by_version = {r.version: r for r in history}
        changes, pair = None, None
        a, b = request.GET.get("a"), request.GET.get("b")
        if a and b:
            try:
                older, newer = sorted((int(a), int(b)))
                pair = (by_version[older], by_version[newer])
            except (ValueError, KeyError) as error:
                raise Http404("Choose two revisions of this story.") from error
            changes = revisions.diff(pair[0].data, pair[1].data)
        return TemplateResponse(
            request,
            "workflow/admin/revisions.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": f"History of “{article}”",
                "article": article,
                "history": history,
                "pair": pair,
                "changes": changes,
                "may_restore": roles.has(request.user, "restore_revision")
                and self.has_change_permission(request, article),
            },
        )

    def restore_view(self, request, object_id, version):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        if not (
            roles.has(request.user, "restore_revision")
            and self.has_change_permission(request, article)
        ):
            raise PermissionDenied
        revision = get_object_or_404(Revision, article=article, version=version)
        new = revisions.restore(article, revision, request.user)
        self.message_user(
            request, f"Restored version {version}; it is now version {new.version}."
        )
        return HttpResponseRedirect(self._change_url(article))

    def desk_view(self, request):
        """Stories × languages: state, out-of-date fields, assignee, last edit."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        params = request.GET
        wanted_languages = [
            c for c in LANGUAGE_CODES if params.get("language") in (None, "", c)
        ]
        last = Revision.objects.filter(article=models.OuterRef("pk")).order_by(
            "-version"
        )
        articles = (
            self.get_queryset(request)
            .select_related("section")
            .prefetch_related("assignments__user", "translation_bases")
            .annotate(
                last_edit_at=models.Subquery(last.values("created_at")[:1]),
                last_edit_by=models.Subquery(last.values("author__username")[:1]),
            )
            .order_by("-updated_at", "-pk")
        )
        if params.get("status"):  # narrow in the database; rows check again
            in_state = models.Q(pk__in=[])
            for code in wanted_languages:
                in_state |= models.Q(**{field_name("status", code): params["status"]})
            articles = articles.filter(in_state)
        if params.get("q"):
            articles = articles.filter(
                models.Q(title_en__icontains=params["q"])
                | models.Q(title_km__icontains=params["q"])
            )
        rows = []
        for article in articles:
            for code in wanted_languages:
                row = _desk_row(article, code)
                if _desk_row_matches(row, params, request.user):
                    rows.append(row)
        page = Paginator(rows, 100).get_page(params.get("page"))
        return TemplateResponse(
            request,
            "workflow/admin/desk.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Translation desk",
                "page": page,
                "languages": [(c, LANGUAGE_NAMES[c]) for c in LANGUAGE_CODES],
                "statuses": Status.choices,
                "params": params,
            },
        )


def _desk_row(article, language):
    translators = [
        a.user
        for a in article.assignments.all()
        if a.role == Assignment.Role.TRANSLATOR and a.language == language
    ]
    return {
        "article": article,
        "language": language,
        "language_name": LANGUAGE_NAMES[language],
        "status": localized(article, "status", language),
        "status_label": Status(localized(article, "status", language)).label,
        "out_of_date": outdated.changed_since_translation(article, language),
        "assignees": translators,
        "last_edit_at": article.last_edit_at or article.updated_at,
        "last_edit_by": article.last_edit_by or "",
    }


def _desk_row_matches(row, params, user):
    if params.get("status") and row["status"] != params["status"]:
        return False
    if params.get("out_of_date") == "1" and not row["out_of_date"]:
        return False
    assignee = params.get("assignee")
    if assignee == "me":
        return user in row["assignees"]
    if assignee == "none":
        return not row["assignees"]
    return True
