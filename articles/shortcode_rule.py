"""Shortcodes as markdown-it block tokens, and the body parser that knows them.

A line that is only a shortcode ([[photo 2]], [[/annotation]]) is a block
token of its own where it stands at the top level; inside a paragraph, list
item, quote, code block or attribute it is text like any other. [[dateline]]
may open a paragraph instead (a core rule marks that paragraph). rendering.py
renders bodies with this parser, and shortcode_lines() lets the export and
the page ask it which lines are shortcodes, so all of them agree.
"""

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

SHORTCODE_LINE = re.compile(r"^\s*\[\[\s*(/?)([a-z][a-z0-9_-]*)\s*(.*?)\]\]\s*$")
DATELINE_TOKEN = "[[dateline]]"  # noqa: S105 - a shortcode, not a password
_NEWLINES = re.compile(r"\r\n?")  # as markdown-it counts lines


@dataclass(frozen=True)
class Shortcode:
    """One standalone shortcode line: `[[/annotation]]` has closing=True."""

    closing: bool
    name: str
    args: str


def _shortcode_block(state, start_line, end_line, silent):
    """markdown-it block rule: a line that is only a shortcode, at the top level.

    It ends a paragraph, list or quote written just above it (as a heading
    would); inside a list item or a quote it is not recognised, so the line
    stays text there. [[dateline]] is left to paragraphs (see _dateline_lead).
    """
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block
    begin = state.bMarks[start_line] + state.tShift[start_line]
    match = SHORTCODE_LINE.match(state.src[begin : state.eMarks[start_line]])
    if not match or match.group(2) == "dateline":
        return False
    if silent:
        return True
    if state.level:
        return False
    token = state.push("shortcode", "", 0)
    token.map = [start_line, start_line + 1]
    token.meta = {"shortcode": Shortcode(bool(match.group(1)), *match.group(2, 3))}
    state.line = start_line + 1
    return True


def _dateline_lead(state):
    """markdown-it core rule: a top-level paragraph that opens with [[dateline]]."""
    tokens = state.tokens
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if (
            opening.type == "paragraph_open"
            and opening.level == 0
            and inline.content.startswith(DATELINE_TOKEN)
        ):
            inline.content = inline.content[len(DATELINE_TOKEN) :]
            opening.meta["dateline"] = True


markdown_parser = MarkdownIt("commonmark", {"html": True}).enable(
    ["table", "strikethrough"]
)
markdown_parser.block.ruler.before(
    "fence",
    "shortcode",
    _shortcode_block,
    {"alt": ["paragraph", "reference", "blockquote", "list"]},
)
markdown_parser.core.ruler.after("block", "dateline_lead", _dateline_lead)


def shortcode_lines(source):
    """(line, Shortcode or None) for each line of `source`.

    A line is a Shortcode only where it stands alone as a top-level block (the
    block parser decides; inline parsing is skipped), so rendering, export and
    the page all agree on which lines are shortcodes.
    """
    text = _NEWLINES.sub("\n", source or "")
    tokens = []
    markdown_parser.block.parse(text, markdown_parser, {}, tokens)
    found = {t.map[0]: t.meta["shortcode"] for t in tokens if t.type == "shortcode"}
    return [(line, found.get(number)) for number, line in enumerate(text.split("\n"))]
