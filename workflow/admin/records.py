"""Admin for the workflow's own records: audit log, corrections, assignments,
and Django's user admin naming who changes roles. Registered in __init__."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from workflow import audit
from workflow.corrections import add_correction, edit_correction
from workflow.models import CorrectionEdit


class AuditEntryAdmin(admin.ModelAdmin):
    """Searchable and read-only: nobody edits or deletes the record."""

    list_display = ("at", "actor_name", "action", "story", "language", "message")
    list_filter = ("action", "language", "at")
    search_fields = ("actor_name", "story", "message")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CorrectionEditInline(admin.TabularInline):
    model = CorrectionEdit
    extra = 0
    fields = ("at", "editor", "old_text", "new_text")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("article", "language", "kind", "created_at", "created_by")
    list_filter = ("kind", "language")
    search_fields = ("text", "article__title_en", "article__title_km")
    autocomplete_fields = ("article",)
    inlines = (CorrectionEditInline,)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("article", "language", "kind", "created_at", "created_by")

    def has_delete_permission(self, request, obj=None):
        # A published correction stays; it can be edited, with a trail.
        if obj is not None and obj.article.is_published_in(obj.language):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            edit_correction(obj, form.cleaned_data["text"], request.user)
        else:
            created = add_correction(
                obj.article,
                obj.language,
                obj.kind,
                obj.text,
                request.user,
                at=obj.created_at,
            )
            obj.pk = created.pk


class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("article", "user", "role", "language", "created_at")
    list_filter = ("role", "language")
    search_fields = ("article__title_en", "article__title_km", "user__username")
    autocomplete_fields = ("article", "user")


class AuditedUserAdmin(UserAdmin):
    """Django's user admin, naming the actor of role (group) changes."""

    def changeform_view(self, request, *args, **kwargs):
        with audit.acting_as(request.user):
            return super().changeform_view(request, *args, **kwargs)
