"""Shortcodes as the importer writes them, read back by the renderer."""

import pytest

from articles.importers.jekyll.shortcodes import BodyBuilder, shortcode
from articles.rendering import parse_args
from articles.shortcode_rule import SHORTCODE_LINE


@pytest.mark.parametrize(
    "caption",
    ['He said "no" and left', "Cambodia's \\ back\\slash", "ក្រុង​ភ្នំពេញ  two  spaces"],
)
def test_shortcodes_read_back_by_the_renderer(caption):
    code = shortcode("video", args=[("youtube", "niLf-DXIBt0"), ("caption", caption)])
    match = SHORTCODE_LINE.match(code)
    args = parse_args(match.group(3))
    assert args["youtube"] == "niLf-DXIBt0"
    assert args["caption"] == " ".join(caption.split())


def test_body_builder_puts_shortcodes_on_their_own_line_once():
    builder = BodyBuilder()
    builder.text("Intro\n\n")
    builder.line("[[photo 1]]")
    builder.text("Glued text")
    assert builder.build() == "Intro\n\n[[photo 1]]\nGlued text"
