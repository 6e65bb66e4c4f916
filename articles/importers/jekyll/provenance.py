"""What a story keeps of its posts, so the export can write them back verbatim.

Presentation options (thumbnail, tagline…) and values that could not be
applied are kept per language in ImportedPost.options; disabled and unknown
keys (creditX, youtubeOLD…) in ImportedPost.raw_metadata.
"""

from articles.models import ImportedPost

from . import frontmatter as fm
from .errors import PostError


class Provenance:
    def __init__(self, group):
        self.group = group
        self.options = {language: {} for language in group}
        self.raw = {language: {} for language in group}

    def keep(self, language, post, key):
        """Keep the front matter value of `key` that was not applied."""
        self.options[language][key] = post.data[key]

    def sort_keys(self, language, post, report):
        """Options are kept; disabled and unknown keys kept raw and counted."""
        for key, value in post.data.items():
            kind = fm.classify_key(key)
            if kind == "option":
                self.options[language][key] = value
            elif kind in ("disabled", "unknown"):
                self.raw[language][key] = value
                report.unknown_keys[key] += 1

    def require_every_translation(self, article, primary):
        """A re-import without one of its posts would renumber that body's photos."""
        row = article.imported_posts.exclude(language__in=list(self.group)).first()
        if row is not None:
            raise PostError(
                primary.source_path,
                f"its translation {row.source_path} was not read this time; "
                "the story was left as it was",
            )

    def record(self, article):
        """One ImportedPost per post: its paths, digest and what it kept."""
        for language, post in self.group.items():
            ImportedPost.objects.update_or_create(
                language=language,
                source_path=post.source_path,
                defaults={
                    "article": article,
                    "legacy_path": post.legacy_path,
                    "categories": " ".join(post.categories),
                    "digest": post.digest,
                    "options": self.options[language],
                    "raw_metadata": self.raw[language],
                    "article_version": article.version,
                },
            )
