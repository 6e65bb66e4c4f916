"""The story admin's inlines: bylines, photo placements, pullquotes, profile."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from articles.models import Byline, PersonProfile, PhotoPlacement, Pullquote
from media_assets.admin.display import ADMIN_CSS, thumbnail_html


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ("author",)
    fields = ("position", "author", "role")
    ordering = ("position",)


def _row_value(form, name):
    """The value the row will have: posted, or kept when the field is read-only."""
    if name in form.fields:
        return form.cleaned_data.get(name)
    return getattr(form.instance, name, None)


class PositionedFormSet(BaseInlineFormSet):
    """Refuses two items with one number, and a second hero or window photo."""

    single_kinds = ()

    def clean(self):
        super().clean()
        positions, kinds = set(), set()
        for form in self.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get(
                "DELETE"
            ):
                continue
            position = _row_value(form, "position")
            if position in positions:
                raise ValidationError(
                    f"Two items have the number {position}; give each its own."
                )
            positions.add(position)
            kind = _row_value(form, "kind")
            if kind in self.single_kinds:
                if kind in kinds:
                    raise ValidationError(
                        f"A story has only one {kind} photo; remove the extra one."
                    )
                kinds.add(kind)


class PlacementFormSet(PositionedFormSet):
    single_kinds = tuple(PhotoPlacement.SINGLE_KINDS)


class PhotoPlacementInline(TranslationTabularInline):
    model = PhotoPlacement
    formset = PlacementFormSet
    extra = 0
    raw_id_fields = ("photo",)  # opens the photo library grid to pick from
    fields = ("position", "kind", "language", "photo", "preview", "caption")
    readonly_fields = ("preview",)

    class Media:
        css = {"all": (ADMIN_CSS,)}

    @admin.display(description="Preview")
    def preview(self, placement):
        return thumbnail_html(placement.photo) if placement.photo_id else "—"


class PullquoteInline(TranslationStackedInline):
    model = Pullquote
    formset = PositionedFormSet
    extra = 0
    fields = ("position", "text", "attribution")


class PersonProfileInline(TranslationStackedInline):
    model = PersonProfile
    extra = 0
    max_num = 1
    can_delete = True
