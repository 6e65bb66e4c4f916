"""Links to other archive stories, rewritten to the imported stories' new URLs.

Rewritten in the stored Markdown (not at render time) so they survive edits
and export. Targets are the posts of this run (URLs are known before anything
is saved: slug and section come from the file) and stories imported earlier.
"""

import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import override

from articles.models import ImportedPost

from .frontmatter import FOLDERS

LINK = re.compile(r"(?P<lead>\]\(\s*|href=[\"'])(?P<url>[^)\"'\s]+)")
_ARCHIVE_PATH = re.compile(
    r"^(?P<path>/(?:"
    + "|".join(FOLDERS.values())
    + r")/[^#?]+\.html)(?P<rest>[#?].*)?$"
)


def story_url(language, section_slug, slug):
    with override(language):
        return reverse(
            "articles:detail", kwargs={"section_slug": section_slug, "slug": slug}
        )


@dataclass
class LinkMap:
    base_urls: tuple = ()
    targets: dict = field(default_factory=dict)  # legacy path -> new URL

    def add_group(self, group, section_slug, slug):
        for language, post in group.items():
            self.targets[post.legacy_path] = story_url(language, section_slug, slug)

    def add_handed_over(self, group):
        """Posts an import handler takes over: links keep their old address,
        which answers 301 to wherever the handler put them."""
        for post in group.values():
            self.targets[post.legacy_path] = post.legacy_path

    def _archive_path(self, url):
        for base in self.base_urls:
            if url.startswith(base + "/"):
                url = url[len(base) :]
                break
        else:
            if "://" in url:
                return None, None
        match = _ARCHIVE_PATH.match(url)
        if not match:
            return None, None
        return match.group("path"), match.group("rest") or ""

    def resolve(self, path):
        if path in self.targets:
            return self.targets[path]
        imported = (
            ImportedPost.objects.filter(legacy_path=path)
            .select_related("article__section")
            .first()
        )
        if imported is None:
            return None
        if imported.article is None:
            url = imported.redirect_to or None
        else:
            url = imported.article.get_absolute_url(imported.language)
        self.targets[path] = url
        return url

    def rewrite(self, text, on_rewrite, on_missing):
        def replace(match):
            path, rest = self._archive_path(match.group("url"))
            if path is None:
                return match.group(0)
            new = self.resolve(path)
            if new is None:
                on_missing(match.group("url"))
                return match.group(0)
            on_rewrite()
            return match.group("lead") + new + rest

        return LINK.sub(replace, text)
