"""The importer's seam for upper apps: archive posts and files that become no story.

articles sits below the apps that own people, parties, the timeline and quote
cards, so it cannot import them; they register handlers here from their
AppConfig.ready() (people/importers.py). The importer looks handlers up by
the post's last category, or its layout.

- A post handler takes over a translation group (one or two posts) instead of
  making an Article. It runs inside the group's own transaction (a failure
  leaves nothing of it, like a story's) and returns {language: address}: the
  page each post's legacy URL answers 301 to (ImportedPost.redirect_to).
- A site handler reads files of the site (the timeline includes) once per run,
  after the posts, in its own transaction.
- A story handler runs after a story is built, in the story's transaction,
  with the built Article and its posts: what an upper app keeps of a story
  (people's quote cards from the photo quotations).

Handlers get an ImportTools: photos through the importer's image library,
the post body as Markdown, and the story report for warnings and counts.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .body import Attributed, Include
from .errors import PostError
from .images import MissingImage
from .includes import include_line
from .placements import StoryPhotos


@dataclass(frozen=True)
class PostHandler:
    name: str  # counted under this name in the report
    handle: Callable  # (group {language: Post}, ImportTools) -> {language: url}
    categories: tuple = ()  # the post's last category
    layouts: tuple = ()


@dataclass(frozen=True)
class SiteHandler:
    name: str
    handle: Callable  # (site_dir, ImportTools) -> None


@dataclass(frozen=True)
class StoryHandler:
    name: str
    handle: Callable  # (article, group {language: Post}, ImportTools) -> None


_post_handlers = {}
_site_handlers = {}
_story_handlers = {}


def register_post(handler):
    _post_handlers[handler.name] = handler


def register_site(handler):
    _site_handlers[handler.name] = handler


def register_story(handler):
    _story_handlers[handler.name] = handler


def story_handlers():
    return list(_story_handlers.values())


def post_handler_for(post):
    """The handler that takes over `post`, or None: it becomes a story."""
    category = post.categories[-1] if post.categories else ""
    layout = str(post.data.get("layout") or "").strip()
    for handler in _post_handlers.values():
        if category in handler.categories or layout in handler.layouts:
            return handler
    return None


def site_handlers():
    return list(_site_handlers.values())


class ImportTools:
    """What a handler may use of the import run, for one group or site file."""

    def __init__(self, site_dir, images, links, report):
        self.site_dir = site_dir
        self.images = images
        self.links = links
        self.report = report

    def warn(self, path, message):
        self.report.warn(path, message)

    def count(self, what, number=1):
        self.report.handed_over[what] += number

    def photo(self, post, ref):
        """The library Photo for an image reference (reused when imported once)."""
        return self.photo_at(post.source_path, ref)

    def photo_at(self, path, ref):
        """photo() for a reference in any file of the site (`path`, for messages)."""
        if not ref:
            return None
        try:
            return self.images.photo(ref, path, self.report)
        except MissingImage:
            self.warn(path, f"image {ref!r} is not under img/")
            return None
        except ValidationError as error:
            raise PostError(path, error.messages[0]) from error

    def entry_photos(self, new):
        """Placements for an upper app's record, shared by its languages:
        `new(photo=, kind=, position=, language=)` makes an unsaved one."""
        return StoryPhotos(None, self.images, self.report, new=new)

    def markdown(self, post, photos=None):
        """The post's body as Markdown: links to archive stories rewritten,
        kramdown attribute lines unwrapped. Includes become shortcodes as in a
        story (photos placed through `photos`, from entry_photos()); without
        `photos` they are dropped (warned)."""
        parts = []
        for segment in post.segments:
            if isinstance(segment, Include):
                if photos is not None:
                    body = _EntryBody(photos, self.report)
                    parts.append(include_line(body, post.language, post, segment))
                else:
                    self.warn(post.source_path, f"{segment.name} dropped from the body")
                continue
            text = segment.content if isinstance(segment, Attributed) else segment
            parts.append(
                self.links.rewrite(text, lambda: None, lambda url: None).strip()
            )
        return "\n\n".join(part for part in parts if part)


@dataclass(frozen=True)
class _EntryBody:
    """What includes.include_line() reads of a body being built."""

    photos: StoryPhotos
    report: object
