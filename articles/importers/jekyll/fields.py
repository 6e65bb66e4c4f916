"""Front matter -> the story's own fields.

Per-language fields are tables (front matter key -> model field), each
filled in the post's language through build_localized_fieldname: text, and
media (location, coordinates, video), which a language version may have of its
own (a post without the key leaves it empty, and the page shows the other
language's: Article.video_in / place_in). The layout is story-wide: it comes
from the first language that has one; a second language with a different
value keeps its own for export instead.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from articles.languages import field_name, per_language
from articles.models import Layout, Status
from articles.states import set_state
from articles.youtube import video_id

from . import frontmatter as fm
from .errors import PostError


def stripped(value):
    return fm.text(value).strip()


# front matter key -> (per-language field, reader)
TEXT_FIELDS = {
    "title": ("title", stripped),
    "summary": ("summary", fm.text),
    "dateline": ("dateline", stripped),
    "map_pin": ("map_pin", stripped),
    "note": ("editors_note", stripped),
    "title-homepage": ("homepage_title", lambda value: fm.caption(value).strip()),
}
# Front page flags: true when either language's post says so.
FLAGS = {"lede": "homepage_lede", "ledeVideo": "homepage_lede_video"}


def credit_lines(data, language):
    """tagline ("This video was shot by …") and link-project ("originally
    appeared on …"), one line each, for the page's credits block and the feed."""
    lines = [stripped(data.get("tagline"))]
    link = stripped(data.get("link-project"))
    if link:
        label = per_language(settings.NEWSROOM["FIRST_PUBLISHED_LABEL"], language)
        lines.append(label.format(url=link))
    return "\n".join(line for line in lines if line)


def _layout(path, value):
    layout = stripped(value)
    if layout in Layout.values:
        return (layout,), None
    return None, f"layout {layout!r} is not one of the site's; kept for export"


def _location(path, value):
    return (stripped(value),), None


def _coordinates(path, value):
    return fm.coordinates(path, value), None


def _youtube(path, value):
    youtube = stripped(value)
    video = video_id(youtube)
    if video:
        return (video,), None
    return None, f"youtube {youtube!r} is not a video id; kept"


# front matter key -> (fields, reader: (values, or None and a warning))
SHARED_FIELDS = {
    "layout": (("layout",), _layout),
}
MEDIA_FIELDS = {
    "location": (("location_name",), _location),
    "coordinates": (("latitude", "longitude"), _coordinates),
    "youtube": (("youtube_id",), _youtube),
}


class FieldMapper:
    """Fills one story's fields from its posts, language by language."""

    def __init__(self, article, report, keep):
        self.article = article
        self.report = report
        self.keep = keep  # keep(language, post, key): not applied, kept for export
        self.shared_from = {}  # front matter key -> the language that set it

    def apply(self, language, post):
        article, data, path = self.article, post.data, post.source_path
        for key, (name, read) in TEXT_FIELDS.items():
            setattr(article, field_name(name, language), read(data.get(key)))
        setattr(
            article, field_name("credit_lines", language), credit_lines(data, language)
        )
        for key, name in FLAGS.items():
            if stripped(data.get(key)).lower() == "true":
                setattr(article, name, True)
        when, warning = fm.publication_time(path, data.get("date"), post.file_date)
        if warning:
            self.report.warn(path, warning)
        status = stripped(data.get("status")).lower() or Status.PUBLISHED
        if status not in Status.values:
            self.report.warn(path, f"status {status!r} is unknown; published instead")
            self.keep(language, post, "status")
            status = Status.PUBLISHED
        set_state(article, language, status, when)  # a date to come: scheduled
        declared = stripped(data.get("language"))
        if declared and fm.LANGUAGES.get(declared) != language:
            self.report.warn(path, f"language {declared!r} does not match its folder")
            self.keep(language, post, "language")
        for key, (names, read) in SHARED_FIELDS.items():
            if key in data:
                self._share(language, post, key, names, read)
        for key, (names, read) in MEDIA_FIELDS.items():
            if key in data:
                self._own(language, post, key, names, read)

    def _read(self, language, post, key, read):
        """The key's values, or None (warned, kept for export) when unreadable."""
        values, warning = read(post.source_path, post.data[key])
        if values is None:
            self.report.warn(post.source_path, warning)
            self.keep(language, post, key)
        return values

    def _own(self, language, post, key, names, read):
        values = self._read(language, post, key, read)
        if values is None:
            return
        for name, value in zip(names, values, strict=True):
            setattr(self.article, field_name(name, language), value)

    def _share(self, language, post, key, names, read):
        values = self._read(language, post, key, read)
        if values is None:
            return
        first = self.shared_from.get(key)
        if first is None or first == language:
            for name, value in zip(names, values, strict=True):
                setattr(self.article, name, value)
            self.shared_from[key] = language
        elif tuple(getattr(self.article, name) for name in names) != values:
            self.keep(language, post, key)


def validate(article, primary):
    """The model's own field checks, as a failure of the story's main post."""
    try:
        article.clean_fields(exclude=["section", "slug"])
    except ValidationError as error:
        raise PostError(primary.source_path, " ".join(error.messages)) from error
