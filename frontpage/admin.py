"""Editors curate the front page and series here; any change shows at once.

Saving or deleting a curation bumps the public page cache's version on commit
(articles.page_cache), so no reader sees the old front page or navigation.
"""

from django.contrib import admin
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from modeltranslation.admin import TabbedTranslationAdmin

from articles.page_cache import bump_content_version
from frontpage.models import (
    CreditsBlock,
    FrontPageItem,
    NavigationLink,
    Series,
    SeriesPart,
)


class BumpsPageCache:
    """Every save or delete in this admin makes cached public pages stale."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(bump_content_version)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(bump_content_version)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(bump_content_version)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        transaction.on_commit(bump_content_version)


@admin.register(FrontPageItem)
class FrontPageItemAdmin(BumpsPageCache, admin.ModelAdmin):
    """A story in a rail; with "show from" / "show until" it takes over or
    leaves by itself at that time (frontpage/scheduling.py)."""

    list_display = ("article", "language", "rail", "position", "schedule")
    list_editable = ("position",)
    list_filter = ("language", "rail")
    raw_id_fields = ("article",)
    ordering = ("language", "rail", "position")
    fieldsets = (
        (None, {"fields": ("language", "rail", "article", "position")}),
        (
            "Schedule",
            {
                "fields": ("show_from", "show_until"),
                "description": "Leave both empty to show the story now and "
                "until you remove it.",
            },
        ),
    )

    @admin.display(description="shows")
    def schedule(self, item):
        return schedule_summary(item, timezone.now())


def schedule_summary(item, now):
    """In plain words, when `item` shows: "now", "from …", "ended …"."""
    if item.show_until and item.show_until <= now:
        return f"ended {local_time(item.show_until)}"
    if item.show_from and item.show_from > now:
        until = f" until {local_time(item.show_until)}" if item.show_until else ""
        return f"from {local_time(item.show_from)}{until}"
    return f"now, until {local_time(item.show_until)}" if item.show_until else "now"


def local_time(moment):
    return date_format(timezone.localtime(moment), "j M Y H:i")


@admin.register(NavigationLink)
class NavigationLinkAdmin(BumpsPageCache, admin.ModelAdmin):
    """Where the pages that are no section (people, results…) are linked.

    One row per page the apps register, made on migrate: editors choose its
    place and position, never add or remove one."""

    list_display = ("page", "place", "position")
    list_editable = ("place", "position")
    fields = ("page", "place", "position")
    readonly_fields = ("page",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SeriesPartInline(admin.TabularInline):
    model = SeriesPart
    raw_id_fields = ("article",)
    extra = 1


@admin.register(Series)
class SeriesAdmin(BumpsPageCache, TabbedTranslationAdmin):
    list_display = ("title", "slug", "in_navigation", "position")
    list_editable = ("in_navigation", "position")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SeriesPartInline]


@admin.register(CreditsBlock)
class CreditsBlockAdmin(BumpsPageCache, TabbedTranslationAdmin):
    list_display = ("__str__", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("title_en",)}
