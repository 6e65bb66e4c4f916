"""Reading the site: posts, their legacy paths and who translates whom.

A translation link on either side pairs two posts (the archive has one-way and
mistyped links); a post with no usable link pairs with the post of the same
slug in the other language folder (file names differ in their date prefix).
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from articles.languages import DEFAULT_LANGUAGE
from articles.slugs import slugify_unicode

from . import frontmatter as fm
from .body import parse_body
from .errors import PostError, SiteError
from .limits import read_capped


@dataclass
class Post:
    path: Path  # absolute
    source_path: str  # relative to the site: english/_posts/x.md
    language: str  # en / km
    slug: str
    file_date: object
    digest: str
    data: dict
    body: str
    segments: list = field(default_factory=list)
    file_title: str = ""  # the name as the file has it (Jekyll's :title)

    @property
    def categories(self):
        return fm.text(self.data.get("categories")).split()

    @property
    def section_slug(self):
        cats = self.categories
        return slugify_unicode(cats[-1]) if cats else "archive"

    @property
    def legacy_path(self):
        """Jekyll's /:categories/:title.html, language folder first."""
        title = self.file_title or self.slug
        parts = [fm.FOLDERS[self.language], *self.categories, f"{title}.html"]
        return "/" + "/".join(parts)

    @property
    def translation_link(self):
        return fm.text(self.data.get("translation")).strip()


def post_files(site_dir):
    site_dir = Path(site_dir)
    folders = [site_dir / folder / "_posts" for folder in fm.LANGUAGES]
    if not any(folder.is_dir() for folder in folders):
        raise SiteError(
            f"{site_dir} has neither english/_posts nor khmer/_posts; "
            "give the folder that holds the Jekyll site."
        )
    for folder in folders:
        if folder.is_dir():
            yield from sorted(p for p in folder.glob("*.md") if p.is_file())
            yield from sorted(p for p in folder.glob("*.markdown") if p.is_file())


def read_post(site_dir, path):
    """Read and parse one post; PostError names the file and the reason."""
    relative = path.relative_to(site_dir).as_posix()
    try:
        raw = read_capped(path, relative)
        text = raw.decode("utf-8-sig")  # a byte order mark, as Jekyll ignores it
    except UnicodeDecodeError as error:
        raise PostError(relative, "the file is not UTF-8 text") from error
    except OSError as error:
        raise PostError(
            relative, f"the file cannot be read ({error.strerror})"
        ) from error
    front = fm.split_post(relative, text)
    language = fm.LANGUAGES[path.parent.parent.name]
    if not fm.text(front.data.get("title")).strip():
        raise PostError(relative, "the post has no title")
    slug, file_date = fm.file_slug_and_date(path.name)
    return Post(
        path=path,
        source_path=relative,
        language=language,
        slug=slugify_unicode(slug) or slug,
        file_date=file_date,
        digest=hashlib.sha256(raw).hexdigest(),
        data=front.data,
        body=front.body,
        segments=parse_body(front.body),
        file_title=slug,
    )


def _link_path(link):
    """A translation link as a legacy path: scheme, host and base folder dropped."""
    for folder in fm.LANGUAGES:
        marker = f"/{folder}/"
        if marker in link:
            path = marker + link.split(marker, 1)[1]
            return path.split("#")[0].split("?")[0]
    return ""


def pair_posts(posts, report):
    """Posts -> groups {language: Post} (one article each), in a stable order."""
    by_legacy = {post.legacy_path: post for post in posts}
    by_slug = {(post.language, post.slug): post for post in posts}
    partner = {}
    for post in posts:
        link = post.translation_link
        if not link:
            continue
        other = by_legacy.get(_link_path(link))
        if other is None or other.language == post.language:
            report.warn(
                post.source_path,
                f"translation link {link!r} matches no post; pairing by slug instead",
            )
            continue
        # Pair both ways or not at all: a post is in one story only.
        taken = partner.get(id(other)) not in (None, post) or partner.get(
            id(post)
        ) not in (None, other)
        if taken:
            report.warn(
                post.source_path,
                f"translation link to {other.source_path} ignored: one of the two "
                "is already paired with another post",
            )
            continue
        partner[id(post)], partner[id(other)] = other, post
    for post in posts:
        if id(post) in partner:
            continue
        for language in fm.FOLDERS:
            other = by_slug.get((language, post.slug))
            if (
                other is not None
                and language != post.language
                and id(other) not in partner
            ):
                partner[id(post)], partner[id(other)] = other, post
    groups, done = [], set()
    for post in posts:
        if id(post) in done:
            continue
        group = {post.language: post}
        other = partner.get(id(post))
        if other is not None:
            group[other.language] = other
            done.add(id(other))
        done.add(id(post))
        groups.append(group)
    return groups


def primary_post(group):
    """The post a story's address and section come from: the default language's."""
    return group.get(DEFAULT_LANGUAGE) or next(iter(group.values()))
