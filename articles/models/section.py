from django.db import models
from django.urls import reverse
from django.utils.translation import override

from articles.languages import DEFAULT_LANGUAGE, current_language, localized


class Section(models.Model):
    """A desk category (feature, mainbar, profile…): the second part of a story URL."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        help_text="Used in story URLs; the Khmer slug falls back to the English one.",
    )
    description = models.TextField(
        blank=True, help_text="Shown under the section page's title."
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the navigation and footer."
    )
    in_navigation = models.BooleanField(
        "in the navigation",
        default=False,
        help_text="List this section in every page's navigation and footer.",
    )

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

    def get_absolute_url(self, language=None):
        language = language or current_language()
        with override(language):
            return reverse(
                "articles:section", kwargs={"section_slug": self.url_slug(language)}
            )

    def url_slug(self, language):
        return localized(self, "slug", language, fallback=True)
