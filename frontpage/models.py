"""What editors curate for readers: each language's front page, and series."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from articles.languages import DEFAULT_LANGUAGE, current_language, localized
from frontpage.navigation_pages import Place, page_choices


class Rail(models.TextChoices):
    """The places of the front page, top to bottom."""

    LEAD = "lead", "Lead story or video"
    TOP = "top", "Top stories"
    SPOTLIGHT = "spotlight", "Spotlight"
    VIDEOS = "videos", "Videos"
    VOTERS = "voters", "Voter profiles"
    POLITICIANS = "politicians", "Politician profiles"
    QUOTES = "quotes", "Quotes"


class FrontPageItemQuerySet(models.QuerySet):
    def showing(self, now=None):
        """Items whose schedule includes `now` (no times: always)."""
        now = now or timezone.now()
        return self.filter(
            Q(show_from__isnull=True) | Q(show_from__lte=now),
            Q(show_until__isnull=True) | Q(show_until__gt=now),
        )


class FrontPageItem(models.Model):
    """One story placed on one language's front page, in a rail, in order.

    An item may be scheduled: it shows from `show_from` and until `show_until`
    (either may be empty), so a new lead can take over at 20:00.
    """

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    rail = models.CharField(max_length=20, choices=Rail.choices)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="front_page_items"
    )
    position = models.PositiveSmallIntegerField(default=0)
    show_from = models.DateTimeField(
        "show from",
        null=True,
        blank=True,
        help_text="Empty: at once. The front page changes at this time by itself.",
    )
    show_until = models.DateTimeField(
        "show until",
        null=True,
        blank=True,
        help_text="Empty: until you remove it.",
    )

    objects = FrontPageItemQuerySet.as_manager()

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

    def clean(self):
        super().clean()
        if self.show_from and self.show_until and self.show_until <= self.show_from:
            raise ValidationError(
                {
                    "show_until": "The story would never show: make “show until” "
                    "later than “show from”, or leave one of them empty."
                }
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


class NavigationLink(models.Model):
    """Where a page that is no section (people, results…) is linked, in order.

    One row per page registered in frontpage.navigation_pages, made on
    migrate; the link appears only while its page has something to show in
    the page's language.
    """

    page = models.CharField(max_length=40, unique=True, choices=page_choices)
    place = models.CharField(max_length=20, choices=Place.CHOICES, default=Place.FOOTER)
    position = models.PositiveSmallIntegerField(
        default=100, help_text="Order among the sections and series."
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "navigation link"

    def __str__(self):
        return self.get_page_display()


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
