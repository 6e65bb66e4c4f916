"""What partners may receive of a story's media and body, with absolute links.

The rights rule is media_assets.rights.decide(), stored on each photo and read
here through `syndicatable(placement)`. A photo that fails it is not rendered
into `content_html`, nor listed, nor used as `image`/`banner_image`; its
cutline and credit travel only with it, and no address of it (file, rendition,
remote original or a sized variant of it, with any query or fragment) is left
in a link, an attribute or the text.
"""

import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import nh3
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html

from articles import rendering
from articles.embeds import (
    HANDLERS,
    embed_number,
    embed_youtube_id,
    photo_figure_context,
    render_body,
)
from articles.languages import localized
from media_assets.pictures import GDB_URL
from workflow.corrections import corrections_for


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int | None
    height: int | None


def photo_feed_image(photo, base_url):
    """The image partners fetch: the largest JPEG rendition, else the original."""
    rendition = photo.largest_rendition("jpeg")
    if rendition is not None:
        return FeedImage(
            urljoin(base_url, rendition.url), rendition.width, rendition.height
        )
    return FeedImage(urljoin(base_url, photo.url), photo.width, photo.height)


def published_corrections(article, language):
    """Corrections to show partners and search engines, oldest first.

    Each is {"text", "kind", "published_at"}, from the workflow's corrections
    log (prefetched by Article.objects.for_page(), so no query per story).
    """
    return [
        {"text": c.text, "kind": c.kind, "published_at": c.created_at}
        for c in corrections_for(article, language)
    ]


def syndicatable(placement):
    """The stored rights.decide() answer: what PhotoQuerySet.syndicatable() filters."""
    return placement.photo.may_syndicate


def syndicatable_placements(article):
    """The story's placements partners may see, in order (uses the prefetch)."""
    return [p for p in article.placements.all() if syndicatable(p)]


# Tags kept in partner HTML: the body's own set plus the figures we render.
FEED_TAGS = rendering.ALLOWED_TAGS | {"figure", "figcaption", "aside", "div", "footer"}
FEED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align"},
    "th": {"align"},
}
# The first pass drops images written into the Markdown by hand: only the
# placements, whose rights are known, may put a picture into partner HTML.
PLACEHOLDER_TAGS = (FEED_TAGS - {"img"}) | {"nr-embed", "nr-dateline"}
PLACEHOLDER_ATTRIBUTES = {**FEED_ATTRIBUTES, "nr-embed": {"data-name", "data-args"}}


def _nothing(name, args, context):
    return ""


def feed_handlers(base_url):
    """Embed handlers for partner HTML: rights-aware photos, links for videos."""

    def photo(name, args, context):
        placement = context.data["placements"].get(embed_number(args))
        if placement is None:
            return ""
        context.data["used_placements"].add(placement.pk)
        if not syndicatable(placement):
            return ""
        figure = photo_figure_context(placement, context.language)
        figure["image"] = photo_feed_image(placement.photo, base_url)
        return render_to_string("syndication/feed_photo.html", figure)

    def video(name, args, context):
        youtube_id = embed_youtube_id(args)
        if not youtube_id:
            return ""
        return format_html(
            '<p><a href="https://www.youtube.com/watch?v={}">{}</a></p>',
            youtube_id,
            args.get("caption") or "Video",
        )

    return {
        **HANDLERS,
        "photo": photo,
        "video": video,
        "map": _nothing,  # the location travels as data in _newsroom
        "generic": _nothing,
    }


# --- addresses of withheld photos ---------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data"}
# Punctuation that ends a sentence or wraps an address written in the text.
TEXT_URL_WRAPPING = "<>()[]{}\"'.,;:!?"


def url_key(value, base):
    """(host, path) a browser would fetch for `value` on page `base`.

    Scheme, port, query and fragment are ignored; percent-escapes, dot
    segments, doubled and back slashes are resolved as browsers do. Every
    size of one gdb.voanews.com picture has the same key. None when the
    value is no address a parser can read.
    """
    text = re.sub(r"[\t\n\r]", "", value).strip().replace("\\", "/")
    try:
        parts = urlsplit(urljoin(base, text))
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = posixpath.normpath(re.sub("/+", "/", "/" + unquote(parts.path)))
    sized = GDB_URL.match(f"https://{host}{path}")
    if sized:
        path = urlsplit(sized["head"]).path.removesuffix("_w")
    return host, path


def photo_urls(photo):
    """Every address `photo` is served at: file, renditions, remote original."""
    urls = [r.url for r in photo.renditions.all()]
    if photo.image:
        urls.append(photo.image.url)
    if photo.source_url:
        urls.append(photo.source_url)
    return urls


def withheld_url_test(article, page_url):
    """A predicate: does this address (on `page_url`) show a photo partners may
    not have? Media files pass only when they are a syndicatable photo's;
    other hosts' addresses fail when they are a withheld photo's original.
    """
    allowed, withheld = set(), set()
    for placement in article.placements.all():
        keys = allowed if syndicatable(placement) else withheld
        keys.update(url_key(url, page_url) for url in photo_urls(placement.photo))
    withheld = {(host, path.casefold()) for host, path in withheld - {None}}
    media = url_key(settings.MEDIA_URL, page_url)[1]

    def is_withheld(value):
        key = url_key(value, page_url)
        if key is None:
            return True
        host, path = key
        if path == media or path.startswith(media.rstrip("/") + "/"):
            return key not in allowed
        return (host, path.casefold()) in withheld

    return is_withheld


class WithheldFilter(HTMLParser):
    """Re-emits sanitised HTML without any address of a withheld photo.

    A link to one goes with its text; an image of one, or an attribute naming
    one, is dropped; an address written in the text is cut out. The output
    goes through nh3 again, so this only ever removes.
    """

    def __init__(self, is_withheld):
        super().__init__(convert_charrefs=True)
        self.is_withheld = is_withheld
        self.parts = []
        self.skipped_links = 0  # depth inside a dropped <a>

    def filtered(self, markup):
        self.feed(markup)
        self.close()
        return "".join(self.parts)

    def _names_withheld(self, name, value):
        if name in URL_ATTRIBUTES:
            return self.is_withheld(value)
        if name in ("srcset", "imagesrcset"):
            return any(
                self.is_withheld(candidate.split()[0])
                for candidate in value.split(",")
                if candidate.strip()
            )
        return False

    def _scrub(self, text):
        """`text` without the withheld addresses written in it."""
        pieces = re.split(r"(\s+)", text)
        return "".join(
            ""
            if "/" in piece and self.is_withheld(piece.strip(TEXT_URL_WRAPPING))
            else piece
            for piece in pieces
        )

    def _start(self, tag, attrs, closed):
        if self.skipped_links:
            if tag == "a":
                self.skipped_links += 1
            return
        attrs = [(n, v or "") for n, v in attrs]
        if any(self._names_withheld(n, v) for n, v in attrs):
            if tag == "a":
                self.skipped_links = 1
            if tag in ("a", "img", "source"):
                return
            attrs = [(n, v) for n, v in attrs if not self._names_withheld(n, v)]
        rendered = "".join(
            f' {n}="{html.escape(self._scrub(v), quote=True)}"' for n, v in attrs
        )
        self.parts.append(f"<{tag}{rendered}{' /' if closed else ''}>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if self.skipped_links:
            if tag == "a":
                self.skipped_links -= 1
            return
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipped_links:
            self.parts.append(html.escape(self._scrub(data), quote=False))


# --- the body ------------------------------------------------------------------


def without_written_images(body_html):
    """A rendered body with its placeholders, minus any <img> written by hand."""
    return nh3.clean(
        body_html,
        tags=PLACEHOLDER_TAGS,
        attributes=PLACEHOLDER_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
    )


def partner_html(html, attribute_filter):
    """The last pass of partner HTML: FEED_TAGS only, `attribute_filter` on each
    attribute (make addresses absolute, drop images partners may not have)."""
    return nh3.clean(
        html,
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=attribute_filter,
        link_rel="noopener noreferrer",
    )


def feed_body_html(article, language, article_url, base_url):
    """The sanitised body for partners: allowed photos only, every URL absolute."""
    allowed_images = {
        photo_feed_image(p.photo, base_url).url
        for p in syndicatable_placements(article)
    }
    is_withheld = withheld_url_test(article, article_url)
    without_images = without_written_images(localized(article, "body_html", language))
    rendered = render_body(
        article, language, handlers=feed_handlers(base_url), body_html=without_images
    )
    without_withheld = WithheldFilter(is_withheld).filtered(str(rendered))

    def absolute(tag, attribute, value):
        if attribute not in ("href", "src"):
            return value
        url = urljoin(article_url, value)
        if tag == "img" and url not in allowed_images:
            return None
        return url

    return partner_html(without_withheld, absolute)
