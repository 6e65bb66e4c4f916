"""Corrections, clarifications and updates: added and edited with a trail.

Adding or editing one announces story_changed ("corrected"), so the feeds'
date_modified and the page cache follow. Editing one after publication is
allowed only through `edit_correction`, which keeps the old text in
CorrectionEdit and the audit log.
"""

from django.db import transaction
from django.utils import timezone

from articles.events import CORRECTED, announce
from workflow import audit
from workflow.models import Correction, CorrectionEdit

KIND_LABELS = {
    "en": {
        "correction": "Correction",
        "clarification": "Clarification",
        "update": "Update",
    },
    "km": {
        "correction": "ការកែតម្រូវ",
        "clarification": "ការបំភ្លឺ",
        "update": "ព័ត៌មានបន្ថែម",
    },
}


def corrections_for(article, language):
    """The corrections shown with `language` of `article`, oldest first.

    Uses the prefetch cache when the caller prefetched "corrections" (feeds);
    one query otherwise.
    """
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "corrections" in cache:
        items = [c for c in cache["corrections"] if c.language == language]
        return sorted(items, key=lambda c: (c.created_at, c.pk))
    return list(article.corrections.filter(language=language))


def kind_label(correction, language):
    return KIND_LABELS.get(language, KIND_LABELS["en"])[correction.kind]


@transaction.atomic
def add_correction(article, language, kind, text, user=None, at=None):
    correction = Correction.objects.create(
        article=article,
        language=language,
        kind=kind,
        text=text,
        created_at=at or timezone.now(),
        created_by=user if user is not None and user.is_authenticated else None,
    )
    announce(article, CORRECTED, [language])
    audit.log(
        audit.Action.CORRECTION,
        user,
        article,
        language,
        f"Added {correction.get_kind_display().lower()}: {text}",
    )
    return correction


@transaction.atomic
def edit_correction(correction, text, user=None):
    """Change a correction's text, keeping the old text on record."""
    old = Correction.objects.select_for_update().get(pk=correction.pk).text
    if old == text:
        return correction
    CorrectionEdit.objects.create(
        correction=correction,
        old_text=old,
        new_text=text,
        editor=user if user is not None and user.is_authenticated else None,
    )
    correction.text = text
    correction.save(update_fields=["text"])
    announce(correction.article, CORRECTED, [correction.language])
    audit.log(
        audit.Action.CORRECTION,
        user,
        correction.article,
        correction.language,
        f"Edited {correction.get_kind_display().lower()}: “{old}” → “{text}”",
    )
    return correction
