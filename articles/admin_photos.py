"""The photo library as the story layer sees it: which stories use each photo.

media_assets knows no stories; this subclass adds what only articles can say:
whether readers see a photo (its file stays), the "Used in" column, field and
page, and the plain-words refusal to delete a photo a story still places.
"""

import operator
from functools import reduce

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name
from articles.models import Article
from media_assets.admin.display import change_url
from media_assets.admin.photo import PhotoAdmin
from media_assets.models import Photo


def story_change_url(placement):
    return reverse("admin:articles_article_change", args=[placement.article_id])


def published_languages_label(article):
    languages = [LANGUAGE_NAMES[code] for code in article.published_languages()]
    if not languages:
        return "draft"
    return "published in " + " and ".join(languages)


def usage_html(placements):
    """One line per placement: the story (a link), the slot, its state."""
    return format_html_join(
        mark_safe("<br>"),  # noqa: S308 - a constant
        '<a href="{}">{}</a> — {}, {}',
        (
            (
                story_change_url(p),
                p.article,
                p.get_kind_display(),
                published_languages_label(p.article),
            )
            for p in placements
        ),
    )


def with_usage(fieldsets):
    """The library's fieldsets with "Used in" just before the change history."""
    result = []
    for name, options in fieldsets:
        fields = tuple(options["fields"])
        if "history" in fields:
            at = fields.index("history")
            fields = (*fields[:at], "usage", *fields[at:])
        result.append((name, {**options, "fields": fields}))
    return tuple(result)


admin.site.unregister(Photo)


@admin.register(Photo)
class StoryPhotoAdmin(PhotoAdmin):
    """The photo library, told which stories use each photo: a published
    story's photo keeps its file unless an editor changes it.
    """

    list_display = (*PhotoAdmin.list_display, "used_in")
    readonly_fields = (*PhotoAdmin.readonly_fields, "usage")
    fieldsets = with_usage(PhotoAdmin.fieldsets)
    grid_template = "admin/articles/photo/grid.html"

    def shown_to_readers(self, photo):
        if photo.pk is None:
            return False
        published = reduce(
            operator.or_, (Article.objects.published(c) for c in LANGUAGE_CODES)
        )
        return published.filter(placements__photo=photo).exists()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(placement_count=Count("placements"))

    @staticmethod
    def placements(photo):
        return list(photo.placements.select_related("article").order_by("article_id"))

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

    @admin.display(description="Used in")
    def usage(self, photo):
        if photo.pk is None:
            return "—"
        placements = self.placements(photo)
        if not placements:
            return "Not used in any story."
        return usage_html(placements)

    def get_deleted_objects(self, objs, request):
        """Never a photo a story places: say which stories, in plain words."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        if protected:
            protected = [
                f"“{photo}” is used in “{p.article}” ({p.get_kind_display()}, "
                f"{published_languages_label(p.article)}): remove it from that "
                "story first."
                for photo in objs
                for p in self.placements(photo)
            ]
        return deleted, counts, perms_needed, protected

    def get_urls(self):
        return [
            path(
                "<int:photo_id>/used-in/",
                self.admin_site.admin_view(self.used_in_view),
                name="media_assets_photo_used_in",
            ),
            *super().get_urls(),
        ]

    def used_in_view(self, request, photo_id):
        """The stories a photo is placed in, with each story's state."""
        photo = get_object_or_404(Photo, pk=photo_id)
        if not self.has_view_or_change_permission(request, photo):
            raise PermissionDenied
        title_fields = [field_name("title", code) for code in LANGUAGE_CODES]
        rows = [
            {
                "placement": placement,
                "titles": [getattr(placement.article, f) for f in title_fields],
                "state": published_languages_label(placement.article),
                "url": story_change_url(placement),
            }
            for placement in self.placements(photo)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Stories using “{photo}”",
            "photo": photo,
            "photo_url": change_url(photo),
            "rows": rows,
        }
        return TemplateResponse(request, "admin/articles/photo/used_in.html", context)
