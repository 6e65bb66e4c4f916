"""Editors curate the front page and series here; any change shows at once.

Saving or deleting a curation bumps the public page cache's version on commit
(articles.page_cache), so no reader sees the old front page or navigation.
"""

from django.contrib import admin
from django.db import transaction
from modeltranslation.admin import TabbedTranslationAdmin

from articles.page_cache import bump_content_version
from frontpage.models import CreditsBlock, FrontPageItem, Series, SeriesPart


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
    list_display = ("article", "language", "rail", "position")
    list_editable = ("position",)
    list_filter = ("language", "rail")
    raw_id_fields = ("article",)
    ordering = ("language", "rail", "position")


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
