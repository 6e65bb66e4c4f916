"""Photos: a local file or a remote original, with cutline, credit and rights."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.fields.files import ImageFieldFile

from ..naming import stored_name
from ..rights import DECISION_OUTPUTS, MAY_SYNDICATE, NO_SYNDICATION, decide
from ..validation import validate_image_file
from .change import AUDITED_FIELDS, PhotoChange
from .kept import KeptPrefetchMixin
from .rendition import rendition_prefetch

THUMBNAIL_SPEC = "1x1-420.jpeg"


class Rights(models.TextChoices):
    FROM_SOURCE = "", "Decide from the source"
    MAY_SYNDICATE = MAY_SYNDICATE, "Partners may republish"
    NO_SYNDICATION = NO_SYNDICATION, "Not for partners"


FOCAL_RANGE = [
    MinValueValidator(0.0, "The focal point is a fraction between 0 and 1."),
    MaxValueValidator(1.0, "The focal point is a fraction between 0 and 1."),
]


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

    def syndicatable(self):
        """Photos partners may republish: the stored rights.decide() answer."""
        return self.filter(syndicatable=True)

    def withheld(self):
        return self.filter(syndicatable=False)


class Photo(KeptPrefetchMixin, models.Model):
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

    # rights.decide()'s answer, stored by save() so SQL filters can use it.
    syndicatable = models.BooleanField(
        "partners may republish", default=False, editable=False, db_index=True
    )
    rights_reason = models.TextField("why", blank=True, editable=False)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [
            (
                "change_photo_rights",
                "Can change a photo's rights, source, credit and copyright",
            ),
            (
                "replace_published_photo",
                "Can replace the file of a photo a published story shows",
            ),
        ]
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

    def save(self, *args, **kwargs):
        """Store the partner decision with the row; log rights and file changes."""
        decision = decide(self)
        self.syndicatable, self.rights_reason = decision.may_syndicate, decision.reason
        update_fields = kwargs.get("update_fields")
        audited = AUDITED_FIELDS
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *DECISION_OUTPUTS}
            audited = [name for name in AUDITED_FIELDS if name in update_fields]
        using = kwargs.get("using")
        with transaction.atomic(using=using):
            before = self._stored_values(audited, using)
            super().save(*args, **kwargs)
            PhotoChange.record(self, before)

    def _stored_values(self, names, using=None):
        """The audited fields as the database holds them now ("" for a new photo)."""
        row = None
        if names and not self._state.adding and self.pk is not None:
            rows = type(self)._base_manager.using(using).filter(pk=self.pk)
            row = rows.values(*names).first()
        row = row or dict.fromkeys(names, "")
        return {name: str(value or "") for name, value in row.items()}

    @property
    def url(self):
        return self.image.url if self.image else self.source_url

    @property
    def effective_rights(self):
        return MAY_SYNDICATE if self.syndicatable else NO_SYNDICATION

    @property
    def may_syndicate(self):
        return self.syndicatable

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
