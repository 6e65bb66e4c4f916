"""What partners may receive of a story's media and body, with absolute links.

The rights rule lives in one place: `syndicatable(placement)`. A photo that
fails it is not rendered into `content_html`, nor listed, nor used as
`image`/`banner_image`; its cutline and credit travel only with it.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

import nh3
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


def feed_body_html(article, language, article_url, base_url):
    """The sanitised body for partners: allowed photos only, every URL absolute."""
    allowed_images = {
        photo_feed_image(p.photo, base_url).url
        for p in syndicatable_placements(article)
    }
    withheld = {
        urljoin(base_url, p.photo.url)
        for p in article.placements.all()
        if not syndicatable(p)
    }
    without_images = nh3.clean(
        localized(article, "body_html", language),
        tags=PLACEHOLDER_TAGS,
        attributes=PLACEHOLDER_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
    )
    html = render_body(
        article, language, handlers=feed_handlers(base_url), body_html=without_images
    )

    def absolute(tag, attribute, value):
        if attribute not in ("href", "src"):
            return value
        url = urljoin(article_url, value)
        if url in withheld:
            return None
        if tag == "img" and url not in allowed_images:
            return None
        return url

    return nh3.clean(
        str(html),
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=absolute,
        link_rel="noopener noreferrer",
    )
