"""The change form's Preview: every language as readers will see it.

POSTed from the change form (its Preview buttons submit the whole form to
this view, in another window), it shows the form's unsaved state; opened by
address (GET), or by someone who may only view the story, the saved one.
Either way each language is rendered by the public page's code
(workflow/previews.py) into a frame whose width the toolbar switches between
a phone and a desktop.
"""

from django.template.response import TemplateResponse

from articles.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGE_NAMES
from workflow import previews
from workflow.admin.views import story_or_404

WIDTHS = (("phone", "Phone", 390), ("desktop", "Desktop", 1280))


def preview(model_admin, request, object_id):
    article = story_or_404(model_admin, request, object_id)
    shown = request.GET.get("language") or request.POST.get("_preview_language")
    if shown not in LANGUAGE_CODES:
        shown = DEFAULT_LANGUAGE
    unsaved = request.method == "POST" and model_admin.has_change_permission(
        request, article
    )
    pages, errors = {}, []
    try:
        if unsaved:
            pages = previews.unsaved_pages(
                model_admin, request, article, LANGUAGE_CODES
            )
        else:
            pages = previews.saved_pages(article.pk, LANGUAGE_CODES, request)
    except previews.PreviewRefused as refusal:
        errors = refusal.errors
    response = TemplateResponse(
        request,
        "workflow/admin/preview.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": f"Preview of “{article}”",
            "article": article,
            "unsaved": unsaved,
            "errors": errors,
            "shown": shown,
            "widths": WIDTHS,
            "versions": [
                {"code": code, "name": LANGUAGE_NAMES[code], "html": html}
                for code, html in pages.items()
            ],
        },
    )
    return previews.never_stored(response)
