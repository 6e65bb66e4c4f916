"""A live story's entries: short, timestamped posts under one story.

The story is an Article whose layout is "live"; whether readers see it in a
language is Article.objects.published(language), as for any story. An entry
is public once posted in a published live story, in each language it has
text in (a translator adds the other language later). Entries are never
drafts: the desk posts what is ready, and corrects in place ("Updated at …").
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, field_name, localized
from articles.models import Article, Author, Layout
from articles.models.article import YOUTUBE_ID
from articles.rendering import render_markdown
from media_assets.models import Photo


class LiveEntryQuerySet(models.QuerySet):
    def of_story(self, story_id):
        return self.filter(story_id=story_id)

    def in_language(self, language):
        """Entries with text in `language`: the ones its readers see."""
        # NULL (never written) and "" both fail `> ""`: one condition.
        return self.filter(**{f"{field_name('body', language)}__gt": ""})

    def in_reading_order(self):
        """Pinned entries first, then newest first."""
        return self.order_by("-pinned", "-posted_at", "-pk")


class LiveEntry(models.Model):
    story = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="live_entries",
        limit_choices_to={"layout": Layout.LIVE},
    )
    body = models.TextField(
        blank=True,
        help_text="Markdown. The entry shows in a language once it has text there.",
    )
    body_html = models.TextField(blank=True, editable=False)
    quote = models.TextField(blank=True)
    quote_source = models.CharField("quote attribution", max_length=200, blank=True)
    photo = models.ForeignKey(
        Photo, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    youtube_id = models.CharField(
        "YouTube video id", max_length=11, blank=True, validators=[YOUTUBE_ID]
    )
    embed_url = models.URLField(
        "link to a post",
        blank=True,
        help_text="A social-media post or page, shown as a link (no outside script).",
    )
    author = models.ForeignKey(
        Author, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    pinned = models.BooleanField(default=False, help_text="Keep it at the top.")
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set by live.services.edit_entry when text readers already saw changes.
    edited_at = models.DateTimeField("corrected at", null=True, blank=True)
    # Any change at all (the time form of `since=` follows it).
    updated_at = models.DateTimeField(auto_now=True)
    # The story's change number of this entry's latest change: what pollers'
    # cursors and ETags follow. live.services.next_change assigns it under a
    # lock held until commit, so numbers are committed in order.
    change = models.PositiveBigIntegerField(default=0, editable=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "live entry"
        verbose_name_plural = "live entries"
        ordering = ["-pinned", "-posted_at", "-pk"]
        indexes = [
            models.Index(fields=["story", "updated_at"], name="live_entry_changes_idx"),
            models.Index(fields=["story", "change"], name="live_entry_change_no_idx"),
        ]

    def __str__(self):
        text = localized(self, "body", "en", fallback=LANGUAGE_CODES)
        return (text or "")[:60] or f"Entry {self.pk}"

    def save(self, *args, **kwargs):
        # body_html is derived data, a cache of the Markdown kept with its
        # source, as Article.body_html is.
        for language in LANGUAGE_CODES:
            setattr(
                self,
                field_name("body_html", language),
                render_markdown(localized(self, "body", language)),
            )
        super().save(*args, **kwargs)

    def has_text(self, language):
        return bool((localized(self, "body", language) or "").strip())

    def anchor(self):
        return f"entry-{self.pk}"


class LiveSequence(models.Model):
    """A live story's last change number, one row per story.

    Its row lock orders the story's changes: live.services.next_change locks
    it, counts on and keeps the lock until the change commits, so a change
    numbered n+1 cannot commit before the one numbered n (docs/live.md).
    """

    story = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_change = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"Story {self.story_id}: change {self.last_change}"
