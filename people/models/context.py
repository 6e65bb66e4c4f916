"""The archive's context layer beyond people and parties: timeline events and quotes.

Both are fragments the old site showed inside other pages (the timeline slide-in,
quote cards), never dated stories, so they live here rather than as Articles.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import override

from articles.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    current_language,
    localized,
)

from .fields import optional_link


def page_url(url_name, language, fragment):
    language = language if language in LANGUAGE_CODES else current_language()
    with override(language):
        return f"{reverse(url_name)}#{fragment}"


class TimelineEvent(models.Model):
    """One event of the timeline; shown in the languages whose headline is filled.

    The archive's English and Khmer timelines do not hold the same events, so an
    event with an empty headline in a language is left out of that language's page.
    """

    date = models.DateField(
        help_text="Orders the timeline. For a month or a year, give its first day "
        "and write the period in the date label."
    )
    date_label = models.CharField(
        max_length=100,
        blank=True,
        help_text='Shown instead of the date when set, e.g. "Sept-Dec 2013".',
    )
    anchor = models.SlugField(
        max_length=100,
        blank=True,
        help_text="The id archive links use, e.g. july_29_2018 for …#july_29_2018. "
        "Several events may share one; the first on the page carries it.",
    )
    headline = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, help_text="Markdown.")
    photo = optional_link("media_assets.Photo")
    person = optional_link("people.Person", related_name="timeline_events")
    party = optional_link("people.Party", related_name="timeline_events")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    class Meta:
        ordering = ["-date", "pk"]
        indexes = [models.Index(fields=["anchor"])]

    def __str__(self):
        headline = localized(
            self, "headline", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES
        )
        return f"{self.date:%Y-%m-%d} {headline}".strip()

    def get_absolute_url(self, language=None):
        """The timeline page of `language`, scrolled to this event."""
        return page_url("people:timeline", language, self.fragment)

    @property
    def fragment(self):
        """The id of the event on the timeline page: its anchor, else event-<pk>."""
        return self.anchor or f"event-{self.pk}"

    def is_public_in(self, language):
        return bool(localized(self, "headline", language))


class Quote(models.Model):
    """Words of someone the desk interviewed, shown as a card inside other pages."""

    slug = models.SlugField(max_length=200, allow_unicode=True, unique=True)
    speaker = optional_link(
        "people.Person",
        related_name="quotes",
        help_text="When the speaker has a page of their own.",
    )
    speaker_name = models.CharField(max_length=200, blank=True)
    age = models.CharField(max_length=20, blank=True, help_text="As written, e.g. ៥៨.")
    occupation = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    words = models.TextField(blank=True)
    portrait = optional_link("media_assets.Photo")
    source_story = optional_link(
        "articles.Article",
        help_text="The story the words come from, linked under the card.",
    )
    photo_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Shown inside the source story, with its photo N ([[photo N]]), "
        "as the archive's photo quotations were. Empty: a card of its own "
        "(the front page ribbon).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_story", "photo_number"],
                name="quote_one_per_story_photo",
                violation_error_message="This photo of the story already has a quote.",
            )
        ]

    def __str__(self):
        return (
            localized(self, "speaker_name", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES)
            or self.slug
        )

    def get_absolute_url(self, language=None):
        """The quotes page of `language`, scrolled to this card."""
        return page_url("people:quotes", language, f"quote-{self.slug}")

    def is_public_in(self, language):
        return bool(localized(self, "words", language))

    def speaker_in(self, language):
        """The name to print under the words: the quote's own, else the person's."""
        name = localized(self, "speaker_name", language)
        if name or self.speaker is None:
            return name
        return localized(self.speaker, "name", language)
