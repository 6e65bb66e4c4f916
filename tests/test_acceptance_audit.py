"""Acceptance checks from the audit of issues 2 and 3 that no other test covered."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.importers.jekyll import import_site
from articles.models import Article, ImportedPost, Status
from articles.rendering import render_markdown
from tests.factories import ArticleFactory

# Source syntax that must never reach a reader: shortcodes, Liquid, kramdown
# attribute lists, the dateline token, and Python's None from an empty field.
LEAKS = re.compile(r"\[\[|\]\]|\{%|%\}|\{\{|\{:|\$DATELINE\$|\bNone\b")


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
