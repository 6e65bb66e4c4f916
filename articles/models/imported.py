"""Where an imported story came from: one row per language version of an archive post.

Kept apart from Article so that stories written in the CMS carry no archive
baggage. The row is the importer's idempotency key (language + source path),
the legacy URL that keeps answering with a redirect, and the home of front
matter that has no column: presentation options and disabled/unknown keys.
"""

from django.db import models


class ImportedPost(models.Model):
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="imported_posts",
        null=True,
        blank=True,
        help_text="Empty for a post an upper app's import handler took over "
        "(a biography, a party, a quote): it became no story.",
    )
    language = models.CharField(max_length=10)
    source_path = models.CharField(
        max_length=300,
        help_text="Path of the post in the archive, e.g. "
        "english/_posts/2018-07-20-government-leans-on-civil-servants.md.",
    )
    legacy_path = models.CharField(
        max_length=300,
        unique=True,
        help_text="The post's old address, e.g. /english/feature/x.html; "
        "it redirects to the story.",
    )
    redirect_to = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the legacy address of a post that became no story "
        "answers 301 to (e.g. /en/people/hun-sen/), as its import handler said.",
    )
    categories = models.CharField(max_length=200, blank=True)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the source file.")
    options = models.JSONField(
        default=dict,
        blank=True,
        help_text="Front matter kept for this language without a column of its "
        "own (title-homepage, hidePromos, values that differ from the other "
        "language…).",
    )
    raw_metadata = models.JSONField(
        default=dict,
        blank=True,
        help_text="Disabled (creditX, youtubeOLD…) and unknown front matter "
        "keys, verbatim and not applied.",
    )
    article_version = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The story's edit version when imported: a higher version now "
        "means an editor changed it in the CMS, and --update leaves it alone.",
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "source_path"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "source_path"],
                name="imported_post_unique_source",
            )
        ]

    def __str__(self):
        return self.legacy_path


class ImportedImage(models.Model):
    """An archive image reference (img/… path or remote URL) and the Photo it became.

    Makes the same image used twice, or imported twice, one Photo.
    """

    key = models.CharField(max_length=500, unique=True)
    photo = models.ForeignKey(
        "media_assets.Photo", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return self.key
