"""The body's writing surface: a Markdown editor widget and its two endpoints.

The widget is a plain <textarea> (Markdown stays the stored format) that
articles/editor.js turns into an EasyMDE editor (static/vendor/easymde) with a
toolbar, a live preview and pickers. The preview is the real pipeline:
`preview` renders the posted Markdown with articles.rendering and the story's
prefetched parts, exactly as the page does; `parts` lists what the pickers
insert. Both answer only staff who may see the story (the admin's queryset).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.urls import reverse

from articles.admin_routes import admin_route
from articles.embeds import render_body
from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name, localized
from articles.locator import locator_context
from articles.models import Article
from articles.rendering import render_markdown

BODY_LIMIT = 500_000  # characters: far above any story, far below a DoS


class MarkdownEditor(forms.Textarea):
    """The body textarea, marked for editor.js; URLs are filled by the admin."""

    def __init__(self, language, attrs=None):
        super().__init__(
            {
                "rows": 20,
                "data-markdown-editor": language,
                "data-language-name": LANGUAGE_NAMES[language],
                **(attrs or {}),
            }
        )

    class Media:
        css = {
            "all": (
                "vendor/easymde/easymde.min.css",
                "articles/editor.css",
            )
        }
        js = (
            "vendor/easymde/easymde.min.js",
            "articles/editor_counts.js",
            "articles/editor.js",
            "articles/editor_sources.js",
        )


def editor_urls(model_admin, obj):
    """The data-* URLs editor.js calls for this story (or a new one)."""
    prefix = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    if obj is None or obj.pk is None:
        return {"data-preview-url": reverse(f"{prefix}_body_preview_new")}
    return {
        "data-preview-url": reverse(f"{prefix}_body_preview", args=[obj.pk]),
        "data-parts-url": reverse(f"{prefix}_body_parts", args=[obj.pk]),
    }


def _story(model_admin, request, object_id):
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    if object_id is None:
        return Article()
    found = model_admin.get_object(request, object_id)  # None for a bad id too
    if found is None:
        raise Http404("No story you may see has this number.")
    return Article.objects.for_page().get(pk=found.pk)


def preview(model_admin, request, object_id=None):
    """POST language, body → {"html": the body as the page would show it}."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _story(model_admin, request, object_id)
    language = request.POST.get("language")
    body = request.POST.get("body", "")
    if language not in LANGUAGE_CODES:
        return HttpResponseBadRequest("Unknown language.")
    if len(body) > BODY_LIMIT:
        return HttpResponseBadRequest("The body is too long to preview.")
    html = render_body(article, language, body_html=render_markdown(body))
    return JsonResponse({"html": str(html)})


def photo_choice(placement):
    photo = placement.photo
    return {
        "shortcode": f"[[photo {placement.position}]]",
        "kind": placement.get_kind_display(),
        "thumbnail": photo.thumbnail_url,
        "captions": {
            code: localized(placement, "caption", code)
            or localized(photo, "cutline", code)
            or ""
            for code in LANGUAGE_CODES
        },
    }


def _has_map(article):
    """[[map]] shows something: a pin, or at least a place name."""
    locator = locator_context(article, LANGUAGE_CODES[0])
    return bool(locator["pin"] or locator["label"])


def part_choices(article):
    """What the pickers offer: the story's saved photos, pullquotes, video, map."""
    placements = [p for p in article.placements.all() if p.kind != "hero"]
    videos = [article.youtube_id] if article.youtube_id else []
    return {
        "photos": [photo_choice(p) for p in placements],
        "pullquotes": [
            {
                "shortcode": f"[[pullquote {q.position}]]",
                "texts": {
                    code: localized(q, "text", code) or "" for code in LANGUAGE_CODES
                },
            }
            for q in article.pullquotes.all()
        ],
        "videos": [{"shortcode": f"[[video youtube={v}]]", "id": v} for v in videos],
        "map": {"shortcode": "[[map]]"} if _has_map(article) else None,
        "sources": {},
    }


def parts(model_admin, request, object_id):
    """GET → the pickers' choices and, from upper apps, the translation sources."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    article = _story(model_admin, request, object_id)
    return JsonResponse(model_admin.editor_parts(request, article))


BODY_FIELDS = {field_name("body", code): code for code in LANGUAGE_CODES}


class EditorAdminMixin:
    """Gives a story admin the writing surface; put before the translation admin."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in BODY_FIELDS:
            kwargs["widget"] = MarkdownEditor(BODY_FIELDS[db_field.name])
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name in BODY_FIELDS:
            if name in form.base_fields:
                form.base_fields[name].widget.attrs.update(editor_urls(self, obj))
        return form

    def editor_parts(self, request, article):
        """The pickers' JSON; upper apps extend it (workflow: translation sources)."""
        return part_choices(article)

    def get_urls(self):
        return [
            admin_route(self, "body-preview/", preview, "body_preview_new"),
            admin_route(
                self, "<path:object_id>/body-preview/", preview, "body_preview"
            ),
            admin_route(self, "<path:object_id>/body-parts/", parts, "body_parts"),
            *super().get_urls(),
        ]
