"""Soft locks: who else has a story open. They warn; they never block."""

from datetime import timedelta

from django.utils import timezone

from workflow.models import EditLock

LOCK_SECONDS = 90  # the change form's heartbeat runs every 30 seconds


def heartbeat(article, user):
    """Mark `user` as having `article` open; return the others who do."""
    now = timezone.now()
    EditLock.objects.filter(expires_at__lt=now).delete()
    lock, created = EditLock.objects.get_or_create(
        article=article,
        user=user,
        defaults={"expires_at": now + timedelta(seconds=LOCK_SECONDS)},
    )
    if not created:
        lock.expires_at = now + timedelta(seconds=LOCK_SECONDS)
        lock.save(update_fields=["expires_at"])
    return others(article, user)


def others(article, user):
    return [
        {
            "user": lock.user.get_full_name() or lock.user.get_username(),
            "since": lock.opened_at.isoformat(),
        }
        for lock in EditLock.objects.filter(
            article=article, expires_at__gte=timezone.now()
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    ]
