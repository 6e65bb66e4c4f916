"""The story page per layout: its template, linked bylines and nested headings.

article_detail asks story_template() which template renders the story and adds
story_extras() to the context; everything else stays in presentation.py.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.bylines import BYLINE_GRAMMAR, join_names, role_label
from articles.languages import localized, per_language
from articles.models import EVERGREEN_LAYOUTS, Byline, Layout

HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.IGNORECASE)
DEFAULT_TEMPLATE = "articles/story/post-centered.html"


def story_template(layout):
    """The templates to try for `layout`: its own, else the centered post."""
    return [f"articles/story/{layout}.html", DEFAULT_TEMPLATE]


def nest_headings(html, top=2, authored=None):
    """Shift the body's headings so the highest is `top` (the page's h1 is above).

    The archive's bodies start at ###; after the headline's h1 that skips a
    level. The shift comes from the `authored` Markdown's HTML (default: `html`)
    so an embed's own h2 never pulls the editor's headings up with it; relative
    levels are kept, and nothing goes above `top` or below h6.
    """
    levels = [int(level) for _close, level in HEADING_TAG.findall(authored or html)]
    if not levels or min(levels) == top:
        return html
    shift = top - min(levels)

    def moved(match):
        level = max(top, min(6, int(match.group(2)) + shift))
        return f"<{match.group(1)}h{level}"

    return mark_safe(HEADING_TAG.sub(moved, str(html)))  # noqa: S308 - only tag names change


def author_link(author, language):
    name = localized(author, "display_name", language, fallback=True)
    return format_html('<a href="{}">{}</a>', author.get_absolute_url(language), name)


def linked_byline(bylines, language):
    """ "By <a>Sun Narin</a> and <a>…</a>", each name linking to its author page."""
    links = [
        author_link(b.author, language)
        for b in bylines
        if b.role == Byline.Role.REPORTER
    ]
    if not links:
        return ""
    prefix = per_language(BYLINE_GRAMMAR, language)[0]
    joined = join_names(links, language)  # the separators are the grammar's own text
    return mark_safe(f"{prefix} {joined}" if prefix else joined)  # noqa: S308


def story_extras(article, language, body):
    """What the layouts show beyond presentation.py's context."""
    bylines = list(article.bylines.all())
    return {
        "evergreen": article.layout in EVERGREEN_LAYOUTS,
        "is_video": article.layout == Layout.POST_VIDEO,
        "byline_html": linked_byline(bylines, language),
        "linked_contributors": [
            {
                "role": role_label(b.role, language),
                "link": author_link(b.author, language),
            }
            for b in bylines
            if b.role != Byline.Role.REPORTER
        ],
        "body": nest_headings(body, authored=localized(article, "body_html", language)),
    }
