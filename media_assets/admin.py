"""The photo library in the admin: grid or list, bulk upload, focal point, usage.

Rights, source, credit and copyright are the photo desk's: without the
`change_photo_rights` permission they are read-only (a forged POST of them is
ignored, being no form field). A file readers see is frozen without
`replace_published_photo`; which photos readers see is the story layer's
answer (articles.admin overrides `shown_to_readers`), and fails closed here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from media_assets.models import (
    FILE_FIELDS,
    RIGHTS_FIELDS,
    Photo,
    PhotoChange,
    Rights,
    changes_by,
)
from media_assets.renditions import correct_dimensions
from media_assets.services import (
    Status,
    apply_metadata,
    find_duplicate,
    ingest,
    inspect,
    photo_changed,
    schedule_renditions,
)

VIEW_SESSION_KEY = "media_assets.library_view"
LANGUAGE_NAMES = {"en": "English", "km": "Khmer"}
RIGHTS_PERMISSION = "media_assets.change_photo_rights"
REPLACE_PUBLISHED_PERMISSION = "media_assets.replace_published_photo"
HISTORY_ROWS = 50


def may_change_rights(user):
    return user.has_perm(RIGHTS_PERMISSION)


def partner_verdict(photo):
    """ "Withheld from partners: the file's EXIF Copyright names Reuters." """
    verdict = (
        "Partners may republish" if photo.may_syndicate else "Withheld from partners"
    )
    return f"{verdict}: {photo.rights_reason}" if photo.rights_reason else verdict


def thumbnail_html(photo, height=60):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img src="{}" alt="" loading="lazy" '
        'style="height:{}px;width:auto;border-radius:2px">',
        photo.thumbnail_url,
        height,
    )


def change_url(photo):
    return reverse("admin:media_assets_photo_change", args=[photo.pk])


def duplicate_message(existing):
    return format_html(
        'This file is already in the library: <a href="{}">photo {} “{}”</a>. '
        "Use that photo instead of uploading it again.",
        change_url(existing),
        existing.pk,
        existing,
    )


def published_languages_label(article):
    languages = [LANGUAGE_NAMES[code] for code in article.published_languages()]
    if not languages:
        return "draft"
    return "published in " + " and ".join(languages)


class PhotoAdminForm(forms.ModelForm):
    """Checks a new file for duplicates and reads its metadata once."""

    class Meta:
        model = Photo
        # The admin's fieldsets decide the full list; these are the ones this
        # form itself relies on.
        fields = ("image", "focal_x", "focal_y")
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": 0, "max": 1}),
        }

    inspected = None

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data and hasattr(upload, "size"):
            try:
                digest, metadata = inspect(upload)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
            existing = find_duplicate(digest)
            if existing and existing.pk != self.instance.pk:
                raise ValidationError(duplicate_message(existing), code="duplicate")
            self.inspected = (digest, metadata)
        return upload


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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label="Photos", help_text="Choose as many files as you like."
    )
    source = forms.CharField(
        max_length=200,
        required=False,
        help_text="Agency for files that name none, e.g. VOA Khmer. A file's own "
        "credit line wins.",
    )

    def __init__(self, *args, may_set_source=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_source:
            del self.fields["source"]  # the photo desk's to say


@admin.register(Photo)
class PhotoAdmin(TabbedTranslationAdmin):
    form = PhotoAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/media_assets/photo/change_list.html"
    list_display = (
        "thumbnail",
        "short_cutline",
        "credit",
        "source",
        "rights_label",
        "used_in",
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
        "usage",
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
                    "usage",
                    "history",
                    ("created_at", "updated_at"),
                )
            },
        ),
    )

    class Media:
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
        if not may_change_rights(request.user):
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
        counts as shown until articles.admin's subclass answers.
        """
        return photo.pk is not None

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(placement_count=Count("placements"))
            .prefetch_renditions(prefix="1x1-")
        )

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
        return partner_verdict(photo)

    @admin.display(description="Changes of file and rights")
    def history(self, photo):
        changes = photo.changes.all()[:HISTORY_ROWS] if photo.pk else []
        if not changes:
            return "None recorded."
        return format_html(
            "<table><tr><th>When</th><th>Who</th><th>Field</th><th>Before</th>"
            "<th>After</th></tr>{}</table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        date_format(localtime(c.at), "DATETIME_FORMAT"),
                        c.user_name,
                        c.field,
                        c.old or "—",
                        c.new or "—",
                    )
                    for c in changes
                ),
            ),
        )

    @admin.display(description="Used in", ordering="placement_count")
    def used_in(self, photo):
        count = getattr(photo, "placement_count", None)
        if not count:
            return "—"
        return format_html(
            '<a href="{}">{} {}</a>',
            reverse("admin:media_assets_photo_used_in", args=[photo.pk]),
            count,
            "story" if count == 1 else "stories",
        )

    @admin.display(description="Preview")
    def focal_preview(self, photo):
        if not photo.url:
            return "Save the photo first."
        return format_html(
            '<div class="focal-point" style="position:relative;display:inline-block">'
            '<img src="{}" alt="" style="max-width:480px;max-height:360px;'
            'cursor:crosshair;display:block" data-focal-preview>'
            '<span data-focal-marker style="position:absolute;left:{}%;top:{}%;'
            "width:18px;height:18px;margin:-9px 0 0 -9px;border:2px solid #fff;"
            'border-radius:50%;box-shadow:0 0 0 2px #c00;pointer-events:none">'
            "</span></div>",
            photo.url,
            round(photo.focal_x * 100, 1),
            round(photo.focal_y * 100, 1),
        )

    @admin.display(description="Read from the file")
    def read_from_file(self, photo):
        found = (photo.embedded_metadata or {}).get("found") or []
        if not found:
            return "Nothing: the file carries no caption, credit or rights."
        return format_html(
            "<table><tr><th>Field</th><th>Value</th><th>From</th></tr>{}</table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (i["field"], i["value"], f"{i['standard']} {i.get('tag', '')}")
                    for i in found
                ),
            ),
        )

    @admin.display(description="Used in")
    def usage(self, photo):
        if photo.pk is None:
            return "—"
        rows = self._placements(photo)
        if not rows:
            return "Not used in any story."
        return format_html_join(
            mark_safe("<br>"),  # noqa: S308 - a constant
            '<a href="{}">{}</a> — {}, {}',
            (
                (
                    reverse("admin:articles_article_change", args=[p.article_id]),
                    p.article,
                    p.get_kind_display(),
                    published_languages_label(p.article),
                )
                for p in rows
            ),
        )

    @staticmethod
    def _placements(photo):
        return list(photo.placements.select_related("article").order_by("article_id"))

    # --- saving: the same steps as ingest() ------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with changes_by(request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        replaced = change and set(FILE_FIELDS) & set(form.changed_data)
        if replaced and not may_change_rights(request.user):
            # A new picture under the old rights waits for the photo desk.
            obj.rights = Rights.NO_SYNDICATION
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

    # --- deleting: never a photo a story shows -----------------------------

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        if protected:
            protected = [
                f"“{photo}” is used in “{p.article}” ({p.get_kind_display()}, "
                f"{published_languages_label(p.article)}): remove it from that "
                "story first."
                for photo in objs
                for p in self._placements(photo)
            ]
        return deleted, counts, perms_needed, protected

    # --- extra pages ---------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "bulk-upload/",
                self.admin_site.admin_view(self.bulk_upload_view),
                name="media_assets_photo_bulk_upload",
            ),
            path(
                "<int:photo_id>/used-in/",
                self.admin_site.admin_view(self.used_in_view),
                name="media_assets_photo_used_in",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if request.GET.get("view") in ("grid", "list"):
            request.session[VIEW_SESSION_KEY] = request.GET["view"]
            query = request.GET.copy()
            del query["view"]
            return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
        view = request.session.get(VIEW_SESSION_KEY, "grid")
        extra_context = {
            **(extra_context or {}),
            "library_view": view,
            "grid": view == "grid" or IS_POPUP_VAR in request.GET,
        }
        return super().changelist_view(request, extra_context)

    def bulk_upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = None
        may_set_source = may_change_rights(request.user)
        form = BulkUploadForm(
            request.POST or None, request.FILES or None, may_set_source=may_set_source
        )
        if request.method == "POST" and form.is_valid():
            source = form.cleaned_data.get("source", "")
            with changes_by(request.user):
                results = [
                    ingest(upload, upload.name, source=source)
                    for upload in form.cleaned_data["files"]
                ]
            rejected = sum(result.status == Status.REJECTED for result in results)
            self.message_user(
                request,
                f"{len(results) - rejected} of {len(results)} file(s) are in the "
                "library; see each file's result below.",
                messages.WARNING if rejected else messages.SUCCESS,
            )
            form = BulkUploadForm(may_set_source=may_set_source)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload many photos",
            "form": form,
            "results": results,
        }
        return TemplateResponse(
            request, "admin/media_assets/photo/bulk_upload.html", context
        )

    def used_in_view(self, request, photo_id):
        photo = get_object_or_404(Photo, pk=photo_id)
        if not self.has_view_or_change_permission(request, photo):
            raise PermissionDenied
        title_fields = [build_localized_fieldname("title", c) for c in LANGUAGE_NAMES]
        rows = [
            {
                "placement": placement,
                "titles": [getattr(placement.article, f) for f in title_fields],
                "state": published_languages_label(placement.article),
                "url": reverse(
                    "admin:articles_article_change", args=[placement.article_id]
                ),
            }
            for placement in self._placements(photo)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Stories using “{photo}”",
            "photo": photo,
            "photo_url": change_url(photo),
            "rows": rows,
        }
        return TemplateResponse(
            request, "admin/media_assets/photo/used_in.html", context
        )


@admin.register(PhotoChange)
class PhotoChangeAdmin(admin.ModelAdmin):
    """The photo desk's log, searchable and read-only: nobody edits the record."""

    list_display = ("at", "user_name", "photo", "field", "old", "new")
    list_filter = ("field", "at")
    search_fields = ("user_name", "old", "new")
    date_hierarchy = "at"
    list_select_related = ("photo",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
