"""Revisions: a readable snapshot of a whole story, its diff, and restore.

Our own model rather than django-reversion: the story's tags live in taggit's
generic through table, which reversion cannot follow without adding a
GenericRelation to Article, and the per-field, per-language diff and the
version-checked restore both want the snapshot as one plain dict keyed by
field name, which is what `snapshot()` stores.
"""

import difflib
import json

from django.core import serializers
from django.db import transaction
from modeltranslation.translator import NotRegistered, translator

from articles.events import EDITED, announce
from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name
from articles.models import Article, Byline, PersonProfile, PhotoPlacement, Pullquote
from workflow import audit
from workflow.models import Revision
from workflow.versioning import claim_version

TRANSLATED = tuple(translator.get_options_for_model(Article).fields)
# Publication state changes only through transitions, never through a restore.
STATE_FIELDS = tuple(
    field_name(base, code)
    for base in ("status", "published_at")
    for code in LANGUAGE_CODES
)
LOCALIZED_FIELDS = {
    field_name(base, code): (base, code)
    for base in TRANSLATED
    for code in LANGUAGE_CODES
}
CONTENT_FIELDS = tuple(
    f.name
    for f in Article._meta.concrete_fields
    if f.editable and not f.primary_key and f.name not in TRANSLATED
)
# Fields of the story in no language: only who edits the whole story changes them.
SHARED_FIELDS = (
    *(name for name in CONTENT_FIELDS if name not in LOCALIZED_FIELDS),
    "tags",
)
# related name → model; each row is stored without its article and pk.
RELATED = {
    "bylines": Byline,
    "placements": PhotoPlacement,
    "pullquotes": Pullquote,
}


def _serialize(objects, fields=None):
    rows = json.loads(serializers.serialize("json", objects, fields=fields))
    return [row["fields"] for row in rows]


def _row_label(model, row):
    parts = [f"{k}={v}" for k, v in sorted(row.items()) if k != "article" and v]
    return f"{model._meta.verbose_name}: " + "; ".join(parts)


def snapshot(article):
    """Everything an editor can change in a story, as JSON-ready data."""
    data = {
        "fields": _serialize([article], CONTENT_FIELDS)[0],
        "tags": sorted(article.tags.names()),
    }
    for name, model in RELATED.items():
        rows = _serialize(model.objects.filter(article=article).order_by("position"))
        for row in rows:
            row.pop("article", None)
        data[name] = rows
    profile = PersonProfile.objects.filter(article=article).first()
    data["profile"] = _serialize([profile])[0] if profile else None
    if data["profile"]:
        data["profile"].pop("article", None)
    return data


def record_revision(article, author=None, note=""):
    """Store the story as it now is, under its current version number."""
    return Revision.objects.update_or_create(
        article=article,
        version=article.version,
        defaults={
            "author": author if author and author.is_authenticated else None,
            "note": note[:300],
            "data": snapshot(article),
        },
    )[0]


def ensure_baseline(article):
    """A revision for the current version, if the story was saved elsewhere."""
    if not Revision.objects.filter(article=article, version=article.version).exists():
        record_revision(article, None, "Baseline: saved outside the workflow")


def field_label(name):
    if name in LOCALIZED_FIELDS:
        base, code = LOCALIZED_FIELDS[name]
        verbose = Article._meta.get_field(base).verbose_name
        return f"{verbose.capitalize()} ({LANGUAGE_NAMES.get(code, code)})"
    if name in {f.name for f in Article._meta.fields}:
        return Article._meta.get_field(name).verbose_name.capitalize()
    return name.capitalize()


def _lines(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value).splitlines() or [""]


def _text(value):
    return None if value == "" else value


def diff(old, new):
    """[{field, label, lines}] for every field or related list that differs.

    `lines` are difflib.ndiff lines: "- " removed, "+ " added, "  " kept.
    """
    changes = []
    old_fields, new_fields = old.get("fields", {}), new.get("fields", {})
    for name in sorted(set(old_fields) | set(new_fields), key=_field_order):
        # A form saves an untouched empty translation (None) as "": no change.
        before, after = _text(old_fields.get(name)), _text(new_fields.get(name))
        if before != after:
            changes.append(
                {
                    "field": name,
                    "label": field_label(name),
                    "lines": list(difflib.ndiff(_lines(before), _lines(after))),
                }
            )
    before, after = old.get("tags") or [], new.get("tags") or []
    if before != after:
        changes.append(
            {
                "field": "tags",
                "label": "Tags",
                "lines": list(difflib.ndiff(before, after)),
            }
        )
    for name, model in {**RELATED, "profile": PersonProfile}.items():
        if old.get(name) != new.get(name):
            changes += _related_changes(name, model, old.get(name), new.get(name))
    return changes


def _related_changes(name, model, old, new):
    """The rows' own columns, then their words one language at a time.

    A caption or pullquote edited in Khmer shows as "Placements (Khmer)", so a
    translator's change reads like a change of the story's own Khmer fields.
    """
    old, new = _rows(old), _rows(new)
    bases = translated_bases(model)
    words = {
        *bases,
        *(field_name(base, code) for base in bases for code in LANGUAGE_CODES),
    }
    changes = []
    before = [_row_label(model, _without(row, words)) for row in old]
    after = [_row_label(model, _without(row, words)) for row in new]
    if before != after:
        changes.append(
            {
                "field": name,
                "label": name.capitalize(),
                "lines": list(difflib.ndiff(before, after)),
            }
        )
    for code in LANGUAGE_CODES:
        before = _row_words(model, old, bases, code)
        after = _row_words(model, new, bases, code)
        if before != after:
            changes.append(
                {
                    "field": field_name(name, code),
                    "label": f"{name.capitalize()} ({LANGUAGE_NAMES[code]})",
                    "lines": list(difflib.ndiff(before, after)),
                }
            )
    return changes


def translated_bases(model):
    """Fields of `model` stored once per language ("caption"), or ()."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def _rows(value):
    rows = value if isinstance(value, list) else [value]
    return [row for row in rows if row is not None]


def _without(row, names):
    return {key: value for key, value in row.items() if key not in names}


def _row_words(model, rows, bases, code):
    """Lines such as "#2 caption: …" for one language's text in the rows."""
    lines = []
    for row in rows:
        number = f"#{row['position']} " if "position" in row else ""
        for base in bases:
            verbose = model._meta.get_field(base).verbose_name
            value = row.get(field_name(base, code))
            lines += [f"{number}{verbose}: {line}" for line in _lines(_text(value))]
    return lines


def _field_order(name):
    return (CONTENT_FIELDS.index(name) if name in CONTENT_FIELDS else 999, name)


def summarize(changes, limit=6):
    """Plain sentences for a form error: what changed, first changed lines."""
    sentences = []
    for change in changes:
        shown = [line for line in change["lines"] if line[:1] in "-+"][:limit]
        sentences.append(f"{change['label']}: " + " | ".join(shown))
    return sentences


def _deserialize(model, row, pk=None):
    payload = [{"model": model._meta.label_lower, "pk": pk, "fields": row}]
    return next(serializers.deserialize("json", json.dumps(payload))).object


@transaction.atomic
def restore(article, revision, user):
    """Make the story's content what it was at `revision`; a new revision itself.

    Publication state (status, time) is kept: restoring text never publishes or
    withdraws. The slug stays as it is once any language is published.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    data = revision.data
    old = _deserialize(Article, data["fields"], article.pk)
    keep = set(STATE_FIELDS)
    if article.published_languages():
        keep.add("slug")
    for name in CONTENT_FIELDS:
        if name in data["fields"] and name not in keep:
            field = Article._meta.get_field(name)
            setattr(article, field.attname, getattr(old, field.attname))
    claim_version(article, article.version)
    article.save()
    for name, model in RELATED.items():
        model.objects.filter(article=article).delete()
        for row in data.get(name, []):
            item = _deserialize(model, row)
            item.article = article
            item.save()
    PersonProfile.objects.filter(article=article).delete()
    if data.get("profile"):
        profile = _deserialize(PersonProfile, data["profile"])
        profile.article = article
        profile.save()
    article.tags.set(data.get("tags", []))
    announce(article, EDITED)
    note = f"Restored version {revision.version}"
    new_revision = record_revision(article, user, note)
    audit.log(audit.Action.RESTORE, user, article, message=note)
    return new_revision
