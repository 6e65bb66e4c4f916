"""A story's photos: front matter keys and photo includes -> library photos, placed.

Which key or include makes which kind of placement, and what happens to a
second, different photo of a kind the story shows once, are the tables
below. Languages share placements: the Khmer body's [[photo 3]] is the
English one's placement when it shows the same photo; a Khmer hero or window
photo that differs is the Khmer version's own (PhotoPlacement.language).
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError

from articles.languages import field_name, localized
from articles.models import PhotoPlacement
from articles.presentation import placement_of_kind

from . import frontmatter as fm
from .body import Include
from .errors import PostError
from .images import MissingImage

Kind = PhotoPlacement.Kind


@dataclass(frozen=True)
class FrontPhoto:
    """A front matter photo; one of each per story."""

    kind: str
    describes: bool = False  # the post's cutline, credit and alt describe it
    quiet: bool = False  # a second, different one is kept for export unannounced


@dataclass(frozen=True)
class PhotoInclude:
    """A photo include in a body and the shortcode it becomes."""

    kind: str
    shortcode: str = "photo"
    captioned: bool = True  # a mugshot's name and cutline stay in its shortcode
    front_key: str = ""  # with no file: the story's photo from this front matter key
    overflow: str = ""  # the kind a second, different photo of a single kind takes


FRONT_PHOTOS = {
    "image": FrontPhoto(Kind.HERO, describes=True),
    "window_image": FrontPhoto(Kind.WINDOW),
    "mugshot": FrontPhoto(Kind.MUGSHOT, quiet=True),
}
PHOTO_INCLUDES = {
    "photo.html": PhotoInclude(Kind.INLINE),
    "photo-large.html": PhotoInclude(Kind.LARGE),
    "photo-half-column.html": PhotoInclude(Kind.HALF),
    "window.html": PhotoInclude(
        Kind.WINDOW, front_key="window_image", overflow=Kind.LARGE
    ),
    "mugshot.html": PhotoInclude(Kind.MUGSHOT, shortcode="mugshot", captioned=False),
}
# Include arguments that describe the photo rather than its place in the body.
PHOTO_ARGS = ("file", "caption", "credit", "alt")


def image_refs(post):
    """Every image reference the post's front matter and includes name."""
    refs = [fm.image_ref(post.data[key])[0] for key in FRONT_PHOTOS if key in post.data]
    refs += [
        fm.image_ref(segment.arg("file"))[0]
        for segment in post.segments
        if isinstance(segment, Include) and segment.name in PHOTO_INCLUDES
    ]
    return [ref for ref in refs if ref]


def describe(photo, language, caption="", credit="", alt=""):
    """First use fills the library record; later uses never overwrite it."""
    changed = []
    if caption and not localized(photo, "cutline", language):
        changed.append(field_name("cutline", language))
        setattr(photo, changed[-1], caption)
    if alt and not localized(photo, "alt_text", language):
        changed.append(field_name("alt_text", language))
        setattr(photo, changed[-1], alt)
    if credit and not (photo.credit or photo.source):
        photo.credit, photo.source = fm.credit(credit)
        changed += ["credit", "source"]
    if changed:
        photo.save(update_fields=changed)


class StoryPhotos:
    """The placements of one story, shared by its languages while it is built.

    `new(photo=, kind=, position=, language=)` makes an unsaved placement: a
    story's PhotoPlacement by default; an upper app's handler passes its own
    (people's biography and party photos, ImportTools.entry_photos).
    """

    def __init__(self, article, images, report, new=None):
        self.article = article
        self.images = images
        self.report = report
        self.new = new or partial(PhotoPlacement, article=article)
        self.placements = []
        self.claimed = {}  # language -> pks of the placements its body shows

    def placed(self, kind, language=""):
        """The placement of `kind` that `language` shows (its own, else the shared)."""
        return placement_of_kind(self.placements, kind, language)

    def photo(self, post, ref):
        """A Photo for `ref`, or None with a warning when the file is missing."""
        try:
            return self.images.photo(ref, post.source_path, self.report)
        except MissingImage:
            self.report.warn(post.source_path, f"image {ref!r} is not under img/")
            return None
        except ValidationError as error:
            raise PostError(post.source_path, error.messages[0]) from error

    def place(self, language, kind, photo, caption):
        """The placement of `photo` as `kind` in `language`, shared when it can be.

        A hero or window photo that differs from the shared one becomes
        `language`'s own; None when `language` already shows another one.
        """
        claimed = self.claimed.setdefault(language, set())
        own_language = ""
        if kind in PhotoPlacement.SINGLE_KINDS:
            placement = self.placed(kind, language)
            if placement is not None and placement.photo_id != photo.pk:
                if placement.language or placement.pk in claimed:
                    return None
                placement, own_language = None, language
        else:
            placement = next(
                (
                    p
                    for p in self.placements
                    if p.kind == kind and p.photo_id == photo.pk and p.pk not in claimed
                ),
                None,
            )
        if placement is None:
            position = max((p.position for p in self.placements), default=0) + 1
            placement = self.new(
                photo=photo,
                kind=kind,
                position=position,
                language=own_language,
            )
            self.placements.append(placement)
        if caption:
            setattr(placement, field_name("caption", language), caption)
        placement.save()
        claimed.add(placement.pk)
        return placement

    def front(self, language, post, keep):
        """The front matter photos; `keep` keeps a key that could not be placed."""
        data = post.data
        for key, rule in FRONT_PHOTOS.items():
            if key not in data:
                continue
            ref, warning = fm.image_ref(data[key])
            if warning:
                self.report.warn(post.source_path, warning)
            photo = self.photo(post, ref) if ref else None
            if photo is None:
                keep(language, post, key)
                continue
            caption = fm.caption(data.get("cutline")) if rule.describes else ""
            if rule.describes:
                describe(
                    photo,
                    language,
                    caption,
                    fm.text(data.get("credit")),
                    fm.text(data.get("alt")).strip(),
                )
            if rule.quiet:
                existing = self.placed(rule.kind, language)
                if existing and existing.photo_id != photo.pk:
                    keep(language, post, key)
                    continue
            if self.place(language, rule.kind, photo, caption) is None:
                self.report.warn(
                    post.source_path,
                    f"{key} differs from the one this language already shows; "
                    "kept for export",
                )
                keep(language, post, key)

    def include(self, language, post, include):
        """The placement a photo include shows, or None (warned) when it has none."""
        rule = PHOTO_INCLUDES[include.name]
        ref, warning = fm.image_ref(include.arg("file"))
        if warning:
            self.report.warn(post.source_path, warning)
        if ref:
            photo = self.photo(post, ref)
        elif rule.front_key:
            front = self.placed(rule.kind, language)
            photo = front.photo if front else None
            if photo is None:
                self.report.warn(
                    post.source_path, f"{include.name} but no {rule.front_key}"
                )
        else:
            self.report.warn(post.source_path, f"{include.name} without a file; kept")
            photo = None
        if photo is None:
            return None
        caption = ""
        if rule.captioned:
            caption = fm.caption(include.arg("caption") or include.arg("cutline"))
        describe(
            photo, language, caption, include.arg("credit"), include.arg("alt").strip()
        )
        placement = self.place(language, rule.kind, photo, caption)
        if placement is None and rule.overflow:
            placement = self.place(language, rule.overflow, photo, caption)
        return placement
