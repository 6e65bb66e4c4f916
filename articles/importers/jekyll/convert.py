"""One article from one or two posts: fields, photos, bylines, body shortcodes.

Called inside the importer's transaction for the group. Language versions
share the story's placements and pullquotes: the Khmer body's [[photo 3]] is
the same placement as the English one when it shows the same photo, and the
k-th pullquote of each language is pullquote k.
"""

import html
import re
from dataclasses import dataclass, field

import nh3
from django.core.exceptions import ValidationError

from articles.languages import field_name, localized
from articles.models import (
    Article,
    ImportedPost,
    Layout,
    PersonProfile,
    PhotoPlacement,
    Pullquote,
    Section,
    Status,
)
from articles.states import set_state
from articles.youtube import video_id

from . import frontmatter as fm
from . import people
from .body import DATELINE, Attributed, Include, format_attribute
from .errors import PostError
from .images import MissingImage
from .shortcodes import BodyBuilder, closing, shortcode

Kind = PhotoPlacement.Kind
PHOTO_INCLUDES = {
    "photo.html": Kind.INLINE,
    "photo-large.html": Kind.LARGE,
    "photo-half-column.html": Kind.HALF,
}
VIDEO_INCLUDES = {"video.html": "", "video-large.html": "large"}
MAP_INCLUDES = {"map.html": "", "map-trigger.html": "trigger"}
PHOTO_INCLUDE_NAMES = {*PHOTO_INCLUDES, "window.html", "mugshot.html"}
PHOTO_ARGS = ("file", "caption", "credit", "alt")
# Front matter photos: key -> placement kind. One of each per story.
FRONT_PHOTOS = (
    ("image", Kind.HERO),
    ("window_image", Kind.WINDOW),
    ("mugshot", Kind.MUGSHOT),
)
ALIGN = {"right", "left", "wide"}


def image_refs(post):
    """Every image reference the post's front matter and includes name."""
    refs = [
        fm.image_ref(post.data[key])[0] for key, _ in FRONT_PHOTOS if key in post.data
    ]
    refs += [
        fm.image_ref(segment.arg("file"))[0]
        for segment in post.segments
        if isinstance(segment, Include) and segment.name in PHOTO_INCLUDE_NAMES
    ]
    return [ref for ref in refs if ref]


def clean_caption(value):
    """Captions are plain text on the site: tags such as <em> are dropped."""
    value = fm.text(value)
    if "<" in value:
        value = html.unescape(nh3.clean(value, tags=set()))
    return value.strip()


@dataclass
class GroupState:
    """What the languages of one story share while it is being built."""

    article: Article
    placements: list = field(default_factory=list)
    pullquotes: dict = field(default_factory=dict)
    claimed: dict = field(default_factory=dict)  # language -> placement pks
    shared_from: dict = field(default_factory=dict)  # shared field -> language

    def next_position(self):
        return max((p.position for p in self.placements), default=0) + 1


class GroupConverter:
    def __init__(self, ctx, group):
        self.ctx = ctx
        self.group = group
        self.report = ctx.report
        self.options = {language: {} for language in group}
        self.raw = {language: {} for language in group}

    # --- entry point -----------------------------------------------------

    def convert(self, article):
        primary = self.group.get("en") or next(iter(self.group.values()))
        if article.pk:
            missing = article.imported_posts.exclude(language__in=list(self.group))
            row = missing.first()
            if row is not None:
                # Rebuilding without it would renumber the photos its body places.
                raise PostError(
                    primary.source_path,
                    f"its translation {row.source_path} was not read this time; "
                    "the story was left as it was",
                )
            self._clear(article)
        article.section = self._section(primary)
        if not article.slug:
            article.slug = primary.slug
        clash = Article.objects.filter(section=article.section, slug=article.slug)
        if article.pk:
            clash = clash.exclude(pk=article.pk)
        if clash.exists():
            raise PostError(
                primary.source_path,
                f"another story already uses the address {article.section.slug_en}/"
                f"{article.slug}/; rename one of the files",
            )
        state = GroupState(article)
        for language, post in self.group.items():
            self._fields(state, language, post)
        self._validate(article, primary)
        article.save()
        for language, post in self.group.items():
            self._front_photos(state, language, post)
        for language, post in self.group.items():
            setattr(
                article, field_name("body", language), self._body(state, language, post)
            )
        people.apply_bylines(article, self.group, self.ctx.names, self.report)
        people.apply_profile(article, self.group, self.report, self._keep)
        self._tags(article)
        article.save()
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
        return article

    def _clear(self, article):
        article.bylines.all().delete()
        article.placements.all().delete()
        article.pullquotes.all().delete()
        PersonProfile.objects.filter(article=article).delete()
        article.tags.clear()

    # --- fields ----------------------------------------------------------

    def _section(self, post):
        category = post.categories[-1] if post.categories else "archive"
        slug = post.section_slug
        section = Section.objects.filter(slug_en=slug).first()
        if section is None:
            config = self.ctx.config
            section = Section(
                slug_en=slug,
                name_en=config.section_name(category, "en")
                or category.replace("-", " ").title(),
                name_km=config.section_name(category, "km"),
            )
            section.save()
        return section

    def _keep(self, language, post, key):
        self.options[language][key] = post.data[key]

    def _share(self, state, language, post, key, name, value):
        """Set a story-wide field; a second language that differs keeps its own."""
        article = state.article
        first = state.shared_from.get(name)
        if first is None or first == language:
            setattr(article, name, value)
            state.shared_from[name] = language
        elif getattr(article, name) != value:
            self._keep(language, post, key)

    def _fields(self, state, language, post):
        article, data, path = state.article, post.data, post.source_path
        for key, value in data.items():
            kind = fm.classify_key(key)
            if kind == "option":
                self.options[language][key] = value
            elif kind in ("disabled", "unknown"):
                self.raw[language][key] = value
                self.report.unknown_keys[key] += 1

        def put(name, value):
            setattr(article, field_name(name, language), value)

        put("title", fm.text(data.get("title")).strip())
        put("summary", fm.text(data.get("summary")))
        put("dateline", fm.text(data.get("dateline")).strip())
        put("map_pin", fm.text(data.get("map_pin")).strip())
        put("editors_note", fm.text(data.get("note")).strip())
        when, warning = fm.publication_time(path, data.get("date"), post.file_date)
        if warning:
            self.report.warn(path, warning)
        status = fm.text(data.get("status")).strip().lower() or Status.PUBLISHED
        if status not in Status.values:
            self.report.warn(path, f"status {status!r} is unknown; published instead")
            self._keep(language, post, "status")
            status = Status.PUBLISHED
        set_state(article, language, status, when)  # a date to come: scheduled
        declared = fm.text(data.get("language")).strip()
        if declared and fm.LANGUAGES.get(declared) != language:
            self.report.warn(path, f"language {declared!r} does not match its folder")
            self._keep(language, post, "language")

        if "layout" in data:
            layout = fm.text(data["layout"]).strip()
            if layout in Layout.values:
                self._share(state, language, post, "layout", "layout", layout)
            else:
                self.report.warn(
                    path, f"layout {layout!r} is not one of the site's; kept for export"
                )
                self._keep(language, post, "layout")
        if "location" in data:
            location = fm.text(data["location"]).strip()
            self._share(state, language, post, "location", "location_name", location)
        if "coordinates" in data:
            lat, lon = fm.coordinates(path, data["coordinates"])
            first = state.shared_from.get("latitude")
            if first not in (None, language) and (lat, lon) != (
                article.latitude,
                article.longitude,
            ):
                self._keep(language, post, "coordinates")
            else:
                article.latitude, article.longitude = lat, lon
                state.shared_from["latitude"] = language
        if "youtube" in data:
            youtube = fm.text(data["youtube"]).strip()
            video = video_id(youtube)
            if video:
                self._share(state, language, post, "youtube", "youtube_id", video)
            else:
                self.report.warn(path, f"youtube {youtube!r} is not a video id; kept")
                self._keep(language, post, "youtube")

    def _validate(self, article, primary):
        try:
            article.clean_fields(exclude=["section", "slug"])
        except ValidationError as error:
            raise PostError(primary.source_path, " ".join(error.messages)) from error

    # --- photos ----------------------------------------------------------

    def _photo(self, language, post, ref):
        """A Photo for `ref`, or None with a warning when the file is missing."""
        try:
            return self.ctx.images.photo(ref, post.source_path)
        except MissingImage:
            self.report.warn(post.source_path, f"image {ref!r} is not under img/")
            return None
        except ValidationError as error:
            raise PostError(post.source_path, error.messages[0]) from error

    def _describe(self, photo, language, caption="", credit="", alt=""):
        """First use fills the library record; later uses never overwrite it."""
        changed = False
        if caption and not localized(photo, "cutline", language):
            setattr(photo, field_name("cutline", language), caption)
            changed = True
        if alt and not localized(photo, "alt_text", language):
            setattr(photo, field_name("alt_text", language), alt)
            changed = True
        if credit and not (photo.credit or photo.source):
            photo.credit, photo.source = fm.credit(credit)
            changed = True
        if changed:
            photo.save()

    def _place(self, state, language, kind, photo, caption):
        single = kind in PhotoPlacement.SINGLE_KINDS
        claimed = state.claimed.setdefault(language, set())
        for placement in state.placements:
            if placement.kind != kind:
                continue
            if single and placement.photo_id != photo.pk:
                return None
            if placement.photo_id == photo.pk and (
                single or placement.pk not in claimed
            ):
                break
        else:
            placement = PhotoPlacement(
                article=state.article,
                photo=photo,
                kind=kind,
                position=state.next_position(),
            )
            state.placements.append(placement)
        if caption:
            setattr(placement, field_name("caption", language), caption)
        placement.save()
        claimed.add(placement.pk)
        return placement

    def _front_photos(self, state, language, post):
        data = post.data
        for key, kind in FRONT_PHOTOS:
            if key not in data:
                continue
            ref, warning = fm.image_ref(data[key])
            if warning:
                self.report.warn(post.source_path, warning)
            photo = self._photo(language, post, ref) if ref else None
            if photo is None:
                self._keep(language, post, key)
                continue
            caption = clean_caption(data.get("cutline")) if kind == Kind.HERO else ""
            if kind == Kind.HERO:
                self._describe(
                    photo,
                    language,
                    caption,
                    fm.text(data.get("credit")),
                    fm.text(data.get("alt")).strip(),
                )
            if kind == Kind.MUGSHOT:
                existing = [p for p in state.placements if p.kind == Kind.MUGSHOT]
                if existing and existing[0].photo_id != photo.pk:
                    self._keep(language, post, key)
                    continue
            if self._place(state, language, kind, photo, caption) is None:
                self.report.warn(
                    post.source_path,
                    f"{key} differs from the other language's; kept for this language",
                )
                self._keep(language, post, key)

    # --- body ------------------------------------------------------------

    def _body(self, state, language, post):
        builder = BodyBuilder()
        pullquotes = 0
        for segment in post.segments:
            if isinstance(segment, str):
                builder.text(self._text(segment, post))
            elif isinstance(segment, Include):
                builder.line(self._include(state, language, post, segment))
            elif not segment.content.strip():
                spec = format_attribute(segment.classes, segment.anchor)
                self.report.warn(
                    post.source_path, f"{spec} has no paragraph after it; dropped"
                )
            elif "pullquote" in segment.classes:
                pullquotes += 1
                builder.line(self._pullquote(state, language, pullquotes, segment))
            else:
                self._container(builder, segment, post)
        return builder.build()

    def _text(self, value, post):
        value = value.replace(DATELINE, "[[dateline]]")

        def rewritten():
            self.report.links_rewritten += 1

        def missing(url):
            self.report.warn(
                post.source_path, f"link to {url} matches no imported story"
            )

        return self.ctx.links.rewrite(value, rewritten, missing)

    def _container(self, builder, segment: Attributed, post):
        classes = list(segment.classes)
        if "annotation" in classes:
            classes.remove("annotation")
            side = next((c for c in classes if c in ALIGN), "")
            if side:
                classes.remove(side)
            args = [("id", segment.anchor)] if segment.anchor else []
            args += [("side", side)] if side else []
            args += [("class", " ".join(classes))] if classes else []
            name = "annotation"
            self.report.annotations += 1
        else:
            args = [("class", " ".join(classes))]
            args += [("id", segment.anchor)] if segment.anchor else []
            name = "styled"
            self.report.embeds["styled"] += 1
        builder.line(shortcode(name, args=args))
        builder.text("\n" + self._text(segment.content, post))
        builder.line(closing(name))

    def _pullquote(self, state, language, number, segment):
        pullquote = state.pullquotes.get(number)
        if pullquote is None:
            pullquote = Pullquote(article=state.article, position=number)
            state.pullquotes[number] = pullquote
        setattr(pullquote, field_name("text", language), segment.content.strip())
        pullquote.save()
        self.report.pullquotes += 1
        extra = [c for c in segment.classes if c != "pullquote"]
        args = [("class", " ".join(extra))] if extra else []
        args += [("id", segment.anchor)] if segment.anchor else []
        return shortcode("pullquote", [number], args)

    def _include(self, state, language, post, include):
        name, args = include.name, list(include.args)
        extras = [(k, v) for k, v in args if k not in PHOTO_ARGS]
        if name in PHOTO_INCLUDE_NAMES:
            placement = self._include_photo(state, language, post, include)
            if placement is not None:
                self.report.embeds[name.removesuffix(".html")] += 1
                if name == "mugshot.html":
                    return shortcode("mugshot", [placement.position], extras)
                return shortcode("photo", [placement.position], extras)
        elif name in VIDEO_INCLUDES:
            youtube = video_id(include.arg("youtube"))
            if youtube:
                self.report.embeds["video"] += 1
                size = VIDEO_INCLUDES[name]
                out = [("youtube", youtube)]
                out += (
                    [("caption", clean_caption(include.arg("caption")))]
                    if include.arg("caption")
                    else []
                )
                out += [("size", size)] if size else []
                out += [
                    (k, v) for k, v in args if k not in ("youtube", "caption", "size")
                ]
                return shortcode("video", args=out)
            self.report.warn(post.source_path, f"{name} without a YouTube id; kept")
        elif name == "promo-video.html":
            self.report.embeds["related-videos"] += 1
            return shortcode("related-videos", args=args)
        elif name == "editors-note.html":
            self.report.embeds["editors-note"] += 1
            return shortcode("editors-note", args=args)
        elif name in MAP_INCLUDES:
            self.report.embeds["map"] += 1
            variant = MAP_INCLUDES[name]
            return shortcode(
                "map", args=([("variant", variant)] if variant else []) + args
            )
        self.report.embeds[f"include {name}"] += 1
        return shortcode("include", [name], args)

    def _include_photo(self, state, language, post, include):
        name = include.name
        ref, warning = fm.image_ref(include.arg("file"))
        if warning:
            self.report.warn(post.source_path, warning)
        kind = PHOTO_INCLUDES.get(name) or (
            Kind.WINDOW if name == "window.html" else Kind.MUGSHOT
        )
        if kind == Kind.WINDOW and not ref:
            window = next((p for p in state.placements if p.kind == Kind.WINDOW), None)
            photo = window.photo if window else None
            if photo is None:
                self.report.warn(post.source_path, "window.html but no window_image")
        elif not ref:
            self.report.warn(post.source_path, f"{name} without a file; kept")
            photo = None
        else:
            photo = self._photo(language, post, ref)
        if photo is None:
            return None
        caption = clean_caption(include.arg("caption") or include.arg("cutline"))
        if kind == Kind.MUGSHOT:
            caption = ""  # name and cutline stay in the shortcode
        self._describe(
            photo, language, caption, include.arg("credit"), include.arg("alt").strip()
        )
        placement = self._place(state, language, kind, photo, caption)
        if placement is None:  # a second, different window: show it large instead
            placement = self._place(state, language, Kind.LARGE, photo, caption)
        return placement

    # --- tags ----------------------------------------------------------------

    def _tags(self, article):
        tags = []
        for post in self.group.values():
            for tag in re.split(r"[,\s]+", fm.text(post.data.get("tag"))):
                if tag and tag not in tags:
                    tags.append(tag)
        if tags:
            article.tags.add(*tags)
