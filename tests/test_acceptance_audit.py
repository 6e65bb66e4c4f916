"""Acceptance checks from the audit of issues 2 and 3 that no other test covered."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.importers.jekyll import import_site
from articles.models import Article, ImportedPost, Status
from articles.rendering import render_markdown
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, PullquoteFactory

# Source syntax that must never reach a reader: shortcodes, Liquid, kramdown
# attribute lists, Markdown links left unparsed, the dateline token, and
# Python's None from an empty field.
LEAKS = re.compile(r"\[\[|\]\]|\{%|%\}|\{\{|\{:|\]\(|\$DATELINE\$|\bNone\b")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("emptied", "message"),
    [
        ({"title_km": ""}, "The Khmer title is empty"),
        ({"body_km": "  \n"}, "The Khmer body is empty"),
    ],
)
def test_change_form_publish_button_refuses_an_empty_language(
    editor_client, emptied, message
):
    """Publishing is a workflow action on the change form: refused, nothing saved."""
    article = ArticleFactory(status_km=Status.READY, **emptied)
    response = editor_client.post(
        reverse("admin:articles_article_transition", args=[article.pk]),
        {"transition": "publish:km"},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any(message in m and "cannot be published" in m for m in shown), shown
    article.refresh_from_db()
    assert article.status_km == Status.READY
    assert article.published_at_km is None
    assert not article.transitions.exists()
    assert not Article.objects.published("km").exists()


@pytest.mark.django_db
@pytest.mark.fixtures_voa
def test_no_imported_page_leaks_source_syntax(voa_fixtures, client):
    """All 22 imported pages: no "[[", "{%", "{:", "$DATELINE$" or "None" shown."""
    assert import_site(voa_fixtures).ok
    pages = 0
    for post in ImportedPost.objects.select_related("article__section"):
        response = client.get(post.article.get_absolute_url(post.language))
        assert response.status_code == 200, post.source_path
        article = BeautifulSoup(response.content, "html.parser").find("article")
        text = article.get_text(" ")
        leak = LEAKS.search(text)
        assert leak is None, (post.source_path, text[leak.start() - 60 : leak.end()])
        attributes = " ".join(
            str(value) for tag in article.find_all(True) for value in tag.attrs.values()
        )
        assert "None" not in attributes, post.source_path
        pages += 1
    assert pages == 22


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


@pytest.mark.django_db
def test_unpublished_khmer_address_appears_nowhere_on_the_english_page(client):
    """Not in the translation link, hreflang, JSON-LD or anywhere else."""
    article = ArticleFactory(english_only=True)
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert article.get_absolute_url("km") not in english
    assert article.title_km not in english


@pytest.mark.django_db
def test_bad_latitude_on_the_change_form_saves_nothing_at_all(editor_client):
    """The story's fields and its inlines stay as they were, not half-saved."""
    article = ArticleFactory(title_en="Before")
    pullquote = PullquoteFactory(article=article, position=1, text_en="Old quote")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    article.refresh_from_db()
    version, revisions = article.version, article.revisions.count()
    quote_text = next(k for k in data if k.endswith("-text_en"))
    data.update(
        {"title_en": "After", "latitude": "200", "longitude": "104", quote_text: "New"}
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ") for e in page.select(".errorlist"))
    assert "Latitude must be between -90 and 90" in errors
    article.refresh_from_db()
    pullquote.refresh_from_db()
    assert (article.title_en, article.latitude) == ("Before", None)
    assert pullquote.text_en == "Old quote"
    assert (article.version, article.revisions.count()) == (version, revisions)


def test_styled_block_keeps_every_class_and_its_anchor():
    """{:.voa__tagline.other} and {:#anchor} from the archive, as stored."""
    html = render_markdown(
        '[[styled class="voa__tagline other"]]\nTagline.\n[[/styled]]\n\n'
        '[[styled class="" id=plain-anchor]]\nAnchored.\n[[/styled]]'
    )
    assert '<div class="styled styled--voa__tagline styled--other">' in html
    assert '<div class="styled" id="plain-anchor">' in html


@pytest.mark.django_db
def test_map_embed_without_coordinates_or_label_renders_nothing(client):
    article = ArticleFactory(
        published=True, body_en="Text.\n\n[[map]]\n\nMore.", map_pin_en=""
    )
    assert (article.latitude, article.location_name) == (None, "")
    page = BeautifulSoup(
        client.get(article.get_absolute_url("en")).content, "html.parser"
    )
    assert page.select("figure.locator") == []


@pytest.mark.django_db
def test_an_attribute_line_with_no_block_after_it_is_dropped_with_a_warning(
    tmp_path,
):
    site = tmp_path / "site"
    posts = site / "english/_posts"
    posts.mkdir(parents=True)
    (posts / "2018-01-01-dangling.md").write_text(
        "---\ntitle: Dangling\ncategories: feature\n---\n\nText.\n\n{:.pullquote}\n",
        encoding="utf-8",
    )
    report = import_site(site)
    assert report.ok, report.failures
    assert "{:" not in Article.objects.get(slug="dangling").body_en
    assert any("dangling.md" in w and "{:.pullquote}" in w for w in report.warnings), (
        report.warnings
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "inside_body"),
    [("Text.\n\n[[map]]\n\nMore.", True), ("Text.\n\nMore.", False)],
)
def test_the_locator_is_shown_once(client, body, inside_body):
    """Where the body places it ({% include map.html %}), else after the body."""
    article = ArticleFactory(
        published=True,
        body_en=body,
        latitude="11.556062",
        longitude="104.936943",
        map_pin_en="Phnom Penh",
    )
    page = BeautifulSoup(
        client.get(article.get_absolute_url("en")).content, "html.parser"
    )
    assert len(page.select("figure.locator")) == 1
    assert len(page.select(".post__body figure.locator")) == int(inside_body)
