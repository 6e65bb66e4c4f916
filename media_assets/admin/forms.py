"""The photo admin's forms: one photo (duplicate check, metadata) and bulk upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from media_assets.admin.display import change_url
from media_assets.models import Photo
from media_assets.services import find_duplicate, inspect


def duplicate_message(existing):
    return format_html(
        'This file is already in the library: <a href="{}">photo {} “{}”</a>. '
        "Use that photo instead of uploading it again.",
        change_url(existing),
        existing.pk,
        existing,
    )


class PhotoAdminForm(forms.ModelForm):
    """Checks a new file for duplicates and reads its metadata once."""

    class Meta:
        model = Photo
        # The admin's fieldsets decide the full list; these are the ones this
        # form itself relies on.
        fields = ("image", "focal_x", "focal_y")
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": 0, "max": 1}),
        }

    inspected = None

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data and hasattr(upload, "size"):
            try:
                digest, metadata = inspect(upload)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
            existing = find_duplicate(digest)
            if existing and existing.pk != self.instance.pk:
                raise ValidationError(duplicate_message(existing), code="duplicate")
            self.inspected = (digest, metadata)
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label="Photos", help_text="Choose as many files as you like."
    )
    source = forms.CharField(
        max_length=200,
        required=False,
        help_text="Agency for files that name none, e.g. VOA Khmer. A file's own "
        "credit line wins.",
    )

    def __init__(self, *args, may_set_source=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_source:
            del self.fields["source"]  # the photo desk's to say
