"""Photos inside a biography or party history, placed with [[photo N]].

The same shape as a story's PhotoPlacement (kind, number, caption, language),
so the importer places an entry's photo includes as it places a story's, and
articles' photo handlers render them.
"""

from django.conf import settings
from django.db import models

from articles.models import PhotoPlacement


class EntryPhoto(models.Model):
    photo = models.ForeignKey(
        "media_assets.Photo", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        max_length=10,
        choices=PhotoPlacement.Kind.choices,
        default=PhotoPlacement.Kind.INLINE,
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="Place it in the body with [[photo N]] using this number."
    )
    caption = models.TextField(
        blank=True, help_text="Replaces the photo's cutline on this page only."
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text="Empty: shown in every language.",
    )

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return f"[[photo {self.position}]] {self.photo}"


def unique_number(owner, what):
    """One [[photo N]] number per entry."""
    return models.UniqueConstraint(
        fields=[owner, "position"],
        name=f"{owner}_photo_unique_position",
        violation_error_message=f"Two photos of {what} have the same number; "
        "give each its own.",
    )


class PersonPhoto(EntryPhoto):
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="photos"
    )

    class Meta(EntryPhoto.Meta):
        constraints = [unique_number("person", "this biography")]


class PartyPhoto(EntryPhoto):
    party = models.ForeignKey(
        "people.Party", on_delete=models.CASCADE, related_name="photos"
    )

    class Meta(EntryPhoto.Meta):
        constraints = [unique_number("party", "this party's page")]
