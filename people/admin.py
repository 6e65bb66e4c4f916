"""Editors manage people and parties with both languages side by side."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import (
    AutoLinkOptOut,
    Party,
    PartyPhoto,
    Person,
    PersonPhoto,
    Quote,
    TimelineEvent,
)


class PersonPhotoInline(TranslationTabularInline):
    model = PersonPhoto
    raw_id_fields = ("photo",)
    extra = 0


class PartyPhotoInline(TranslationTabularInline):
    model = PartyPhoto
    raw_id_fields = ("photo",)
    extra = 0


@admin.register(Party)
class PartyAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "abbreviation", "slug", "updated_at")
    prepopulated_fields = {"slug": ("name_en",)}
    raw_id_fields = ("logo",)
    inlines = [PartyPhotoInline]
    search_fields = ("name_en", "name_km", "aliases", "abbreviation_en", "slug")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "role", "party", "slug", "updated_at")
    list_filter = ("party",)
    list_select_related = ("party",)
    prepopulated_fields = {"slug": ("name_en",)}
    raw_id_fields = ("portrait",)
    inlines = [PersonPhotoInline]
    search_fields = ("name_en", "name_km", "aliases", "role_en", "slug")


@admin.register(TimelineEvent)
class TimelineEventAdmin(TabbedTranslationAdmin):
    list_display = ("date", "__str__", "anchor", "person", "party")
    list_filter = ("person", "party")
    list_select_related = ("person", "party")
    date_hierarchy = "date"
    raw_id_fields = ("photo",)
    search_fields = ("headline_en", "headline_km", "text_en", "text_km", "anchor")


@admin.register(Quote)
class QuoteAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "speaker", "slug", "updated_at")
    list_select_related = ("speaker",)
    prepopulated_fields = {"slug": ("speaker_name_en",)}
    raw_id_fields = ("portrait", "source_story", "speaker")
    search_fields = ("speaker_name_en", "speaker_name_km", "words_en", "words_km")


@admin.register(AutoLinkOptOut)
class AutoLinkOptOutAdmin(admin.ModelAdmin):
    """Stories whose body shows no person or party links (people/autolinks.py).

    To keep one mention unlinked instead, write it in the story's Markdown as
    <span class="no-autolink">Hun Sen</span>.
    """

    list_display = ("article", "reason", "created_at")
    list_select_related = ("article",)
    raw_id_fields = ("article",)
    search_fields = ("article__title_en", "article__title_km", "article__slug")
