"""Explicit state changes of one language version of a story.

draft → in_review → ready → published (or scheduled → published) → withdrawn.
Each action says which states it starts from and which permission it needs.
`perform()` checks both, then makes the change through
articles.states.change_state (the one path, which saves and announces
story_changed), and records what the workflow keeps: a Transition row, a
Revision (the version number moves on) and an audit entry for publication
events. Nothing here happens inside Article.save().
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, localized
from articles.models import Article, Status
from articles.states import change_state
from workflow import audit, roles
from workflow.models import Transition
from workflow.revisions import record_revision
from workflow.versioning import EditConflict, claim_version


class TransitionError(Exception):
    """A refused transition; the message is meant for the editor."""


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset
    target: str
    # None: anyone who may edit this language's text (reporter, translator).
    permission: str | None = None
    audit_action: str | None = None

    @property
    def schedules(self):
        """Needs a publication time (schedule, schedule_draft)."""
        return self.target == Status.SCHEDULED

    def allowed_for(self, user, article, language):
        if self.permission is None:
            return language in roles.editable_languages(user, article)
        return roles.has(user, self.permission)


def _action(name, label, sources, target, **kwargs):
    return Action(name, label, frozenset(sources), target, **kwargs)


ACTIONS = {
    a.name: a
    for a in (
        _action("submit", "Submit for review", {Status.DRAFT}, Status.IN_REVIEW),
        _action(
            "approve",
            "Mark ready",
            {Status.IN_REVIEW},
            Status.READY,
            permission="review_story",
        ),
        _action(
            "return_to_draft",
            "Return to draft",
            {Status.IN_REVIEW, Status.READY, Status.WITHDRAWN},
            Status.DRAFT,
            permission="review_story",
        ),
        _action(
            "publish",
            "Publish now",
            {Status.READY, Status.SCHEDULED, Status.WITHDRAWN},
            Status.PUBLISHED,
            permission="publish_story",
            audit_action=audit.Action.PUBLISH,
        ),
        _action(
            "schedule",
            "Schedule",
            {Status.READY},
            Status.SCHEDULED,
            permission="publish_story",
            audit_action=audit.Action.SCHEDULE,
        ),
        # One step for those who may publish: a draft or a version in review
        # goes out (or is scheduled) without Submit → Mark ready. Reporters
        # lack the permission, so review stays their path.
        _action(
            "publish_draft",
            "Publish now",
            {Status.DRAFT, Status.IN_REVIEW},
            Status.PUBLISHED,
            permission="publish_story",
            audit_action=audit.Action.PUBLISH,
        ),
        _action(
            "schedule_draft",
            "Schedule",
            {Status.DRAFT, Status.IN_REVIEW},
            Status.SCHEDULED,
            permission="publish_story",
            audit_action=audit.Action.SCHEDULE,
        ),
        _action(
            "unschedule",
            "Cancel the schedule",
            {Status.SCHEDULED},
            Status.READY,
            permission="publish_story",
            audit_action=audit.Action.UNSCHEDULE,
        ),
        _action(
            "withdraw",
            "Withdraw",
            {Status.PUBLISHED},
            Status.WITHDRAWN,
            permission="publish_story",
            audit_action=audit.Action.WITHDRAW,
        ),
    )
}


def available_actions(user, article, language):
    """The actions `user` may take now on `language` of `article`."""
    status = localized(article, "status", language)
    return [
        action
        for action in ACTIONS.values()
        if status in action.sources and action.allowed_for(user, article, language)
    ]


def perform(name, article, language, user=None, when=None, note=""):
    """Run action `name` on `language` of `article` as `user`.

    `user=None` is the system (commands, scripts): permission
    checks are skipped, state checks are not. Raises TransitionError with a
    plain sentence when refused; nothing is written then.
    """
    if language not in LANGUAGE_CODES:
        raise TransitionError(f"There is no language “{language}” on this site.")
    action = ACTIONS.get(name)
    if action is None:
        raise TransitionError(f"“{name}” is not a workflow action.")
    language_name = LANGUAGE_NAMES.get(language, language)
    with transaction.atomic():
        article = (
            Article.objects.select_for_update()
            .prefetch_related("assignments")
            .get(pk=article.pk)
        )
        status = localized(article, "status", language)
        if user is not None and not action.allowed_for(user, article, language):
            raise TransitionError(
                f"You may not {action.label.lower()} the {language_name} version "
                "of this story."
            )
        if status not in action.sources:
            raise TransitionError(
                f"The {language_name} version is {Status(status).label.lower()}; "
                f"“{action.label}” only applies to a version that is "
                + " or ".join(sorted(Status(s).label.lower() for s in action.sources))
                + "."
            )
        if action.schedules and (when is None or when <= timezone.now()):
            raise TransitionError(
                "Give a publication time in the future to schedule a story."
            )
        try:
            claim_version(article, article.version)
        except EditConflict as error:  # only without row locks (SQLite)
            raise TransitionError(
                "The story changed while this was being done; reload and try again."
            ) from error
        try:
            change_state(
                article,
                language,
                action.target,
                when=when if action.schedules else None,
            )
        except ValidationError as error:
            raise TransitionError(" ".join(error.messages)) from error
        record(article, language, status, action, user, note)
    return article


def record(article, language, from_status, action, user, note=""):
    """The workflow's trail of a state change (also used by publish_due)."""
    actor = user if user is not None and user.is_authenticated else None
    Transition.objects.create(
        article=article,
        language=language,
        from_status=from_status,
        to_status=action.target,
        actor=actor,
        note=note,
    )
    label = f"{action.label} ({LANGUAGE_NAMES.get(language, language)})"
    record_revision(article, actor, note or label)
    if action.audit_action:
        message = note or label
        if action.schedules:
            message = f"{label} for {localized(article, 'published_at', language)}"
        audit.log(action.audit_action, actor, article, language, message)
