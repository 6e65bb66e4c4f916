"""PhotoChange: who changed a photo's file or rights, and when."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.utils import timezone

# What only the photo desk may change (the "change_photo_rights" permission).
RIGHTS_FIELDS = ("credit", "source", "rights", "copyright")
# What swaps the picture readers see.
FILE_FIELDS = ("image", "source_url")
# Every change of these is a PhotoChange row.
AUDITED_FIELDS = (*FILE_FIELDS, *RIGHTS_FIELDS)

# Who is changing photos in this request or command (None: the system).
_acting_user = ContextVar("photo_acting_user", default=None)


@contextmanager
def changes_by(user):
    """Attribute the PhotoChange rows written inside the block to `user`."""
    token = _acting_user.set(
        user if user is not None and user.is_authenticated else None
    )
    try:
        yield
    finally:
        _acting_user.reset(token)


class PhotoChange(models.Model):
    """One change of a photo's file, rights, source, credit or copyright: who, when.

    media_assets keeps its own record (it sits below the workflow and imports no
    other app), written by Photo.save() so no path that saves a photo escapes it.
    """

    # Kept when the photo is deleted: the record outlives what it describes.
    photo = models.ForeignKey(
        "media_assets.Photo",
        null=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    user_name = models.CharField("by", max_length=150)
    field = models.CharField(max_length=20)
    old = models.TextField("before", blank=True)
    new = models.TextField("after", blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.field} of photo {self.photo_id} by {self.user_name}"

    @classmethod
    def record(cls, photo, before):
        """A row per audited field whose stored value differs from `before`."""
        user = _acting_user.get()
        name = user.get_username() if user else "system"
        rows = []
        for field, old in before.items():
            new = str(getattr(photo, field) or "")
            if new != old:
                rows.append(
                    cls(
                        photo=photo,
                        user=user,
                        user_name=name,
                        field=field,
                        old=old,
                        new=new,
                    )
                )
        cls.objects.bulk_create(rows)
