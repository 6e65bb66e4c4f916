"""Editors manage people and parties with both languages side by side."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Party, Person


@admin.register(Party)
class PartyAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "abbreviation", "slug", "updated_at")
    prepopulated_fields = {"slug": ("name_en",)}
    raw_id_fields = ("logo",)
    search_fields = ("name_en", "name_km", "aliases", "abbreviation_en", "slug")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "role", "party", "slug", "updated_at")
    list_filter = ("party",)
    list_select_related = ("party",)
    prepopulated_fields = {"slug": ("name_en",)}
    raw_id_fields = ("portrait",)
    search_fields = ("name_en", "name_km", "aliases", "role_en", "slug")
