"""Creating partners, issuing, checking and revoking their API keys.

A key is 32 random bytes from `secrets` (URL-safe text) behind a short
readable prefix. Only its SHA-256 digest is stored: the key has far too much
entropy to be guessed from the digest, so a slow password hash would buy
nothing and cost every feed request. The plain key exists once, in the value
returned by `issue_key`, for the admin message or the command's output.
"""

import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Section
from syndication.models import Partner, PartnerKey

KEY_PREFIX = "nrk_"
# A key's "last used" is noted at most this often: a write per feed request
# would compete with the editors' saves for SQLite's single write lock.
LAST_USED_PRECISION = timedelta(seconds=60)

logger = logging.getLogger(__name__)


class PartnerError(ValueError):
    """A request that cannot be carried out, said in a plain sentence."""


@dataclass(frozen=True)
class IssuedKey:
    key: PartnerKey
    plain: str


def digest(plain):
    return hashlib.sha256(plain.encode()).hexdigest()


def issue_key(partner):
    """A new key for `partner`; the returned `.plain` is the only copy."""
    plain = KEY_PREFIX + secrets.token_urlsafe(32)
    key = PartnerKey.objects.create(
        partner=partner, prefix=plain[:12], digest=digest(plain)
    )
    return IssuedKey(key=key, plain=plain)


def parse_languages(text):
    known = [code for code, _name in settings.LANGUAGES]
    if text is None:
        return known
    wanted = [code.strip() for code in text.split(",") if code.strip()]
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise PartnerError(
            f"Unknown language {', '.join(unknown)}; use one of {', '.join(known)}."
        )
    if not wanted:
        raise PartnerError("Give at least one language.")
    return wanted


def find_sections(slugs):
    sections = list(Section.objects.filter(slug_en__in=slugs))
    missing = sorted(set(slugs) - {section.slug_en for section in sections})
    if missing:
        raise PartnerError(f"No section with the slug {', '.join(missing)}.")
    return sections


@transaction.atomic
def create_partner(name, languages=None, section_slugs=(), contact=""):
    """Create a partner with its first key; all or nothing."""
    name = (name or "").strip()
    if not name:
        raise PartnerError("Give the partner a name.")
    if Partner.objects.filter(name=name).exists():
        raise PartnerError(f"A partner named {name!r} already exists.")
    sections = find_sections(list(section_slugs))
    partner = Partner.objects.create(
        name=name, contact=contact, languages=parse_languages(languages)
    )
    partner.sections.set(sections)
    return partner, issue_key(partner)


def revoke_key(key_or_prefix):
    """Revoke the key given in full or by the prefix the admin shows."""
    text = (key_or_prefix or "").strip().rstrip("…")
    if not text:
        raise PartnerError("Give the key or its prefix.")
    if len(text) > 12:
        matches = PartnerKey.objects.filter(digest=digest(text))
    else:
        matches = PartnerKey.objects.filter(prefix=text)
    keys = list(matches.select_related("partner"))
    if not keys:
        raise PartnerError("No key matches; check the key or its prefix.")
    if len(keys) > 1:
        raise PartnerError("Several keys start like this; give the whole key.")
    key = keys[0]
    if key.revoked_at is not None:
        raise PartnerError(f"This key of {key.partner} was already revoked.")
    key.revoke()
    return key


def authenticate(plain, now=None):
    """The usable PartnerKey (with its partner) for `plain`, or None."""
    if not plain or not plain.startswith(KEY_PREFIX):
        return None
    key = (
        PartnerKey.objects.usable()
        .select_related("partner")
        .filter(digest=digest(plain))
        .first()
    )
    if key is not None:
        note_use_after_response(key, now or timezone.now())
    return key


# Key uses waiting for their request to finish, per thread (a sync worker's request).
_after_response = threading.local()


def note_use_after_response(key, now):
    """Note the use once the response has gone out (request_finished), not before.

    Only a stale last use waits at all; the partner never waits for the write.
    """
    if key.last_used_at is not None and key.last_used_at > now - LAST_USED_PRECISION:
        return
    if not hasattr(_after_response, "uses"):
        _after_response.uses = []
    _after_response.uses.append((key, now))


def write_noted_uses(**kwargs):
    """request_finished receiver: write the uses the finished request noted."""
    uses, _after_response.uses = getattr(_after_response, "uses", []), []
    for key, now in uses:
        note_use(key, now)


def note_use(key, now):
    """Set `key.last_used_at` to `now` if the stored time is a minute old or unset.

    No query at all while the time read with the key is recent. The UPDATE is
    conditional, so several workers seeing the same old time write it once,
    and a database busy beyond its timeout leaves the old time (logged), never
    fails the partner's request.
    """
    stale = now - LAST_USED_PRECISION
    if key.last_used_at is not None and key.last_used_at > stale:
        return
    try:
        PartnerKey.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale), pk=key.pk
        ).update(last_used_at=now)
    except DatabaseError:
        logger.warning("Could not note the use of partner key #%s", key.pk)
    else:
        key.last_used_at = now
