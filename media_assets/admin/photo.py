"""PhotoAdmin: the library's columns, the change form's fields and its saves."""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import path
from django.utils.html import format_html
from modeltranslation.admin import TabbedTranslationAdmin

from media_assets import rights
from media_assets.admin import bulk_upload, grid
from media_assets.admin.display import (
    ADMIN_CSS,
    changes_table_html,
    focal_preview_html,
    metadata_table_html,
    thumbnail_html,
)
from media_assets.admin.forms import PhotoAdminForm
from media_assets.models import FILE_FIELDS, RIGHTS_FIELDS, changes_by
from media_assets.renditions import correct_dimensions
from media_assets.services import apply_metadata, photo_changed, schedule_renditions

REPLACE_PUBLISHED_PERMISSION = "media_assets.replace_published_photo"
HISTORY_ROWS = 50


class PartnerRightsFilter(admin.SimpleListFilter):
    """Rights as the feeds apply them: the stored rights.decide() answer."""

    title = "partners may republish"
    parameter_name = "partners"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.syndicatable()
        if self.value() == "no":
            return queryset.withheld()
        return queryset


class PhotoAdmin(TabbedTranslationAdmin):
    form = PhotoAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/media_assets/photo/change_list.html"
    # An upper app's grid may extend this one (its block "photo_notes").
    grid_template = "admin/media_assets/photo/grid.html"
    list_display = (
        "thumbnail",
        "short_cutline",
        "credit",
        "source",
        "rights_label",
    )
    list_filter = (PartnerRightsFilter, "rights", "source")
    search_fields = (
        "cutline_en",
        "cutline_km",
        "alt_text_en",
        "alt_text_km",
        "credit",
        "source",
    )
    readonly_fields = (
        "focal_preview",
        "partners",
        "read_from_file",
        "width",
        "height",
        "history",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("image", "source_url")}),
        (
            "Focal point",
            {
                "fields": ("focal_preview", ("focal_x", "focal_y")),
                "description": "Click the picture on what must stay in view when "
                "it is cropped to 16:9, square or 4:5.",
            },
        ),
        ("Caption and credit", {"fields": ("cutline", "alt_text", "credit", "source")}),
        ("Rights", {"fields": ("partners", "rights", "copyright", "date_taken")}),
        (
            "About the file",
            {
                "fields": (
                    "read_from_file",
                    ("width", "height"),
                    "history",
                    ("created_at", "updated_at"),
                )
            },
        ),
    )

    class Media:
        css = {"all": (ADMIN_CSS,)}
        js = ("media_assets/focal_point.js",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"  # Django 6's default, chosen now
        if db_field.name == "image":
            # validation.py judges the content with plain-words reasons; the
            # stock ImageField would answer first with a generic message.
            kwargs["form_class"] = forms.FileField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        """Rights for the photo desk only; a file readers see for editors only."""
        fields = list(super().get_readonly_fields(request, obj))
        if not rights.is_photo_desk(request.user):
            fields += RIGHTS_FIELDS
        if obj is not None and not self.may_replace_file(request, obj):
            fields += FILE_FIELDS
        return fields

    def may_replace_file(self, request, photo):
        if request.user.has_perm(REPLACE_PUBLISHED_PERMISSION):
            return True
        return not self.shown_to_readers(photo)

    def shown_to_readers(self, photo):
        """Whether a published page shows `photo`: the story layer knows.

        media_assets knows no stories, so it fails closed: every stored photo
        counts as shown until articles.admin_photos' subclass answers.
        """
        return photo.pk is not None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_renditions(prefix="1x1-")

    # --- columns and read-only fields ----------------------------------

    @admin.display(description="Photo")
    def thumbnail(self, photo):
        return thumbnail_html(photo)

    @admin.display(description="Cutline")
    def short_cutline(self, photo):
        return str(photo)

    @admin.display(description="Partners")
    def rights_label(self, photo):
        return format_html(
            '<span title="{}">{}</span>',
            photo.rights_reason,
            "may republish" if photo.may_syndicate else "withheld",
        )

    @admin.display(description="Partners")
    def partners(self, photo):
        if photo.pk is None:
            return "Decided from the rights, the source and the file once saved."
        return rights.describe(photo)

    @admin.display(description="Changes of file and rights")
    def history(self, photo):
        changes = photo.changes.all()[:HISTORY_ROWS] if photo.pk else []
        if not changes:
            return "None recorded."
        return changes_table_html(changes)

    @admin.display(description="Preview")
    def focal_preview(self, photo):
        if not photo.url:
            return "Save the photo first."
        return focal_preview_html(photo)

    @admin.display(description="Read from the file")
    def read_from_file(self, photo):
        found = (photo.embedded_metadata or {}).get("found") or []
        if not found:
            return "Nothing: the file carries no caption, credit or rights."
        return metadata_table_html(found)

    # --- saving: the same steps as ingest() ------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with changes_by(request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and set(FILE_FIELDS) & set(form.changed_data):
            rights.withhold_new_file(obj, request.user)
        if form.inspected:
            digest, metadata = form.inspected
            obj.content_hash = digest
            # The editor's typed values win over what the file says.
            typed = {name for name in form.changed_data if name != "image"}
            before = {name: getattr(obj, name) for name in typed}
            apply_metadata(obj, metadata, overwrite=not change)
            for name, value in before.items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)
        if change:
            photo_changed(obj, form.changed_data)
        elif obj.image:
            correct_dimensions(obj)
            schedule_renditions(obj)

    # --- the library view and extra pages -------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "bulk-upload/",
                wrap(self.bulk_upload_view),
                name="media_assets_photo_bulk_upload",
            ),
            *super().get_urls(),
        ]

    def bulk_upload_view(self, request):
        return bulk_upload.view(self, request)

    def changelist_view(self, request, extra_context=None):
        chosen = grid.remember_choice(request)
        if chosen is not None:
            return chosen
        extra_context = {
            **(extra_context or {}),
            **grid.context(request),
            "grid_template": self.grid_template,
        }
        return super().changelist_view(request, extra_context)
