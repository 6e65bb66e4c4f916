"""Photos: a local file or a remote original, with cutline, credit and rights."""

from django.db import models

from .rights import MAY_SYNDICATE, NO_SYNDICATION, default_rights_for_source
from .validation import validate_image_file


class Rights(models.TextChoices):
    FROM_SOURCE = "", "Decide from the source"
    MAY_SYNDICATE = MAY_SYNDICATE, "Partners may republish"
    NO_SYNDICATION = NO_SYNDICATION, "Not for partners"


class Photo(models.Model):
    """One picture in the library, placed in any number of stories."""

    image = models.ImageField(
        upload_to="photos/%Y/%m/",
        blank=True,
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="Upload a JPEG, PNG or WebP file, or give a remote URL below.",
    )
    source_url = models.URLField(
        "remote original",
        max_length=500,
        blank=True,
        help_text="Address of an original not held here (archive photos).",
    )
    cutline = models.TextField(blank=True)
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    credit = models.CharField(
        max_length=200, blank=True, help_text="The photographer, e.g. Sun Narin."
    )
    source = models.CharField(
        max_length=200, blank=True, help_text="The agency or outlet, e.g. Reuters."
    )
    rights = models.CharField(
        max_length=20,
        choices=Rights.choices,
        default=Rights.FROM_SOURCE,
        blank=True,
        help_text="Left on 'Decide from the source', only the desk's own photos "
        "go to partners; agency and unknown photos never do.",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(image="", source_url=""),
                name="photo_has_file_or_url",
                violation_error_message="Upload an image file or give a remote URL.",
            )
        ]

    def __str__(self):
        label = self.cutline or self.alt_text or self.source_url or self.image.name
        return (label[:60] + "…") if len(label) > 60 else label

    @property
    def url(self):
        return self.image.url if self.image else self.source_url

    @property
    def effective_rights(self):
        return self.rights or default_rights_for_source(self.source)

    @property
    def may_syndicate(self):
        return self.effective_rights == MAY_SYNDICATE

    @property
    def credit_line(self):
        """ "Samrang Pring | Reuters" style: photographer and source, as known."""
        return " | ".join(part for part in (self.credit, self.source) if part)


__all__ = ["NO_SYNDICATION", "Photo", "Rights"]
