"""The photo library in the admin."""

from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from modeltranslation.admin import TabbedTranslationAdmin

from media_assets.models import Photo


def thumbnail_html(photo, height=60):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img src="{}" alt="" style="height:{}px;width:auto;border-radius:2px">',
        photo.url,
        height,
    )


@admin.register(Photo)
class PhotoAdmin(TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("thumbnail", "short_cutline", "credit", "source", "rights_label")
    list_filter = ("rights", "source")
    search_fields = ("cutline_en", "cutline_km", "alt_text_en", "credit", "source")
    readonly_fields = ("thumbnail_large", "width", "height", "created_at", "updated_at")
    fields = (
        "image",
        "source_url",
        "thumbnail_large",
        "cutline",
        "alt_text",
        "credit",
        "source",
        "rights",
        ("width", "height"),
        ("created_at", "updated_at"),
    )

    @admin.display(description="Photo")
    def thumbnail(self, photo):
        return thumbnail_html(photo)

    @admin.display(description="Preview")
    def thumbnail_large(self, photo):
        return thumbnail_html(photo, height=240)

    @admin.display(description="Cutline")
    def short_cutline(self, photo):
        return str(photo)

    @admin.display(description="Partners")
    def rights_label(self, photo):
        return "may republish" if photo.may_syndicate else "no"
