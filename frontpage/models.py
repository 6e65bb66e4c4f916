"""What editors curate for readers: each language's front page, and series."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import override

from articles.languages import DEFAULT_LANGUAGE, current_language, localized


class Rail(models.TextChoices):
    """The places of the front page, top to bottom."""

    LEAD = "lead", "Lead story or video"
    TOP = "top", "Top stories"
    SPOTLIGHT = "spotlight", "Spotlight"
    VIDEOS = "videos", "Videos"
    VOTERS = "voters", "Voter profiles"
    POLITICIANS = "politicians", "Politician profiles"
    QUOTES = "quotes", "Quotes"


class FrontPageItem(models.Model):
    """One story placed on one language's front page, in a rail, in order."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    rail = models.CharField(max_length=20, choices=Rail.choices)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="front_page_items"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["language", "rail", "position", "pk"]
        verbose_name = "front-page story"
        constraints = [
            models.UniqueConstraint(
                fields=["language", "rail", "article"],
                name="frontpage_item_unique_in_rail",
                violation_error_message="This story is already in this rail.",
            )
        ]

    def __str__(self):
        return (
            f"{self.get_language_display()} · {self.get_rail_display()}: {self.article}"
        )


class Series(models.Model):
    """Stories told in parts (the three-part Hun Sen interview), in order."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, allow_unicode=True, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the navigation and footer."
    )
    in_navigation = models.BooleanField("in the navigation", default=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "series"

    def __str__(self):
        return localized(self, "title", DEFAULT_LANGUAGE, fallback=True) or self.slug

    def get_absolute_url(self, language=None):
        with override(language or current_language()):
            return reverse("frontpage:series", kwargs={"slug": self.slug})


class SeriesPart(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="parts")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="series_parts"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "article"],
                name="series_part_unique_story",
                violation_error_message="This story is already part of the series.",
            )
        ]

    def __str__(self):
        return f"{self.series} #{self.position}: {self.article}"


class CreditsBlock(models.Model):
    """A block of the project's credits page (who reported, filmed, edited…).

    The archive showed its credits posts in every page's footer; here they are
    one evergreen page, linked from the footer: no date, never in feeds or
    sitemaps. A block shows in the languages its text is written in.
    """

    slug = models.SlugField(max_length=100, allow_unicode=True, unique=True)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True, help_text="Markdown: one line per role.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "credits block"

    def __str__(self):
        return localized(self, "title", DEFAULT_LANGUAGE, fallback=True) or self.slug

    def get_absolute_url(self, language=None):
        with override(language or current_language()):
            return f"{reverse('frontpage:credits')}#credits-{self.slug}"

    def is_public_in(self, language):
        return bool(localized(self, "body", language))
