"""Reviewers' preview links: signed, expiring, revocable.

The address carries the ShareLink row's id signed with django.core.signing
(salted for this use), so it cannot be guessed or altered; the row holds
the expiry (settings.PREVIEW_LINK_HOURS, 48 by default) and the revocation,
so the desk can end a link before it expires. A link shows the saved current
draft of its language, never the unsaved form.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from workflow.models import ShareLink

SALT = "workflow.share-link"


class LinkUnusable(Exception):
    """The link is not one of ours, expired or was revoked; the message says which.

    `status` is the HTTP answer: 400 for an address we never signed, 410 for
    a link that worked once. (Not 404: LocaleMiddleware would redirect an
    unprefixed 404 to /en/…, where the article pages answer.)
    """

    def __init__(self, message, status=410):
        super().__init__(message)
        self.status = status


def create(article, language, user):
    hours = settings.PREVIEW_LINK_HOURS
    return ShareLink.objects.create(
        article=article,
        language=language,
        created_by=user,
        expires_at=timezone.now() + timedelta(hours=hours),
    )


def _signer():
    # No timestamp in the value: a link's address stays the same on every
    # page that shows it; the row says when it expires.
    return signing.Signer(salt=SALT)


def token(link):
    return _signer().sign_object(link.pk)


def url(link):
    """The absolute address to send a reviewer (NEWSROOM_SITE_URL, never Host)."""
    path = reverse("workflow:shared-preview", args=[token(link)])
    return f"{settings.NEWSROOM_SITE_URL}{path}"


def resolve(value, now=None):
    """The ShareLink `value` names, if it may still be used; else LinkUnusable."""
    try:
        pk = _signer().unsign_object(value)
    except signing.BadSignature as error:
        raise LinkUnusable("This preview link is not valid.", 400) from error
    link = ShareLink.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if link is None:
        raise LinkUnusable("This preview link is not valid.", 400)
    if link.revoked_at is not None:
        raise LinkUnusable("This preview link was withdrawn by the newsroom.")
    if not link.is_active(now):
        raise LinkUnusable("This preview link has expired.")
    return link


def revoke(link, user):
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def active_links(article):
    """The story's links still in use, newest first (one query)."""
    return list(
        article.share_links.filter(
            revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).select_related("created_by")
    )
