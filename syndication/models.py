"""Partners who republish our stories, their API keys, and withdrawn stories."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


def validate_languages(value):
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or not all(code in known for code in value):
        raise ValidationError(
            f"Languages must be a list of site languages ({', '.join(sorted(known))})."
        )


class Partner(models.Model):
    """An outlet allowed to republish the full text of some of our stories."""

    name = models.CharField(max_length=200, unique=True)
    contact = models.CharField(
        max_length=300, blank=True, help_text="Who to call about this feed."
    )
    languages = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_languages],
        help_text="Feed languages this partner may read; empty means none.",
    )
    sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="partners",
        help_text="Sections this partner may read; none selected means all.",
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Switch off to refuse all of its keys."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ActiveKeyQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, partner__is_active=True)


class PartnerKey(models.Model):
    """An API key: only its SHA-256 digest is stored; the key is shown once."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="keys")
    prefix = models.CharField(
        max_length=16, help_text="The key's first characters, to recognise it."
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ActiveKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API key"

    def __str__(self):
        state = "revoked" if self.revoked_at else "active"
        return f"{self.prefix}… ({state})"

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class Tombstone(models.Model):
    """A language version that partners saw and must now take down.

    Kept without a foreign key: the story itself may be gone.
    """

    article_id = models.BigIntegerField()
    language = models.CharField(max_length=10)
    section_id = models.BigIntegerField(null=True)
    withdrawn_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["withdrawn_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article_id", "language"], name="tombstone_one_per_version"
            )
        ]

    def __str__(self):
        return f"Story {self.article_id} ({self.language}) withdrawn"
