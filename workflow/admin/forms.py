"""The story form's workflow fields: the version it edits, a note, the conflict."""

from django import forms
from django.core.exceptions import ValidationError

from workflow import conflicts


class ShownVersionField(forms.Field):
    """The version a conflict screen showed (workflow/conflicts.py).

    The screen writes it; a missing or garbled value means none was shown, so
    the save is refused with the screen again rather than with a field error.
    It is no part of the story: never among the form's changed fields.
    """

    widget = forms.HiddenInput

    def to_python(self, value):
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def has_changed(self, initial, data):
        return False


class WorkflowArticleForm(forms.ModelForm):
    """Carries the version the editor started from, and a change note.

    `edit_version` stays the version the editor opened, also on a refused
    save: only an explicit choice per conflicting part (workflow/conflicts.py)
    lets a save from an older version through.
    """

    conflict = None  # a conflicts.Conflict once clean() found one
    claim_from = None  # the version this save replaces, once clean() passed

    edit_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )
    change_note = forms.CharField(
        max_length=300,
        required=False,
        help_text="What you changed and why; shown in the story's history.",
    )
    # Rendered by the conflict screen (workflow/admin/change_form.html).
    conflict_version = ShownVersionField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["edit_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        expected = cleaned.get("edit_version")
        if expected is None:
            raise ValidationError(
                "This form does not say which version of the story it edits; "
                "reload the story and make your changes again."
            )
        # The story as read for this request; the UPDATE in save_form checks
        # that its version is still current.
        conflict = conflicts.detect(
            self.instance,
            expected,
            cleaned.get(conflicts.VERSION_FIELD),
            conflicts.answers_in(self.data),
        )
        if conflict is None:
            self.claim_from = expected
            return cleaned
        self.conflict = self.instance._workflow_conflict = conflict
        conflicts.add_field_parts(conflict, self)
        if not conflict.resolved:
            raise conflict.refuse()
        for part in conflict.parts:
            if part.choice == conflicts.THEIRS:
                cleaned.pop(part.key, None)  # the field keeps the saved value
        self.claim_from = conflict.current
        return cleaned
