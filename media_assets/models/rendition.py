"""Renditions: the generated sizes, crops and formats of a library photo.

Generating them is media_assets.renditions' work; this is only the stored row.
"""

from django.db import models


def rendition_prefetch(lookup="renditions", prefix=""):
    """A Prefetch of renditions; `lookup` may start at a relation to Photo.

    `prefix` (e.g. "1x1-") narrows it to one crop, for thumbnail lists.
    """
    queryset = Rendition.objects.order_by("spec")
    if prefix:
        queryset = queryset.filter(spec__startswith=prefix)
    return models.Prefetch(lookup, queryset=queryset)


def rendition_upload_to(rendition, filename):
    return f"renditions/{rendition.photo_id % 100:02d}/{rendition.photo_id}/{filename}"


class Rendition(models.Model):
    """One generated size/crop/format of a photo, stored on default storage."""

    photo = models.ForeignKey(
        "media_assets.Photo", on_delete=models.CASCADE, related_name="renditions"
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
