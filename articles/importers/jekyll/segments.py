"""A post's body segments -> the story's body text with [[shortcodes]].

Text keeps its links (rewritten to the new addresses), includes go through
includes.py, attribute lines become [[styled]], [[annotation]] and
[[pullquote N]] blocks. The k-th pullquote of each language is pullquote k.
"""

from articles.languages import field_name
from articles.models import Pullquote

from .body import DATELINE, Include, format_attribute
from .includes import include_line
from .shortcodes import BodyBuilder, closing, shortcode

ALIGN = {"right", "left", "wide"}


class BodyConverter:
    """Builds each language's body of one story; languages share its pullquotes."""

    def __init__(self, article, photos, links, report):
        self.article = article
        self.photos = photos  # placements.StoryPhotos
        self.links = links
        self.report = report
        self.pullquotes = {}  # number -> Pullquote

    def build(self, language, post):
        builder = BodyBuilder()
        pullquotes = 0
        for segment in post.segments:
            if isinstance(segment, str):
                builder.text(self._text(segment, post))
            elif isinstance(segment, Include):
                builder.line(include_line(self, language, post, segment))
            elif not segment.content.strip():
                spec = format_attribute(segment.classes, segment.anchor)
                self.report.warn(
                    post.source_path, f"{spec} has no paragraph after it; dropped"
                )
            elif "pullquote" in segment.classes:
                pullquotes += 1
                builder.line(self._pullquote(language, pullquotes, segment))
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

        return self.links.rewrite(value, rewritten, missing)

    def _container(self, builder, segment, post):
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

    def _pullquote(self, language, number, segment):
        pullquote = self.pullquotes.get(number)
        if pullquote is None:
            pullquote = Pullquote(article=self.article, position=number)
            self.pullquotes[number] = pullquote
        setattr(pullquote, field_name("text", language), segment.content.strip())
        pullquote.save()
        self.report.pullquotes += 1
        extra = [c for c in segment.classes if c != "pullquote"]
        args = [("class", " ".join(extra))] if extra else []
        args += [("id", segment.anchor)] if segment.anchor else []
        return shortcode("pullquote", [number], args)
