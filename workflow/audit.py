"""The audit log: one call per event, plus role changes caught by a signal."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from workflow.models import AuditEntry

Action = AuditEntry.Action

# The user acting in the current request, for events seen only via signals.
_acting_user = ContextVar("acting_user", default=None)


@contextmanager
def acting_as(user):
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def log(action, actor=None, article=None, language="", message=""):
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_name=actor.get_username() if actor else "system",
        article=article,
        story=str(article)[:300] if article is not None else "",
        language=language or "",
        message=message,
    )


def _groups_changed(sender, instance, action, reverse, pk_set, model, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    users_and_groups = []
    if reverse:  # group.user_set changed
        users = get_user_model().objects.filter(pk__in=pk_set or ())
        users_and_groups = [(user, [instance.name]) for user in users]
    else:
        groups = (
            instance.groups.all()
            if action == "pre_clear"
            else model.objects.filter(pk__in=pk_set or ())
        )
        users_and_groups = [(instance, [g.name for g in groups])]
    verb = {"post_add": "added to", "post_remove": "removed from"}.get(
        action, "removed from"
    )
    for user, names in users_and_groups:
        if names:
            log(
                Action.ROLE_CHANGE,
                actor=_acting_user.get(),
                message=f"{user.get_username()} {verb} {', '.join(sorted(names))}",
            )


def connect_signals():
    m2m_changed.connect(
        _groups_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="workflow-audit-groups",
    )
