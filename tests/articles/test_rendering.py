"""The body pipeline: Markdown, sanitising, shortcodes, plain text."""

import pytest

from articles.rendering import (
    Container,
    Embed,
    EmbedContext,
    expand_embeds,
    parse_args,
    parse_blocks,
    plain_text,
    render_markdown,
)
from tests.factories import KHMER_TITLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", {"_": ["2"]}),
        (
            'youtube=u1uYkdS39JI caption="A long caption"',
            {"_": [], "youtube": "u1uYkdS39JI", "caption": "A long caption"},
        ),
        ('caption="unbalanced', {"_": [], "caption": '"unbalanced'}),
    ],
)
def test_parse_args(text, expected):
    assert parse_args(text) == expected


def test_parse_blocks_splits_markdown_embeds_and_containers():
    blocks = parse_blocks(
        "Intro.\n\n[[photo 2]]\n\n[[annotation id=footnote1 side=left]]\n"
        "Side *note*.\n[[/annotation]]\nOutro."
    )
    assert blocks[0] == "Intro.\n"
    assert blocks[1] == Embed("photo", {"_": ["2"]})
    assert isinstance(blocks[2], Container)
    assert blocks[2].args["id"] == "footnote1"
    assert blocks[2].children == ["Side *note*."]
    assert blocks[3] == "Outro."


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_render_markdown_sanitises(attack):
    html = render_markdown(f"Before.\n\n{attack}\n\nAfter.")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "onerror" not in lowered
    assert "onclick" not in lowered
    assert 'href="javascript' not in lowered
    assert "<iframe" not in lowered


def test_render_markdown_keeps_headings_links_and_allowed_classes():
    html = render_markdown(
        "### A subhead ###\n\nText with [a link](https://www.voacambodia.com/a/1.html)"
        ' and <a class="button evil" href="https://example.org">raw</a>.'
    )
    assert "<h3>A subhead</h3>" in html
    assert 'href="https://www.voacambodia.com/a/1.html"' in html
    assert 'class="button"' in html
    assert "evil" not in html


def test_annotation_container_gets_its_anchor():
    html = render_markdown(
        'See[^](#footnote1).\n\n[[annotation id=footnote1 side=right]]\nA "note".\n'
        "[[/annotation]]"
    )
    assert '<aside class="annotation annotation--right" id="footnote1">' in html


def test_expand_embeds_places_dateline_in_first_paragraph_by_default():
    context = EmbedContext(
        language="en",
        handlers={
            "generic": lambda name, args, ctx: f"<div data-embed='{name}'></div>"
        },
        dateline_html='<span class="dateline">Phnom Penh</span>',
    )
    html = expand_embeds(render_markdown("One.\n\nTwo.\n\n[[unknown a=1]]"), context)
    assert html.startswith('<p><span class="dateline">Phnom Penh</span> One.</p>')
    assert html.count("dateline") == 1
    assert "<div data-embed='unknown'></div>" in html


def test_expand_embeds_puts_an_explicit_dateline_where_it_stands():
    context = EmbedContext(
        language="en",
        handlers={"generic": lambda *a: ""},
        dateline_html='<span class="dateline">Kampot</span>',
    )
    html = expand_embeds(render_markdown("One.\n\n[[dateline]] Two."), context)
    assert html == '<p>One.</p>\n<p><span class="dateline">Kampot</span> Two.</p>\n'


def test_plain_text_drops_markup_and_embeds_and_keeps_khmer_bytes():
    source = f"### Head ###\n\n**{KHMER_TITLE}** [link](https://x.org)\n\n[[photo 1]]"
    assert plain_text(source) == f"Head {KHMER_TITLE} link"


def test_archive_link_classes_survive_sanitising():
    """Raw HTML links with the archive's classes are kept, classes included."""
    html = render_markdown(
        'Won <a href="#footnote1" class="footnote">easily</a> in '
        '<a href="#jan_7_1979" class="trigger__factbox">1979</a>.<br/>'
    )
    assert '<a href="#footnote1" class="footnote"' in html
    assert '<a href="#jan_7_1979" class="trigger__factbox"' in html
    assert "<br>" in html
    assert 'class=""' not in html


def test_styled_block_keeps_every_class_and_its_anchor():
    """{:.voa__tagline.other} and {:#anchor} from the archive, as stored."""
    html = render_markdown(
        '[[styled class="voa__tagline other"]]\nTagline.\n[[/styled]]\n\n'
        '[[styled class="" id=plain-anchor]]\nAnchored.\n[[/styled]]'
    )
    assert '<div class="styled styled--voa__tagline styled--other">' in html
    assert '<div class="styled" id="plain-anchor">' in html
