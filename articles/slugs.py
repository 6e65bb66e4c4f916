"""Khmer-safe slugs.

Django's slugify(allow_unicode=True) drops every character that is not \\w,
and Khmer vowel signs and the coeng (U+17D2) are combining marks, so it turns
"ពឹង" into "ពង". Here letters, marks and digits are kept, zero-width spaces
(Khmer's word boundaries) become hyphens like spaces do.
"""

import re
import unicodedata

from django.db import IntegrityError, transaction

MAX_SLUG_LENGTH = 80
_WORD_BREAKS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff_-]+")
_KEPT_CATEGORIES = ("L", "M", "N")


def slugify_unicode(value, max_length=MAX_SLUG_LENGTH):
    """Lower-case, hyphen-separated slug that keeps Khmer letters and marks intact."""
    value = unicodedata.normalize("NFC", str(value)).casefold()
    words = []
    for word in _WORD_BREAKS.split(value):
        kept = "".join(
            ch for ch in word if unicodedata.category(ch).startswith(_KEPT_CATEGORIES)
        )
        if kept:
            words.append(kept)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug


def save_with_unique_slug(instance, base, exists, max_tries=50):
    """Save `instance` under `base`, or `base-2`, `base-3`… on collision.

    `exists(slug)` tells whether a slug is taken; the save itself runs in a
    savepoint so that a race lost to another writer retries with the next suffix
    instead of failing the request.
    """
    base = base or "story"
    for attempt in range(1, max_tries + 1):
        suffix = "" if attempt == 1 else f"-{attempt}"
        candidate = base[: MAX_SLUG_LENGTH - len(suffix)] + suffix
        if exists(candidate):
            continue
        instance.slug = candidate
        try:
            with transaction.atomic():
                instance.save()
        except IntegrityError:
            continue
        return candidate
    raise IntegrityError(f"No free slug for {base!r} after {max_tries} tries")
