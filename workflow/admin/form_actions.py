"""The change form's workflow buttons, run after the form is saved.

Every button of the Workflow panel (Submit for review, Publish now, Share
link, Revoke …) is a submit button of the change form itself, named
`_workflow_action` or `_share_link`. Pressing one saves the form through the
normal admin save, optimistic lock included; StoryAdmin.response_change then
calls `after_save` here. A refused save (a field error, an edit conflict)
shows the form again with what was typed, and the action is not taken: text
is never discarded.

Publish now and Schedule first check the story (workflow/checklist.py); when
something is missing, a confirmation page lists it, with "Publish anyway".
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.languages import LANGUAGE_NAMES
from articles.models import Article, Status
from workflow import checklist, share_links
from workflow.models import ShareLink
from workflow.transitions import ACTIONS, TransitionError, available_actions, perform

WORKFLOW_ACTION = "_workflow_action"  # "publish:en"
SHARE_ACTION = "_share_link"  # "create:km" or "revoke:<link id>"
CONFIRMED = "_checklist_confirmed"
PUBLISHING = {Status.PUBLISHED, Status.SCHEDULED}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def requested(request):
    return WORKFLOW_ACTION in request.POST or SHARE_ACTION in request.POST


def schedule_time(request, language):
    when = parse_datetime(request.POST.get(f"schedule_at_{language}", ""))
    if when is not None and timezone.is_naive(when):
        when = timezone.make_aware(when)
    return when


def _checklist_page(model_admin, request, article, action, language, warned):
    return TemplateResponse(
        request,
        "workflow/admin/checklist.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": f"Before you {action.label.lower()}: {LANGUAGE_NAMES[language]}",
            "article": article,
            "action": action,
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
            "checks": checklist.checklist(article, language),
            "warnings": warned,
            "schedule_at": request.POST.get(f"schedule_at_{language}", ""),
        },
    )


def run_transition(model_admin, request, article, value, check=True):
    """Take the transition `value` ("publish:en"); a response when a page is due.

    With `check`, publishing (now or later) with something missing from the
    checklist and no confirmation yet answers the checklist page instead;
    otherwise the transition runs and its outcome becomes a message (None is
    returned).
    """
    name, _, language = value.partition(":")
    action = ACTIONS.get(name)
    if (
        check
        and action is not None
        and language in LANGUAGE_NAMES
        and action.target in PUBLISHING
        and not request.POST.get(CONFIRMED)
        and action in available_actions(request.user, article, language)
    ):
        fresh = Article.objects.for_page().get(pk=article.pk)
        warned = checklist.warnings(fresh, language)
        if warned:
            return _checklist_page(
                model_admin, request, fresh, action, language, warned
            )
    when = schedule_time(request, language) if action and action.schedules else None
    try:
        perform(name, article, language, request.user, when=when)
    except TransitionError as error:
        model_admin.message_user(request, str(error), messages.ERROR)
    else:
        model_admin.message_user(
            request,
            f"{action.label}: done for the {LANGUAGE_NAMES[language]} version.",
        )
    return None


def _share(model_admin, request, article, value):
    verb, _, target = value.partition(":")
    if verb == "create" and target in LANGUAGE_NAMES:
        share_links.create(article, target, request.user)
        model_admin.message_user(
            request,
            f"A preview link for the {LANGUAGE_NAMES[target]} version is ready "
            "below; it shows the saved draft.",
        )
    elif verb == "revoke":
        link = (
            ShareLink.objects.filter(article=article, pk=int(target)).first()
            if target.isdigit()
            else None
        )
        if link is None:
            model_admin.message_user(
                request, "This story has no such preview link.", messages.ERROR
            )
        else:
            share_links.revoke(link, request.user)
            model_admin.message_user(request, "The preview link no longer works.")


def after_save(model_admin, request, article):
    """The saved form's button: its page, or back to the form with a message."""
    model_admin.message_user(request, "Your changes were saved.", messages.SUCCESS)
    if SHARE_ACTION in request.POST:
        _share(model_admin, request, article, request.POST[SHARE_ACTION])
    else:
        page = run_transition(
            model_admin, request, article, request.POST[WORKFLOW_ACTION]
        )
        if page is not None:
            return page
    return HttpResponseRedirect(change_url(article))
