"""The compact posting form: one text field per language, media folded away."""

from django import forms

from articles import youtube
from articles.languages import LANGUAGE_CODES, field_name, language_name
from live.models import LiveEntry

TEXT_FIELDS = [field_name("body", code) for code in LANGUAGE_CODES]
QUOTE_FIELDS = [
    field_name(name, code)
    for name in ("quote", "quote_source")
    for code in LANGUAGE_CODES
]
MEDIA_FIELDS = ["photo", "youtube_id", "embed_url"]


class VideoField(forms.CharField):
    """A YouTube id or any address articles/youtube.py reads, stored as the id."""

    def clean(self, value):
        value = super().clean(value)
        if value and not youtube.video_id(value):
            raise forms.ValidationError(
                "That is not a YouTube video: give its 11-character id or its address."
            )
        return youtube.video_id(value)


class PostEntryForm(forms.ModelForm):
    youtube_id = VideoField(
        label="YouTube video",
        required=False,
        help_text="The video's id or its address (watch?v=, youtu.be/, shorts/ …).",
    )

    embed_url = forms.URLField(
        label="Link to a post",
        required=False,
        assume_scheme="https",
        help_text="A social-media post or page, shown as a link (no outside script).",
    )

    class Meta:
        model = LiveEntry
        fields = [*TEXT_FIELDS, "author", "pinned", *QUOTE_FIELDS, *MEDIA_FIELDS]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 4}) for name in TEXT_FIELDS},
            "photo": forms.NumberInput(attrs={"min": 1}),
        }
        labels = {"photo": "Photo number (from the photo library)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            field = self.fields[field_name("body", code)]
            field.label = language_name(code)
            field.widget.attrs["lang"] = code

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in TEXT_FIELDS):
            raise forms.ValidationError("Write the entry in at least one language.")
        return cleaned

    @property
    def text_fields(self):
        return [self[name] for name in TEXT_FIELDS]

    @property
    def more_fields(self):
        return [self[name] for name in (*QUOTE_FIELDS, *MEDIA_FIELDS)]
