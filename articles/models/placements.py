"""Things placed in a story besides its text: photos and pullquotes."""

from django.conf import settings
from django.db import models


class PhotoPlacement(models.Model):
    """A library photo used in one story, in a given slot and order."""

    class Kind(models.TextChoices):
        HERO = "hero", "Hero (full width, top)"
        WINDOW = "window", "Window (full-bleed break)"
        INLINE = "inline", "Inline"
        LARGE = "large", "Inline, large"
        HALF = "half", "Inline, half column"
        MUGSHOT = "mugshot", "Mugshot"

    SINGLE_KINDS = (Kind.HERO, Kind.WINDOW)

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="placements"
    )
    photo = models.ForeignKey(
        "media_assets.Photo", on_delete=models.PROTECT, related_name="placements"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INLINE)
    position = models.PositiveSmallIntegerField(
        default=1, help_text="Place it in the body with [[photo N]] using this number."
    )
    caption = models.TextField(
        blank=True, help_text="Replaces the photo's cutline in this story only."
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text="Empty: shown in every language. A language here: that "
        "version's own hero or window photo, shown instead of the shared one.",
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "language"],
                condition=models.Q(kind__in=["hero", "window"]),
                name="placement_one_hero_one_window",
                violation_error_message="A story has at most one hero and one "
                "window photo in each language (and one shared by all).",
            ),
            models.UniqueConstraint(
                fields=["article", "position"],
                name="placement_unique_position",
                violation_error_message="Two photos of this story have the same "
                "number; give each its own.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.position}"


class Pullquote(models.Model):
    """A quotation set large; placed in the body with [[pullquote N]]."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="pullquotes"
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="Place it in the body with [[pullquote N]]."
    )
    text = models.TextField()
    attribution = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"],
                name="pullquote_unique_position",
                violation_error_message="Two pullquotes of this story have the "
                "same number; give each its own.",
            )
        ]

    def __str__(self):
        return (self.text or "")[:60]
