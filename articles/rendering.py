"""Story bodies: Markdown source to safe HTML, as a pipeline of pure functions.

    parse_blocks(source)        Markdown text split around embed shortcodes
    render_markdown(source)     blocks -> sanitised HTML with embed placeholders
                                (what Article.body_html caches)
    expand_embeds(html, ctx)    placeholders -> photos, pullquotes, videos …
    plain_text(source)          the words only, for search, summaries and tests

Shortcodes stand alone as a block, on their own line:  [[photo 2]],
[[pullquote 1]], [[video youtube=ID caption="…"]], [[map]], and the container
pair [[annotation id=footnote1 side=right]] … [[/annotation]] around Markdown.
[[dateline]] may also open a paragraph; without it the dateline opens the
first paragraph. The Markdown parser (markdown-it-py, set up in
shortcode_rule.py) recognises shortcodes as block tokens of their own, so a
shortcode inside a paragraph, an attribute, a link, a code block, a quote or
a list is text like any other and is sanitised as such; placeholders are only
ever written between sanitised fragments, never into one. The sanitiser is
nh3; this module routes text.
"""

import html
import json
import re
import shlex
from dataclasses import dataclass, field

import nh3

from articles.shortcode_rule import markdown_parser, shortcode_lines

# --- parsing ---------------------------------------------------------------

DATELINE_PLACEHOLDER = "<nr-dateline></nr-dateline>"
CONTAINERS = {"annotation", "styled"}


@dataclass(frozen=True)
class Embed:
    name: str
    args: dict


@dataclass
class Container:
    name: str
    args: dict
    children: list = field(default_factory=list)


def parse_args(text):
    """`2 youtube=abc caption="A b"` -> {"_": ["2"], "youtube": "abc", …}.

    Uses shlex for quoting; an unbalanced quote falls back to whitespace split
    so that a typo shows up on the page instead of breaking it.
    """
    try:
        tokens = shlex.split(text)
    except ValueError:
        tokens = text.split()
    args = {"_": []}
    for token in tokens:
        key, sep, value = token.partition("=")
        if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key):
            args[key] = value
        else:
            args["_"].append(token)
    return args


def parse_blocks(source):
    """Split `source` into Markdown strings, Embeds and Containers (nested)."""
    root = Container("root", {})
    stack = [root]
    buffer = []

    def flush():
        if any(line.strip() for line in buffer):
            stack[-1].children.append("\n".join(buffer))
        buffer.clear()

    for line, shortcode in shortcode_lines(source):
        if shortcode is None:
            buffer.append(line)
            continue
        flush()
        name = shortcode.name
        if shortcode.closing:
            if len(stack) > 1 and stack[-1].name == name:
                stack.pop()
            continue  # a stray closing tag is dropped, not shown to readers
        if name in CONTAINERS:
            container = Container(name, parse_args(shortcode.args))
            stack[-1].children.append(container)
            stack.append(container)
        else:
            stack[-1].children.append(Embed(name, parse_args(shortcode.args)))
    flush()
    return root.children


# --- Markdown and sanitising ----------------------------------------------

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_CLASSES = {
    # footnote / trigger__factbox: the archive's links to annotations and facts.
    "a": {"button", "link--project", "link--external", "footnote", "trigger__factbox"},
    "p": {"voa__tagline", "voa__source-label", "tagline", "source-label"},
    # no-autolink: the text inside is never linked to a person or party page.
    "span": {"highlight", "no-autolink"},
}


def sanitise(fragment):
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def markdown_to_safe_html(text):
    """Markdown without shortcode lines -> sanitised HTML.

    A paragraph that opens with [[dateline]] starts a fragment of its own, so
    its placeholder goes right after that fragment's sanitised `<p>`: outside
    anything the author wrote.
    """
    env = {}
    tokens = markdown_parser.parse(text, env)
    starts = [0] + [i for i, t in enumerate(tokens) if i and t.meta.get("dateline")]
    parts = []
    for start, end in zip(starts, [*starts[1:], len(tokens)], strict=True):
        fragment = tokens[start:end]
        cleaned = sanitise(
            markdown_parser.renderer.render(fragment, markdown_parser.options, env)
        )
        if fragment and fragment[0].meta.get("dateline") and cleaned.startswith("<p>"):
            cleaned = "<p>" + DATELINE_PLACEHOLDER + cleaned[len("<p>") :]
        parts.append(cleaned)
    return "".join(parts)


def embed_placeholder(embed):
    payload = html.escape(json.dumps(embed.args, ensure_ascii=False), quote=True)
    name = html.escape(embed.name)
    return f'<nr-embed data-name="{name}" data-args="{payload}"></nr-embed>'


CONTAINER_CLASSES = {"right", "left", "wide"}


def _render_container(container):
    inner = _render_blocks(container.children)
    anchor = re.sub(r"[^\w-]", "", container.args.get("id", ""))
    id_attr = f' id="{anchor}"' if anchor else ""
    if container.name == "annotation":
        side = container.args.get("side", "right")
        side = side if side in CONTAINER_CLASSES else "right"
        return f'<aside class="annotation annotation--{side}"{id_attr}>{inner}</aside>'
    # One modifier per class: {:.voa__tagline.other} -> styled--voa__tagline …
    styles = (re.sub(r"[^\w-]", "", c) for c in container.args.get("class", "").split())
    css = " ".join(["styled", *(f"styled--{style}" for style in styles if style)])
    return f'<div class="{css}"{id_attr}>{inner}</div>'


def _render_blocks(blocks):
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(markdown_to_safe_html(block))
        elif isinstance(block, Embed):
            parts.append(embed_placeholder(block))
        else:
            parts.append(_render_container(block))
    return "".join(parts)


def render_markdown(source):
    """Body Markdown -> sanitised HTML with <nr-embed> placeholders (cacheable)."""
    return _render_blocks(parse_blocks(source))


# --- expansion at render time ---------------------------------------------

PLACEHOLDER = re.compile(
    r'<nr-embed data-name="([^"]*)" data-args="([^"]*)"></nr-embed>'
    r"|" + re.escape(DATELINE_PLACEHOLDER)
)
FIRST_PARAGRAPH = re.compile(r"<p>")


def embed_names(body_html):
    """The names of the embeds a rendered body places, e.g. {"photo", "map"}."""
    return {
        html.unescape(match.group(1))
        for match in PLACEHOLDER.finditer(body_html or "")
        if match.group(1) is not None
    }


@dataclass
class EmbedContext:
    """What embeds may show: the story's placements, pullquotes and dateline."""

    language: str
    handlers: dict
    dateline_html: str = ""
    data: dict = field(default_factory=dict)


def expand_embeds(body_html, context):
    """Replace placeholders by `context.handlers[name](args, context)`.

    An unknown name goes to the "generic" handler; nothing from the args is
    ever written unescaped, handlers render through autoescaping templates.
    """
    used_dateline = False

    def replace(match):
        nonlocal used_dateline
        if match.group(1) is None:
            used_dateline = True
            return context.dateline_html
        name = html.unescape(match.group(1))
        try:
            args = json.loads(html.unescape(match.group(2)))
        except ValueError:
            args = {"_": []}
        handler = context.handlers.get(name) or context.handlers["generic"]
        return handler(name, args, context)

    expanded = PLACEHOLDER.sub(replace, body_html or "")
    if not used_dateline and context.dateline_html:
        expanded = FIRST_PARAGRAPH.sub(
            "<p>" + context.dateline_html + " ", expanded, count=1
        )
    return expanded


# --- plain text ------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def plain_text(source):
    """The readable words of a body, without markup or embeds."""
    words = html.unescape(nh3.clean(render_markdown(source), tags=set()))
    return _WHITESPACE.sub(" ", words).strip()
