"""Bulk transitions on the story list, one per action and language."""

from django.contrib import messages

from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES
from workflow.transitions import ACTIONS, TransitionError, perform

BULK_ACTIONS = ("submit", "approve", "publish", "withdraw")


def _bulk_action(name, language):
    action = ACTIONS[name]

    def run(modeladmin, request, queryset):
        done, refused = 0, []
        for article in queryset:
            try:
                perform(name, article, language, request.user)
            except TransitionError as error:
                refused.append(f"“{article}”: {error}")
            else:
                done += 1
        if done:
            modeladmin.message_user(
                request,
                f"{action.label}: {done} {LANGUAGE_NAMES[language]} version(s).",
            )
        for reason in refused:
            modeladmin.message_user(request, reason, messages.ERROR)

    run.__name__ = f"{name}_{language}"
    run.short_description = f"{action.label} – {LANGUAGE_NAMES[language]}"
    # WorkflowAdminMixin.get_actions offers it only to users with this.
    run.required_permission = action.permission
    return run


def workflow_actions():
    """publish_en, withdraw_km …: each runs perform() per story, as the user."""
    return [_bulk_action(n, code) for code in LANGUAGE_CODES for n in BULK_ACTIONS]
