from django.db import models
from django.urls import reverse
from django.utils.translation import override


class Author(models.Model):
    """A person credited on stories, the same record in every language."""

    display_name = models.CharField(max_length=200)
    sort_name = models.CharField(
        max_length=200,
        unique=True,
        help_text='Family name first, as in the archive: "Narin, Sun".',
        error_messages={"unique": "An author with this sort name already exists."},
    )
    slug = models.SlugField(max_length=200, allow_unicode=True, unique=True)
    role = models.CharField(
        max_length=200, blank=True, help_text='Their job at the desk, e.g. "Reporter".'
    )
    bio = models.TextField(blank=True, help_text="A few sentences on the author page.")
    photo = models.ForeignKey(
        "media_assets.Photo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The portrait on the author page.",
    )

    class Meta:
        ordering = ["sort_name"]

    def __str__(self):
        return self.display_name or self.sort_name

    def get_absolute_url(self, language="en"):
        with override(language):
            return reverse("articles:author", kwargs={"slug": self.slug})


class Byline(models.Model):
    """An author's credit on one story, in order, with the job they did."""

    class Role(models.TextChoices):
        REPORTER = "reporter", "Reporter"
        PHOTOGRAPHER = "photographer", "Photographer"
        VIDEOGRAPHER = "videographer", "Videographer"
        TRANSLATOR = "translator", "Translator"
        PRODUCER = "producer", "Producer"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REPORTER)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author", "role"],
                name="byline_unique_author_role",
                violation_error_message="This author is already credited in this role.",
            )
        ]

    def __str__(self):
        return f"{self.author} ({self.get_role_display()})"
