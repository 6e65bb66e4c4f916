"""Explicit state changes of one language version of a story.

draft → in_review → ready → published (or scheduled → published) → withdrawn.
Each action says which states it starts from, which permission it needs, and
what it records: a Transition row, a Revision (the version number moves on),
an audit entry for publication events, and a cache bump when the public site
changes. Nothing here happens inside Article.save().
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name, localized
from articles.models import Article, Status
from newsroom.content_cache import bump_after_commit
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
    public: bool = False  # changes what readers see

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
            public=True,
        ),
        _action(
            "schedule",
            "Schedule",
            {Status.READY},
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
            public=True,
        ),
    )
}


# What articles.services.unpublish does: straight back to draft, outside the
# state machine (the importer and scripts use it); recorded like the others.
UNPUBLISH = _action(
    "unpublish",
    "Unpublish",
    {Status.PUBLISHED},
    Status.DRAFT,
    permission="publish_story",
    audit_action=audit.Action.UNPUBLISH,
    public=True,
)


def available_actions(user, article, language):
    """The actions `user` may take now on `language` of `article`."""
    status = localized(article, "status", language)
    return [
        action
        for action in ACTIONS.values()
        if status in action.sources and action.allowed_for(user, article, language)
    ]


def _require_content(article, language):
    missing = article.missing_for_publication(language)
    if missing:
        raise TransitionError(
            f"The {LANGUAGE_NAMES.get(language, language)} "
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
            "empty, so this version cannot be published or scheduled."
        )


def perform(name, article, language, user=None, when=None, note=""):
    """Run action `name` on `language` of `article` as `user`.

    `user=None` is the system (scheduled publication, imports): permission
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
        now = timezone.now()
        published_at_name = field_name("published_at", language)
        if action.target in {Status.PUBLISHED, Status.SCHEDULED}:
            _require_content(article, language)
        if action.name == "schedule":
            if when is None or when <= now:
                raise TransitionError(
                    "Give a publication time in the future to schedule a story."
                )
            setattr(article, published_at_name, when)
        elif action.name == "publish":
            current = localized(article, "published_at", language)
            if current is None or current > now:
                setattr(article, published_at_name, now)
        setattr(article, field_name("status", language), action.target)
        try:
            claim_version(article, article.version)
        except EditConflict as error:  # only without row locks (SQLite)
            raise TransitionError(
                "The story changed while this was being done; reload and try again."
            ) from error
        article.save(
            update_fields=[
                field_name("status", language),
                published_at_name,
                "updated_at",
            ]
        )
        record(article, language, status, action, user, note)
    return article


def record_direct(article, language, from_status, user=None):
    """Record a publish/unpublish made by articles.services (importer, scripts).

    Those functions keep their own rules; this gives their changes the same
    trail as a transition: a new version, a Transition, a Revision, an audit
    entry and a cache bump.
    """
    to_status = localized(article, "status", language)
    if to_status == from_status:
        return
    action = ACTIONS["publish"] if to_status == Status.PUBLISHED else UNPUBLISH
    # The caller's save() wrote its in-memory version, which may be stale:
    # move past every version already handed out, so open forms are refused.
    current = Article.objects.values_list("version", flat=True).get(pk=article.pk)
    latest = article.revisions.aggregate(latest=Max("version"))["latest"] or 0
    article.version = max(current, latest) + 1
    Article.objects.filter(pk=article.pk).update(version=article.version)
    record(article, language, from_status, action, user)


def record(article, language, from_status, action, user, note=""):
    """Everything a transition leaves behind (also used by publish_scheduled)."""
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
        if action.name == "schedule":
            message = f"{label} for {localized(article, 'published_at', language)}"
        audit.log(action.audit_action, actor, article, language, message)
    if action.public or from_status == Status.PUBLISHED:
        bump_after_commit()
