"""Photos: a local file or a remote original, with cutline, credit and rights."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.files import ImageFieldFile

from .naming import stored_name
from .rights import MAY_SYNDICATE, NO_SYNDICATION, default_rights_for_source
from .validation import validate_image_file

THUMBNAIL_SPEC = "1x1-420.jpeg"


class Rights(models.TextChoices):
    FROM_SOURCE = "", "Decide from the source"
    MAY_SYNDICATE = MAY_SYNDICATE, "Partners may republish"
    NO_SYNDICATION = NO_SYNDICATION, "Not for partners"


FOCAL_RANGE = [
    MinValueValidator(0.0, "The focal point is a fraction between 0 and 1."),
    MaxValueValidator(1.0, "The focal point is a fraction between 0 and 1."),
]


def rendition_prefetch(lookup="renditions", prefix=""):
    """A Prefetch of renditions; `lookup` may start at a relation to Photo.

    `prefix` (e.g. "1x1-") narrows it to one crop, for thumbnail lists.
    """
    queryset = Rendition.objects.order_by("spec")
    if prefix:
        queryset = queryset.filter(spec__startswith=prefix)
    return models.Prefetch(lookup, queryset=queryset)


class ContentNamedFieldFile(ImageFieldFile):
    """Stores a file as '<sha256>.<detected extension>', never under its upload name.

    Every way in (admin forms, ingest, remote fetch, the importer) saves
    through here, so none can pick a name such as poly.html.
    """

    def save(self, name, content, save=True):
        super().save(stored_name(content), content, save)


class ContentNamedImageField(models.ImageField):
    attr_class = ContentNamedFieldFile


def photo_upload_to(photo, filename):
    """photos/ab/ab12….png: a folder per first two hex digits keeps folders small."""
    return f"photos/{filename[:2]}/{filename}"


class PhotoQuerySet(models.QuerySet):
    def prefetch_renditions(self, prefix=""):
        """Load the photos' renditions in one query, so pages stay flat."""
        return self.prefetch_related(rendition_prefetch(prefix=prefix))


class Photo(models.Model):
    """One picture in the library, placed in any number of stories."""

    image = ContentNamedImageField(
        upload_to=photo_upload_to,
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
    copyright = models.CharField("copyright notice", max_length=300, blank=True)
    date_taken = models.DateTimeField("date taken", null=True, blank=True)
    focal_x = models.FloatField(
        "focal point x",
        default=0.5,
        validators=FOCAL_RANGE,
        help_text="0 is the left edge, 1 the right. Click the preview to set it.",
    )
    focal_y = models.FloatField(
        "focal point y",
        default=0.5,
        validators=FOCAL_RANGE,
        help_text="0 is the top edge, 1 the bottom.",
    )
    content_hash = models.CharField(
        "SHA-256 of the file", max_length=64, blank=True, editable=False
    )
    embedded_metadata = models.JSONField(
        "read from the file", default=dict, blank=True, editable=False
    )
    # Upright size (EXIF orientation applied), corrected by the ingest pipeline.
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(image="", source_url=""),
                name="photo_has_file_or_url",
                violation_error_message="Upload an image file or give a remote URL.",
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~models.Q(content_hash=""),
                name="photo_unique_content_hash",
                violation_error_message="This file is already in the library.",
            ),
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

    @property
    def thumbnail_url(self):
        """The square thumbnail when its rendition is already loaded, else the file.

        Never queries: lists prefetch with prefetch_renditions(prefix="1x1-").
        """
        cached = getattr(self, "_prefetched_objects_cache", {}).get("renditions")
        for rendition in cached or ():
            if rendition.spec == THUMBNAIL_SPEC:
                return rendition.url
        return self.url

    @property
    def focal(self):
        return (self.focal_x, self.focal_y)

    # --- renditions: find / create / get -----------------------------------

    def find_rendition(self, spec):
        """The stored rendition named `spec`, from prefetched rows when loaded.

        Raises Rendition.DoesNotExist when it has not been generated yet.
        """
        cached = getattr(self, "_prefetched_objects_cache", {}).get("renditions")
        if cached is not None:
            for rendition in cached:
                if rendition.spec == spec:
                    return rendition
            raise Rendition.DoesNotExist(f"No rendition {spec} of photo {self.pk}")
        return self.renditions.get(spec=spec)

    def create_rendition(self, spec):
        """Generate and store `spec` now (race-safe: a concurrent twin wins)."""
        from media_assets.renditions import create_renditions

        return create_renditions(self, [spec])[spec]

    def largest_rendition(self, fmt="jpeg"):
        """The widest stored uncropped rendition in `fmt`, or None (prefetch-aware).

        Partners get this rather than the upload: sRGB, upright, metadata
        stripped except credit and copyright.
        """
        suffix = f".{fmt}"
        candidates = [
            r
            for r in self.renditions.all()
            if r.spec.startswith("orig-") and r.spec.endswith(suffix)
        ]
        return max(candidates, key=lambda r: r.width, default=None)

    def get_rendition(self, spec):
        try:
            return self.find_rendition(spec)
        except Rendition.DoesNotExist:
            return self.create_rendition(spec)


def rendition_upload_to(rendition, filename):
    return f"renditions/{rendition.photo_id % 100:02d}/{rendition.photo_id}/{filename}"


class Rendition(models.Model):
    """One generated size/crop/format of a photo, stored on default storage."""

    photo = models.ForeignKey(
        Photo, on_delete=models.CASCADE, related_name="renditions"
    )
    spec = models.CharField(max_length=40, help_text="e.g. 16x9-1280.webp")
    file = models.FileField(upload_to=rendition_upload_to, max_length=255)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "spec"], name="rendition_unique_photo_spec"
            )
        ]

    def __str__(self):
        return f"{self.spec} of photo {self.photo_id}"

    @property
    def url(self):
        return self.file.url


__all__ = ["NO_SYNDICATION", "Photo", "PhotoQuerySet", "Rendition", "Rights"]
