"""The desk's live-entry screens: a compact posting form per live story, and
the usual list and change form (corrections, pinning, a translator's text).

Every save goes through live.services, so readers and partners follow.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.languages import LANGUAGE_CODES, field_name, language_name
from articles.models import Article, Layout
from live import services
from live.forms import PostEntryForm
from live.models import LiveEntry

RECENT = 20  # entries listed under the posting form
AUTHOR_SESSION_KEY = "live:author"


class EntryForm(PostEntryForm):
    class Meta(PostEntryForm.Meta):
        fields = ["story", *PostEntryForm.Meta.fields]


@admin.register(LiveEntry)
class LiveEntryAdmin(admin.ModelAdmin):
    form = EntryForm
    list_display = ("__str__", "story", "posted_at", "pinned", "languages")
    list_filter = ("pinned", ("story", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("story",)
    raw_id_fields = ("photo",)
    readonly_fields = ("posted_at", "updated_at")
    change_list_template = "live/admin/change_list.html"

    @admin.display(description="languages")
    def languages(self, entry):
        return ", ".join(code for code in LANGUAGE_CODES if entry.has_text(code))

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "story") if obj is not None else fields

    def save_model(self, request, obj, form, change):
        if change:
            services.edit_entry(obj)
        else:
            services.post_entry(obj, posted_by=request.user)

    def delete_model(self, request, obj):
        services.remove_entry(obj)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            services.remove_entry(entry)

    def changelist_view(self, request, extra_context=None):
        stories = Article.objects.filter(layout=Layout.LIVE).order_by("-created_at")
        extra_context = {**(extra_context or {}), "live_stories": stories[:RECENT]}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        post = self.admin_site.admin_view(self.post_view)
        return [
            path("post/<int:story_id>/", post, name="live_liveentry_post"),
            *super().get_urls(),
        ]

    def post_view(self, request, story_id):
        """The compact form: post, land back on it, the entries below."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        story = get_object_or_404(Article, pk=story_id, layout=Layout.LIVE)
        initial = {"author": request.session.get(AUTHOR_SESSION_KEY)}
        data = request.POST if request.method == "POST" else None
        form = PostEntryForm(data, initial=initial)
        if data is not None and form.is_valid():
            entry = form.save(commit=False)
            entry.story = story
            services.post_entry(entry, posted_by=request.user)
            request.session[AUTHOR_SESSION_KEY] = entry.author_id
            messages.success(request, f"Entry {entry.pk} posted.")
            return redirect("admin:live_liveentry_post", story_id=story.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Post to the live story: {story}",
            "story": story,
            "form": form,
            "entries": [
                {
                    "entry": entry,
                    "languages": [c for c in LANGUAGE_CODES if entry.has_text(c)],
                    "missing": [
                        language_name(c)
                        for c in LANGUAGE_CODES
                        if not entry.has_text(c)
                    ],
                    "corrected": any(
                        getattr(entry, field_name("edited_at", c))
                        for c in LANGUAGE_CODES
                    ),
                }
                for entry in LiveEntry.objects.of_story(story.pk).in_reading_order()[
                    :RECENT
                ]
            ],
            "reader_links": [
                (code, story.get_absolute_url(code))
                for code in story.published_languages()
            ],
            "story_url": reverse("admin:articles_article_change", args=[story.pk]),
        }
        return TemplateResponse(request, "live/admin/post.html", context)
