from django.db import models

from articles.languages import DEFAULT_LANGUAGE, localized


class Section(models.Model):
    """A desk category (feature, mainbar, profile…): the second part of a story URL."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        help_text="Used in story URLs; the Khmer slug falls back to the English one.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug_en"],
                name="section_unique_slug_en",
                violation_error_message="Another section already uses this slug.",
            ),
        ]

    def __str__(self):
        return self.name or localized(self, "slug", DEFAULT_LANGUAGE)

    def url_slug(self, language):
        return localized(self, "slug", language, fallback=True)
