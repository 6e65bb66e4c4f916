"""Shortcodes expand only where they stand alone as a block; elsewhere they are text."""

import importlib

import pytest
from bs4 import BeautifulSoup

from articles.presentation import body_places_map
from articles.rendering import (
    EmbedContext,
    expand_embeds,
    parse_blocks,
    render_markdown,
)
from articles.shortcode_rule import shortcode_lines

DATELINE = '<span class="dateline">PHNOM PENH</span>'


def expand(source):
    """The page's body HTML, every embed a visible <b class="EMBED-name">."""
    context = EmbedContext(
        language="en",
        handlers={"generic": lambda name, args, ctx: f'<b class="EMBED-{name}"></b>'},
        dateline_html=DATELINE,
    )
    return expand_embeds(render_markdown(source), context)


@pytest.mark.parametrize(
    ("source", "tag", "attribute", "literal"),
    [
        ('<a title="[[dateline]]">x</a>', "a", "title", "[[dateline]]"),
        ('Text <a title="[[dateline]]">x</a>', "a", "title", "[[dateline]]"),
        ('<a href="/x" title="[[photo 1]]">x</a>', "a", "title", "[[photo 1]]"),
        ("Photo: <img src='/a.jpg' alt='[[video ID]]'>", "img", "alt", "[[video ID]]"),
        ('[link](/x "[[dateline]]")', "a", "title", "[[dateline]]"),
        ("![[[dateline]]](/a.jpg)", "img", "alt", "[[dateline]]"),
    ],
)
def test_a_shortcode_in_an_attribute_stays_literal_text(
    source, tag, attribute, literal
):
    page = BeautifulSoup(expand(source), "html.parser")
    element = page.find(tag)
    assert element[attribute] == literal
    assert element.find(True) is None  # nothing was put inside it
    assert page.find_all(class_="dateline") == page.select("p > span.dateline")
    assert len(page.find_all(class_="dateline")) == 1  # the default, opening <p>
    assert not page.select('[class^="EMBED"]')


@pytest.mark.parametrize(
    "source",
    [
        "Text [[photo 1]] more.",
        "Text then [[dateline]] inside.",
        "`[[photo 1]]`",
        "```\n[[photo 1]]\n```",
        "    [[photo 1]]",
        "> [[photo 1]]",
        "- [[photo 1]]",
        "<div>\n[[photo 1]]\n</div>",
    ],
)
def test_a_shortcode_that_is_not_a_block_of_its_own_is_text(source):
    html = expand(source)
    assert "EMBED" not in html
    assert "[[" in BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize(
    "source",
    [
        "[[photo 1]]",
        "Intro.\n[[photo 1]]\nOutro.",  # the importer writes no blank lines
        "- a list\n[[photo 1]]",
        "> a quote\n[[photo 1]]",
        "  [[photo 1]]  ",
        "[[annotation]]\n[[photo 1]]\n[[/annotation]]",
    ],
)
def test_a_shortcode_standing_alone_is_an_embed(source):
    page = BeautifulSoup(expand(source), "html.parser")
    assert len(page.select(".EMBED-photo")) == 1
    assert "[[" not in page.get_text()


def test_a_dateline_opens_its_paragraph_only():
    html = expand("One.\n\n[[dateline]] Two [[dateline]].")
    assert html == f"<p>One.</p>\n<p>{DATELINE} Two [[dateline]].</p>\n"


def test_a_shortcode_line_inside_an_unfinished_tag_ends_it_as_text():
    page = BeautifulSoup(expand('<a title="\n[[photo 1]]\n">x</a>'), "html.parser")
    assert page.find("a") is None  # the broken tag is shown as text
    assert len(page.select(".EMBED-photo")) == 1


def test_raw_placeholders_typed_by_an_author_are_removed():
    source = (
        '<nr-embed data-name="photo" data-args="{}"></nr-embed>'
        "<nr-dateline></nr-dateline> text"
    )
    html = render_markdown(source)
    assert "<nr-" not in html
    assert "text" in html


def test_only_standalone_lines_are_shortcodes_for_the_page_and_export():
    source = "[[map]]\n\n```\n[[photo 1]]\n```\n\nText [[map]]"
    found = [(n, s.name) for n, (_line, s) in enumerate(shortcode_lines(source)) if s]
    assert found == [(0, "map")]
    assert body_places_map(render_markdown(source))
    assert not body_places_map(render_markdown("Text [[map]]"))
    assert len(parse_blocks(source)) == 2


@pytest.mark.django_db
def test_the_migration_rebuilds_bodies_cached_by_the_old_renderer():
    from django.apps import apps

    from articles.models import Article
    from tests.factories import ArticleFactory

    migration = importlib.import_module(
        "articles.migrations.0007_rerender_bodies_youtube_id"
    )
    article = ArticleFactory(body_en='<a title="[[dateline]]">x</a>')
    poisoned = '<p><a title="<nr-dateline></nr-dateline>">x</a></p>\n'
    Article.objects.filter(pk=article.pk).update(body_html_en=poisoned)
    migration.rerender_bodies(apps, None)
    article.refresh_from_db()
    assert article.body_html_en == render_markdown(article.body_en)
    assert "<nr-dateline>" not in article.body_html_en
