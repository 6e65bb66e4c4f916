"""Body constructs found and parsed: Liquid includes and kramdown attribute lines."""

import pytest

from articles.importers.jekyll.body import Attributed, Include, parse_body


def test_includes_span_lines_any_order_spaces_around_equals():
    body = (
        "Text\n{% include photo-large.html \n \nadd_padding = true\n"
        'caption="A \'quoted\' caption"\n\n file="/img/x.jpg"\n %}More'
    )
    segments = parse_body(body)
    assert segments[0] == "Text\n"
    assert segments[1] == Include(
        "photo-large.html",
        (
            ("add_padding", "true"),
            ("caption", "A 'quoted' caption"),
            ("file", "/img/x.jpg"),
        ),
    )
    assert segments[2] == "More"


@pytest.mark.parametrize(
    ("line", "classes", "anchor"),
    [
        ("{:.pullquote}", ("pullquote",), ""),
        ("{:.pullquote.voa__hide-mobile}", ("pullquote", "voa__hide-mobile"), ""),
        ("{:.annotation.right#footnote1}", ("annotation", "right"), "footnote1"),
        ("{:.voa__tagline}", ("voa__tagline",), ""),
    ],
)
def test_attribute_lines_claim_the_next_block(line, classes, anchor):
    segments = parse_body(f"Before\n\n{line}\nFirst line\nsecond line\n\nAfter\n")
    assert segments == [
        "Before\n\n",
        Attributed(classes, anchor, "First line\nsecond line"),
        "\n\nAfter\n",
    ]
