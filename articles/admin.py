"""The story admin: tabbed English/Khmer forms, ordered inlines, filters, search.

Complete without the workflow: workflow.admin replaces the Article registration
with its subclass (roles, versioned saves, transitions, the translation desk).
The photo library's story-aware admin is registered by articles.admin_photos.
"""

from django.contrib import admin
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TabbedTranslationAdmin

from articles import admin_photos  # noqa: F401 - registers StoryPhotoAdmin
from articles.admin_editor import EditorAdminMixin
from articles.admin_inlines import (
    BylineInline,
    PersonProfileInline,
    PhotoPlacementInline,
    PullquoteInline,
)
from articles.dates import format_date
from articles.events import EDITED, PARTS, announce
from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name, localized
from articles.models import (
    Article,
    Author,
    ImportedPost,
    Section,
    Status,
)
from articles.page_cache import bump_content_version
from articles.services import save_new_article


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("name_en", "name_km", "slug_en", "in_navigation", "position")
    list_editable = ("in_navigation", "position")
    prepopulated_fields = {"slug_en": ("name_en",)}
    search_fields = ("name_en", "name_km", "slug_en")

    def save_model(self, request, obj, form, change):
        """A renamed section shows on its stories' pages and feed items.

        Every page's navigation names the sections, so cached pages go stale.
        """
        super().save_model(request, obj, form, change)
        transaction.on_commit(bump_content_version)
        if change:
            announce(obj.articles.values_list("pk", flat=True), PARTS)


@admin.register(Author)
class AuthorAdmin(TabbedTranslationAdmin):
    list_display = ("display_name_en", "display_name_km", "sort_name")
    search_fields = ("display_name_en", "display_name_km", "sort_name")
    prepopulated_fields = {"slug": ("display_name_en",)}
    raw_id_fields = ("photo",)

    def save_model(self, request, obj, form, change):
        """An author's name and slug show in their stories' bylines."""
        super().save_model(request, obj, form, change)
        if change:
            stories = Article.objects.filter(bylines__author=obj).distinct()
            announce(stories.values_list("pk", flat=True), PARTS)


class PublishedLanguagesFilter(admin.SimpleListFilter):
    title = "published languages"
    parameter_name = "published_in"

    def lookups(self, request, model_admin):
        return [
            ("none", "Not published"),
            *[(code, f"{LANGUAGE_NAMES[code]} only") for code in LANGUAGE_CODES],
            ("all", "All languages"),
        ]

    def queryset(self, request, queryset):
        published = {
            code: Q(**{field_name("status", code): Status.PUBLISHED})
            for code in LANGUAGE_CODES
        }
        value = self.value()
        if value == "none":
            for condition in published.values():
                queryset = queryset.exclude(condition)
            return queryset
        if value == "all":
            for condition in published.values():
                queryset = queryset.filter(condition)
            return queryset
        if value in published:
            queryset = queryset.filter(published[value])
            for code, condition in published.items():
                if code != value:
                    queryset = queryset.exclude(condition)
            return queryset
        return queryset


def _state_badge(article, language):
    """State at a glance, with the publication date when there is one."""
    status = localized(article, "status", language)
    when = localized(article, "published_at", language)
    date = format_html("<br><small>{}</small>", format_date(when, "en")) if when else ""
    if status == Status.PUBLISHED and when and when > timezone.now():
        status = Status.SCHEDULED  # published for a time still to come
    label = Status(status).label.lower()
    if status == Status.PUBLISHED:
        return format_html(
            '<strong class="state--published">● {}</strong>{}', label, date
        )
    if status == Status.SCHEDULED:
        return format_html("<span>⏲ {}</span>{}", label, date)
    return format_html('<span class="state--unpublished">○ {}</span>', label)


@admin.register(Article)
class ArticleAdmin(EditorAdminMixin, TabbedTranslationAdmin):
    list_display = (
        "headline",
        "section",
        "english_state",
        "khmer_state",
        "updated_at",
    )
    list_filter = (
        PublishedLanguagesFilter,
        "status_en",
        "status_km",
        "section",
        "tags",
        "created_at",
    )
    list_select_related = ("section",)
    search_fields = (
        "title_en",
        "title_km",
        "slug",
        "bylines__author__display_name_en",
        "bylines__author__display_name_km",
        "bylines__author__sort_name",
    )
    date_hierarchy = "created_at"
    inlines = (BylineInline, PhotoPlacementInline, PullquoteInline, PersonProfileInline)
    readonly_fields = ("public_links", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "section", "layout", "summary", "body")}),
        ("Publication", {"fields": ("status", "published_at", "public_links")}),
        (
            "Place",
            {
                "fields": (
                    "dateline",
                    "location_name",
                    "map_pin",
                    ("latitude", "longitude"),
                )
            },
        ),
        ("Extras", {"fields": ("editors_note", "youtube_id", "credit_lines", "tags")}),
        (
            "Front page",
            {"fields": ("homepage_title", "homepage_lede", "homepage_lede_video")},
        ),
        ("History", {"fields": ("created_at", "updated_at")}),
    )

    class Media:
        css = {"all": ("articles/admin.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and any(
            localized(obj, "status", code) == Status.PUBLISHED
            for code in LANGUAGE_CODES
        ):
            fields.append("slug")  # addresses of published stories never change
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None:
            return {}
        return {"slug": ("title_en",)}

    @admin.display(description="Headline", ordering="title_en")
    def headline(self, article):
        return format_html(
            "{}<br><span lang='km'>{}</span>",
            article.title_en or "—",
            article.title_km or "",
        )

    @admin.display(description="English")
    def english_state(self, article):
        return _state_badge(article, "en")

    @admin.display(description="Khmer")
    def khmer_state(self, article):
        return _state_badge(article, "km")

    @admin.display(description="View on site")
    def public_links(self, article):
        if article.pk is None:
            return "Save the story first."
        return format_html_join(
            " · ",
            '<a href="{}" target="_blank" rel="noopener">{} ({})</a>',
            (
                (
                    article.get_absolute_url(code),
                    LANGUAGE_NAMES[code],
                    "live" if article.is_published_in(code) else "not public",
                )
                for code in LANGUAGE_CODES
            ),
        )

    def get_view_on_site_url(self, obj=None):
        return None  # replaced by the per-language links in the form

    def save_form(self, request, form, change):
        article = super().save_form(request, form, change)
        for code in LANGUAGE_CODES:
            if localized(article, "status", code) == Status.PUBLISHED and not localized(
                article, "published_at", code
            ):
                setattr(article, field_name("published_at", code), timezone.now())
        return article

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            save_new_article(obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        announce(form.instance, EDITED)  # the story and its inlines, on commit


@admin.register(ImportedPost)
class ImportedPostAdmin(admin.ModelAdmin):
    """Where each story came from in the Jekyll archive: read-only provenance."""

    list_display = ("source_path", "language", "article", "legacy_path", "imported_at")
    list_filter = ("language",)
    search_fields = (
        "source_path",
        "legacy_path",
        "article__title_en",
        "article__title_km",
    )
    list_select_related = ("article",)
    readonly_fields = [field.name for field in ImportedPost._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
