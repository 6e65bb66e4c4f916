"""The workflow's part of the writing surface: translation sources and autosave.

`translation_sources` tells articles/editor_sources.js what to show beside each
field being translated: the source language's current title, summary and
body, each marked when it differs from the text the translation was made from
(the TranslationBase outdated.py keeps). The first language (English) is
taken to be the original unless it has a base of its own. Unlike the desk's
"out of date", this marks changes whether or not the source is published: a
translator wants to know about them either way.

The autosave endpoints keep one draft per user and story (workflow.Autosave,
article empty for a new story): workflow/autosave.js posts the form's fields
every 30 s and on leaving the page, and offers the draft back when the form
is opened again. A draft is never written into the story; saving the form
deletes it (StoryAdmin.save_related).
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.utils import timezone

from articles.languages import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    localized,
    other_languages,
)
from workflow import roles
from workflow.admin.views import story_or_404
from workflow.models import Autosave
from workflow.outdated import TRACKED

DRAFT_LIMIT = 2_000_000  # characters of JSON: a whole story form, many times over
LABELS = {"title": "Title", "summary": "Summary", "body": "Body"}


def translation_sources(user, article):
    """{language: its source's fields, marked where changed since translating}."""
    bases = {b.language: b for b in article.translation_bases.all()}
    editable = roles.editable_languages(user, article)
    sources = {}
    for language in LANGUAGE_CODES:
        base = bases.get(language)
        if base is None and language == LANGUAGE_CODES[0]:
            continue  # the first language is the original unless translated
        source = base.source_language if base else other_languages(language)[0]
        texts = {name: localized(article, name, source) or "" for name in TRACKED}
        if not any(texts.values()):
            continue
        sources[language] = {
            "source_language": source,
            "source_name": LANGUAGE_NAMES[source],
            "open": editable == {language},
            "fields": {
                name: {
                    "label": LABELS[name],
                    "text": text,
                    "changed": base is not None
                    and text != (base.source.get(name) or ""),
                }
                for name, text in texts.items()
            },
        }
    return sources


def _draft_json(draft):
    if draft is None:
        return {"draft": None}
    return {"draft": {"data": draft.data, "saved_at": draft.saved_at.isoformat()}}


def _autosave(request, article):
    drafts = Autosave.objects.filter(user=request.user, article=article)
    if request.method == "GET":
        return JsonResponse(_draft_json(drafts.first()))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.POST.get("discard"):
        drafts.delete()
        return JsonResponse({"draft": None})
    raw = request.POST.get("data", "")
    if len(raw) > DRAFT_LIMIT:
        return HttpResponseBadRequest("This draft is too large to keep.")
    try:
        data = json.loads(raw)
    except ValueError:
        return HttpResponseBadRequest("The draft is not JSON.")
    if not isinstance(data, dict):
        return HttpResponseBadRequest("The draft must map field names to values.")
    draft, _ = Autosave.objects.update_or_create(
        user=request.user,
        article=article,
        defaults={"data": data, "saved_at": timezone.now()},
    )
    return JsonResponse(_draft_json(draft))


def autosave(model_admin, request, object_id):
    """GET the user's draft of a story; POST data=… keeps it, discard=1 drops it."""
    article = story_or_404(model_admin, request, object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    return _autosave(request, article)


def autosave_new(model_admin, request):
    """The same for the add form: the user's draft of a story not saved yet."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    return _autosave(request, None)
