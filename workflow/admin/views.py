"""The story admin's extra pages: transition, presence, history, restore.

Each takes the StoryAdmin and checks the user again: a story they may not see
is a 404, and restoring needs its own permission as well as change access.
"""

from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from workflow import locks, revisions, roles
from workflow.admin import form_actions
from workflow.admin.form_actions import change_url
from workflow.models import Revision


def story_or_404(model_admin, request, object_id):
    article = model_admin.get_object(request, object_id)
    if article is None or not model_admin.has_view_or_change_permission(
        request, article
    ):
        raise Http404("No story you may see has this number.")
    return article


def transition(model_admin, request, object_id):
    """A transition without the change form: the checklist's "Publish anyway",
    and the Workflow panel of someone who may only view the story (it lists
    the checklist's warnings above the button, so no second page)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = story_or_404(model_admin, request, object_id)
    page = form_actions.run_transition(
        model_admin, request, article, request.POST.get("transition", ""), check=False
    )
    return page or HttpResponseRedirect(change_url(article))


def presence(model_admin, request, object_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = story_or_404(model_admin, request, object_id)
    return JsonResponse(
        {
            "others": locks.heartbeat(article, request.user),
            "expires_in": locks.LOCK_SECONDS,
        }
    )


def may_restore(model_admin, request, article):
    return roles.has(
        request.user, "restore_revision"
    ) and model_admin.has_change_permission(request, article)


def history(model_admin, request, object_id):
    article = story_or_404(model_admin, request, object_id)
    versions = list(article.revisions.select_related("author"))
    by_version = {r.version: r for r in versions}
    changes, pair = None, None
    a, b = request.GET.get("a"), request.GET.get("b")
    if a and b:
        try:
            older, newer = sorted((int(a), int(b)))
            pair = (by_version[older], by_version[newer])
        except (ValueError, KeyError) as error:
            raise Http404("Choose two revisions of this story.") from error
        changes = revisions.diff(pair[0].data, pair[1].data)
    return TemplateResponse(
        request,
        "workflow/admin/revisions.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": f"History of “{article}”",
            "article": article,
            "history": versions,
            "pair": pair,
            "changes": changes,
            "may_restore": may_restore(model_admin, request, article),
        },
    )


def restore(model_admin, request, object_id, version):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = story_or_404(model_admin, request, object_id)
    if not may_restore(model_admin, request, article):
        raise PermissionDenied
    revision = get_object_or_404(Revision, article=article, version=version)
    new = revisions.restore(article, revision, request.user)
    model_admin.message_user(
        request, f"Restored version {version}; it is now version {new.version}."
    )
    return HttpResponseRedirect(change_url(article))
