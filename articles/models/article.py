"""The story: one record holding its English and Khmer versions."""

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from taggit.managers import TaggableManager

from articles import panels, youtube
from articles.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    current_language,
    field_name,
    language_name,
    localized,
)
from articles.rendering import render_markdown
from media_assets.models import KeptPrefetchMixin, rendition_prefetch


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    READY = "ready", "Ready"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Layout(models.TextChoices):
    """How a story's page is laid out; the values are the archive's layout names."""

    POST_CENTERED = "post-centered", "Centered post"
    POST_MAIN = "post-main", "Main post"
    POST_PROFILE = "post-profile", "Profile"
    POST_VIDEO = "post-video", "Video"
    BIOGRAPHY = "biography", "Biography (portrait header, no date)"
    PARTY = "party", "Party (logo beside the text, no date)"
    QUOTE = "quote", "Quote (no date)"
    REFERENCE = "reference", "Reference (no date)"
    TIMELINE = "timeline", "Timeline"
    DATA = "post-data", "Data or map story"
    # Live coverage: timestamped entries (the live app) under the story.
    LIVE = "live", "Live coverage"


# Evergreen pages: their archive dates are placeholders, never shown.
EVERGREEN_LAYOUTS = frozenset(
    {Layout.BIOGRAPHY, Layout.PARTY, Layout.QUOTE, Layout.REFERENCE}
)


class ArticleQuerySet(models.QuerySet):
    def published(self, language, now=None):
        """The one definition of what the public and partners may see in `language`."""
        now = now or timezone.now()
        return self.filter(
            **{
                field_name("status", language): Status.PUBLISHED,
                f"{field_name('published_at', language)}__lte": now,
            }
        )

    def for_page(self):
        """All an article page or feed item shows, in a fixed number of queries.

        The apps above articles add what their page panels read (panels.py).
        """
        return self.select_related("section", "profile").prefetch_related(
            models.Prefetch(
                "bylines", queryset=Byline.objects.select_related("author")
            ),
            models.Prefetch(
                "placements",
                queryset=PhotoPlacement.objects.select_related(
                    "photo"
                ).prefetch_related(rendition_prefetch("photo__renditions")),
            ),
            "pullquotes",
            "tags",
            *panels.prefetches(),
        )


YOUTUBE_ID = RegexValidator(
    youtube.ID_PATTERN,
    "A YouTube video id is the 11 characters after 'v=' in the video's address.",
)


def coordinate_field(name, limit):
    """A nullable decimal degree, refused in plain words outside ±limit."""
    message = f"{name} must be between -{limit} and {limit} degrees."
    return models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-limit, message),
            MaxValueValidator(limit, message),
        ],
    )


class Article(KeptPrefetchMixin, models.Model):
    title = models.CharField(max_length=300, blank=True)
    slug = models.SlugField(
        max_length=200,
        allow_unicode=True,
        blank=True,
        help_text="Part of the address. Left empty, it is made from the title; "
        "it does not change when the title is edited later.",
    )
    section = models.ForeignKey(
        "articles.Section", on_delete=models.PROTECT, related_name="articles"
    )
    layout = models.CharField(
        max_length=20, choices=Layout.choices, default=Layout.POST_CENTERED
    )
    summary = models.TextField(blank=True)
    body = models.TextField(
        blank=True,
        help_text="Markdown. Place photos with [[photo N]], pullquotes with "
        '[[pullquote N]], videos with [[video youtube=ID caption="…"]], the '
        "dateline with [[dateline]] (it opens the first paragraph otherwise) and "
        "side notes between [[annotation id=name]] and [[/annotation]].",
    )
    body_html = models.TextField(blank=True, editable=False)
    dateline = models.CharField(max_length=100, blank=True)
    location_name = models.CharField("location", max_length=200, blank=True)
    map_pin = models.CharField("map pin label", max_length=200, blank=True)
    latitude = coordinate_field("Latitude", 90)
    longitude = coordinate_field("Longitude", 180)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Left empty, it is set when the language is published.",
    )
    editors_note = models.TextField("editor's note", blank=True)
    youtube_id = models.CharField(
        "YouTube video id", max_length=11, blank=True, validators=[YOUTUBE_ID]
    )
    credit_lines = models.TextField(
        "credits",
        blank=True,
        help_text="One per line, shown under the story and sent to partners: "
        "who shot the video, where the story first appeared…",
    )
    # For the front page (the archive's title-homepage, lede, ledeVideo keys).
    homepage_title = models.CharField(
        "front page headline",
        max_length=300,
        blank=True,
        help_text="Shown on the front page instead of the title.",
    )
    homepage_lede = models.BooleanField(
        "front page lede", default=False, help_text="Lead the front page with it."
    )
    homepage_lede_video = models.BooleanField(
        "front page lede video",
        default=False,
        help_text="Its video leads the front page's video slot.",
    )
    tags = TaggableManager(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)
    # Optimistic concurrency: workflow saves check it in the UPDATE's WHERE.
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "slug"],
                name="article_unique_slug_in_section",
                violation_error_message="Another story in this section already "
                "uses this slug. Choose a different one.",
            ),
        ]
        # Feeds page newest-first per language and sync on changes: keyset
        # pagination walks these indexes instead of sorting the table. The
        # sync order's key is when a version last changed for partners,
        # max(updated_at, published_at) (syndication.pagination).
        indexes = [
            *(
                models.Index(
                    fields=[field_name("published_at", code), "id"],
                    name=f"article_published_{code}_idx",
                )
                for code in LANGUAGE_CODES
            ),
            # Section pages and related stories (newest of a section), the
            # newest story of a layout (the navigation's live coverage link).
            *(
                models.Index(
                    fields=[field, field_name("published_at", code), "id"],
                    name=f"article_{field.removesuffix('_id')}_{code}_idx",
                )
                for code in LANGUAGE_CODES
                for field in ("section_id", "layout")
            ),
            *(
                models.Index(
                    Greatest("updated_at", field_name("published_at", code)),
                    "id",
                    name=f"article_modified_{code}_idx",
                )
                for code in LANGUAGE_CODES
            ),
            models.Index(fields=["updated_at", "id"], name="article_updated_idx"),
        ]

    def __str__(self):
        title = localized(self, "title", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES)
        return title or self.slug or f"Story {self.pk}"

    def save(self, *args, **kwargs):
        # body_html is derived data: a cache of the Markdown, kept with its source.
        # A partial save (a workflow transition) that leaves the body alone skips it.
        update_fields = kwargs.get("update_fields")
        for language in LANGUAGE_CODES:
            body = field_name("body", language)
            if update_fields is not None and body not in update_fields:
                continue
            setattr(
                self,
                field_name("body_html", language),
                render_markdown(localized(self, "body", language)),
            )
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    field_name("body_html", language),
                }
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or current_language()
        if language not in LANGUAGE_CODES:
            language = DEFAULT_LANGUAGE
        with override(language):
            return reverse(
                "articles:detail",
                kwargs={
                    "section_slug": self.section.url_slug(language),
                    "slug": self.slug,
                },
            )

    def clean(self):
        errors = {}
        for language in LANGUAGE_CODES:
            latitude = getattr(self, field_name("latitude", language))
            longitude = getattr(self, field_name("longitude", language))
            if (latitude is None) != (longitude is None):
                errors[field_name("longitude", language)] = (
                    "Give both latitude and longitude, or neither."
                )
        for language in LANGUAGE_CODES:
            if localized(self, "status", language) != Status.PUBLISHED:
                continue
            for required in self.missing_for_publication(language):
                name = field_name(required, language)
                errors.setdefault(name, []).append(
                    f"The {language_name(language)} {required} is empty, so the "
                    f"{language_name(language)} version cannot be published."
                )
        if not localized(self, "title", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES):
            errors[field_name("title", DEFAULT_LANGUAGE)] = (
                "Give the story a title in at least one language."
            )
        if errors:
            raise ValidationError(errors)

    # --- per-language state ------------------------------------------------

    REQUIRED_TO_PUBLISH = ("title", "body")

    # --- per-language media --------------------------------------------------
    # A language version may have its own video and place; left empty, the
    # first other language that has one stands in (a story's video or place is
    # rarely wrong in the other language, and an empty Khmer field means "not
    # set", never "none").

    def credit_lines_in(self, language):
        """The credits block's lines in `language` (its own only)."""
        lines = (localized(self, "credit_lines", language) or "").splitlines()
        return [line.strip() for line in lines if line.strip()]

    def video_in(self, language):
        """The YouTube id `language` shows."""
        return localized(self, "youtube_id", language, fallback=LANGUAGE_CODES)

    def place_in(self, language):
        """(location name, latitude, longitude) `language` shows.

        The point is taken as a pair from the first language that has one.
        """
        name = localized(self, "location_name", language, fallback=LANGUAGE_CODES)
        for code in dict.fromkeys((language, *LANGUAGE_CODES)):
            latitude = getattr(self, field_name("latitude", code))
            if latitude is not None:
                return name, latitude, getattr(self, field_name("longitude", code))
        return name, None, None

    def missing_for_publication(self, language):
        """The fields `language` still needs before it may be published."""
        return [
            name
            for name in self.REQUIRED_TO_PUBLISH
            if not (localized(self, name, language) or "").strip()
        ]

    def is_published_in(self, language, now=None):
        now = now or timezone.now()
        published_at = localized(self, "published_at", language)
        return (
            localized(self, "status", language) == Status.PUBLISHED
            and published_at is not None
            and published_at <= now
        )

    def published_languages(self, now=None):
        return [code for code in LANGUAGE_CODES if self.is_published_in(code, now)]


# Imported late: placements and bylines reference Article by string, and
# for_page() needs the classes.
from .author import Byline  # noqa: E402
from .placements import PhotoPlacement  # noqa: E402
