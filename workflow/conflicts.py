"""The merge screen: a save refused because someone saved first, then a choice.

A save made from an older version than the story's is refused, with who
saved, what they changed, and the editor's input kept in the form. The form
keeps the version its editor opened (`edit_version` is never moved to the
newest one), so pressing Save again without choosing is refused again.

The refusal lists every part the save would overwrite: each story field, per
language, that they changed and the form holds differently (theirs and yours
side by side), and each inline (placements, pullquotes …) whose rows they
changed and the form changes too. Each part needs "keep mine" or "keep
theirs", posted together with the version the screen showed
(`conflict_version`); if yet another save came in meanwhile, the choices are
void and the screen is shown again for the newer version. "Keep theirs"
leaves that field or inline as the other editor saved it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from articles.languages import LANGUAGE_CODES, field_name
from articles.models import PersonProfile
from workflow import revisions
from workflow.models import Revision

MINE, THEIRS = "mine", "theirs"
VERSION_FIELD = "conflict_version"
CHOICE_FIELD = "conflict_choice_{}"
GROUPS = {model: name for name, model in revisions.RELATED.items()}
GROUPS[PersonProfile] = "profile"
STORY_FIELDS = {*revisions.CONTENT_FIELDS, "tags"}


@dataclass
class Part:
    """One field or inline both saves change: both versions and the choice."""

    key: str
    label: str
    theirs: list
    yours: list
    choice: str | None = None

    @property
    def choice_field(self):
        return CHOICE_FIELD.format(self.key)

    @property
    def theirs_text(self):
        return "\n".join(self.theirs)

    @property
    def yours_text(self):
        return "\n".join(self.yours)


@dataclass
class Conflict:
    expected: int  # the version the editor opened
    current: int  # the version saved meanwhile
    head: str
    changes: list | None  # revisions.diff since `expected`; None: unknown
    shown: int | None  # the version the last refusal showed, if posted
    answers: dict  # the posted choices: {part key: "mine" or "theirs"}
    parts: list = field(default_factory=list)
    refused: bool = False  # the save was refused with messages() already

    @property
    def acknowledged(self):
        """The editor saw this very version's conflict and answered it."""
        return self.shown == self.current

    @property
    def resolved(self):
        return self.acknowledged and all(part.choice for part in self.parts)

    def add(self, key, label, theirs, yours):
        choice = self.answers.get(key) if self.acknowledged else None
        valid = choice if choice in {MINE, THEIRS} else None
        part = Part(key, label, theirs, yours, valid)
        self.parts.append(part)
        return part

    def choice(self, key):
        return next((p.choice for p in self.parts if p.key == key), None)

    def they_changed(self, key):
        return self.changes is None or any(c["field"] == key for c in self.changes)

    def messages(self):
        summary = (
            revisions.summarize(self.changes)
            if self.changes is not None
            else [
                "The earlier version was saved outside the workflow, so its "
                "changes cannot be listed: every field where your form differs "
                "counts."
            ]
        )
        return [
            self.head,
            *summary,
            "Check the parts listed above the form, choose “keep mine” or “keep "
            "theirs” for each, then save again.",
        ]

    def refuse(self):
        self.refused = True
        return ValidationError(self.messages())

    def audit_message(self):
        kept = {
            choice: ", ".join(p.label for p in self.parts if p.choice == choice)
            for choice in (MINE, THEIRS)
        }
        return (
            f"Saved over version {self.current} after an edit conflict (opened "
            f"version {self.expected}). Kept mine: {kept[MINE] or 'nothing'}; "
            f"kept theirs: {kept[THEIRS] or 'nothing'}."
        )


def answers_in(data):
    """The posted "keep mine" / "keep theirs" choices: {part key: choice}."""
    prefix = CHOICE_FIELD.format("")
    return {
        name.removeprefix(prefix): data.get(name)
        for name in data
        if name.startswith(prefix)
    }


def detect(article, expected, shown, answers):
    """The Conflict of a save from version `expected`, or None if it is current.

    `shown` is the version the last refusal showed (None: none), `answers`
    what answers_in() found.
    """
    current = article.version
    if expected == current:
        return None
    later = Revision.objects.filter(
        article_id=article.pk, version__gt=expected
    ).select_related("author")
    names = sorted(
        {r.author.get_username() if r.author else "the system" for r in later}
    ) or ["someone else"]
    head = (
        f"{', '.join(names)} saved this story after you opened it (version "
        f"{expected} → {current}). Nothing was saved: your edits are still in the "
        "form below."
    )
    base = Revision.objects.filter(article_id=article.pk, version=expected).first()
    changes = revisions.diff(base.data, revisions.snapshot(article)) if base else None
    return Conflict(expected, current, head, changes, shown, answers)


def add_field_parts(conflict, form):
    """Story fields they changed that this form would set to something else."""
    for name in form.changed_data:  # against the story as it is now: theirs
        if name not in STORY_FIELDS or not conflict.they_changed(name):
            continue
        # The instance is the story as saved meanwhile until the form's
        # _post_clean; tags are a manager there, but a list in the initial.
        theirs = (
            form.initial.get(name) if name == "tags" else getattr(form.instance, name)
        )
        conflict.add(
            name,
            revisions.field_label(name),
            _lines(theirs),
            _lines(form.cleaned_data.get(name, form.data.get(name))),
        )


def add_inline_parts(conflict, formset):
    """The formset's inline, if they changed a part of it this form changes."""
    group = GROUPS.get(formset.model)
    if group is None:
        return None
    touched = _touched(formset)
    keys = {"": group, **{code: field_name(group, code) for code in LANGUAGE_CODES}}
    if not any(conflict.they_changed(keys[part]) for part in touched):
        return None
    keys = set(keys.values())
    theirs = [
        line
        for change in conflict.changes or ()
        if change["field"] in keys
        for line in [f"{change['label']}:", *change["lines"]]
    ]
    return conflict.add(
        group,
        group.capitalize(),
        theirs or ["(their rows: see the story's history)"],
        _your_rows(formset),
    )


def _touched(formset):
    """What the formset changes: "" for rows, kinds, order; a code for words."""
    words = {
        field_name(base, code): code
        for base in revisions.translated_bases(formset.model)
        for code in LANGUAGE_CODES
    }
    touched = set()
    for number, form in enumerate(formset.forms):
        changed = form.changed_data if form.has_changed() else []
        if changed and (number >= formset.initial_form_count() or "DELETE" in changed):
            return {"", *LANGUAGE_CODES}  # a row added or removed: all of it
        touched |= {words.get(name, "") for name in changed}
    return touched


def _your_rows(formset):
    lines = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", {})
        if not form.has_changed():
            continue
        number = data.get("position", getattr(form.instance, "position", ""))
        if data.get("DELETE"):
            lines.append(f"#{number}: removed")
            continue
        lines += [
            f"#{number} {form.fields[name].label}: {data.get(name, '')}"
            for name in form.changed_data
            if name in form.fields
        ]
    return lines


def _lines(value):
    if value is None or value == "":
        return ["(empty)"]
    if isinstance(value, list | tuple):
        return [", ".join(str(item) for item in value) or "(empty)"]
    return str(value).splitlines() or ["(empty)"]


class CheckedFormSet:
    """Mixed into the story's inline formsets: their part of the conflict."""

    def clean(self):
        conflict = getattr(self.instance, "_workflow_conflict", None)
        part = add_inline_parts(conflict, self) if conflict else None
        super().clean()
        unanswered = part is not None and part.choice is None
        # One refusal is enough: the form's own, or this formset's.
        if unanswered and conflict.acknowledged and not conflict.refused:
            raise conflict.refuse()


def checked(formset_class):
    return type(formset_class.__name__, (CheckedFormSet, formset_class), {})


def keeps_theirs(conflict, formset):
    return conflict is not None and conflict.choice(GROUPS.get(formset.model)) == THEIRS
