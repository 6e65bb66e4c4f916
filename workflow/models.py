"""Everything about a story's life that is not a column of the story itself."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Status

LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]


class Transition(models.Model):
    """One state change of one language version: who, when, from, to."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="transitions"
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        # Role permissions that are not about one model; held here so that
        # the Reporter/Translator/Editor groups can be granted them.
        permissions = [
            ("review_story", "Can move stories through review"),
            ("publish_story", "Can publish, schedule, withdraw stories"),
            ("edit_any_story", "Can edit any story, published or not"),
            ("restore_revision", "Can restore an earlier revision"),
        ]

    def __str__(self):
        return f"{self.article} [{self.language}] {self.from_status} → {self.to_status}"


class Assignment(models.Model):
    """Who works on a story: its reporter (all languages) or a translator."""

    class Role(models.TextChoices):
        REPORTER = "reporter", "Reporter"
        TRANSLATOR = "translator", "Translator"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    language = models.CharField(
        max_length=10,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text="For translators: the language they translate into.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user", "role", "language"],
                name="assignment_unique",
            )
        ]

    def __str__(self):
        suffix = f" ({self.language})" if self.language else ""
        return f"{self.user} – {self.get_role_display()}{suffix} – {self.article}"


class TranslationBase(models.Model):
    """The source text a translation was made from, to flag it out of date."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="translation_bases"
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    source_language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    source = models.JSONField(help_text="title, summary and body of the source")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="translation_base_unique"
            )
        ]

    def __str__(self):
        return f"{self.article} [{self.language}] from {self.source_language}"


class Revision(models.Model):
    """A full snapshot of a story (all languages and related rows) at a version."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)
    data = models.JSONField()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "version"], name="revision_unique_version"
            )
        ]

    def __str__(self):
        return f"{self.article} v{self.version}"


class EditLock(models.Model):
    """A soft lock: 'this person has the story open', refreshed by a heartbeat."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="edit_locks"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    opened_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="edit_lock_unique")
        ]

    def __str__(self):
        return f"{self.user} has {self.article} open until {self.expires_at}"


class Correction(models.Model):
    """A correction, clarification or update shown at the foot of the story."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    created_at = models.DateTimeField("date and time", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language}) – {self.article}"


class CorrectionEdit(models.Model):
    """Every change to a correction's text: corrections are never silently edited."""

    correction = models.ForeignKey(
        Correction, on_delete=models.CASCADE, related_name="edits"
    )
    old_text = models.TextField()
    new_text = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Edit of {self.correction} at {self.at:%Y-%m-%d %H:%M}"


class AuditEntry(models.Model):
    """What was done to which story, by whom: never edited, never deleted."""

    class Action(models.TextChoices):
        PUBLISH = "publish", "Publish"
        UNPUBLISH = "unpublish", "Unpublish (back to draft)"
        WITHDRAW = "withdraw", "Withdraw"
        SCHEDULE = "schedule", "Schedule"
        UNSCHEDULE = "unschedule", "Unschedule"
        DELETE = "delete", "Delete"
        RESTORE = "restore", "Restore revision"
        ROLE_CHANGE = "role_change", "Role change"
        CORRECTION = "correction", "Correction"
        CONFLICT_SAVE = "conflict_save", "Saved over an edit conflict"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the entry still names a story after it is deleted.
    story = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=10, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.story}"


class ShareLink(models.Model):
    """A reviewer's link to one language's saved draft, without an account.

    The address carries this row's id, signed (workflow/share_links.py); the
    row is what makes the link expire and lets the desk revoke it.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="share_links"
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Preview link {self.pk} of {self.article} [{self.language}]"

    def is_active(self, now=None):
        return self.revoked_at is None and (now or timezone.now()) < self.expires_at


class Autosave(models.Model):
    """One user's unsaved change form of one story (or of a new one): a draft
    kept every 30 s and on leaving the page, never written into the story.

    `data` maps the form's field names to their values as posted; restoring
    fills the form, and saving it then goes through the version check.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="autosaves"
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="autosaves",
        help_text="Empty for a story not saved yet.",
    )
    data = models.JSONField()
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"], name="autosave_unique_user_story"
            )
        ]

    def __str__(self):
        return f"{self.user}'s draft of {self.article or 'a new story'}"
