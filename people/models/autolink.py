"""Stories whose body shows no auto-links (people/autolinks.py)."""

from django.db import models


class AutoLinkOptOut(models.Model):
    """A story editors keep free of person and party links, in every language.

    One row per story; its presence is the setting. People-owned rather than a
    field on Article, so articles knows nothing of the context layer.
    """

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="story",
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "story without auto-links"
        verbose_name_plural = "stories without auto-links"

    def __str__(self):
        return f"No auto-links: {self.article}"
