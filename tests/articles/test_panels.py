"""articles/panels.py: the apps above articles reach the page only as panels."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext

from articles import panels
from articles.models import Article
from tests.factories import ArticleFactory
from workflow.corrections import add_correction, edit_correction

pytestmark = pytest.mark.django_db

UPPER_APPS = ("live", "workflow", "syndication", "newsroom")
PANEL_TEMPLATES = {
    "test/head.html": '<meta name="test-head" content="{{ title }} {{ language }}">',
    "test/first.html": '<p class="test-first">{{ title }}</p>',
    "test/edits.html": '<p class="test-edits">{% for c in corrections %}'
    '<i class="edits">{{ c.edits.all|length }}</i>{% endfor %}</p>',
}


@pytest.fixture
def own_panels(monkeypatch, settings):
    """An empty registry for the test, and the test panels' templates."""
    monkeypatch.setattr(panels, "PANELS", {})
    engine = {**settings.TEMPLATES[0], "APP_DIRS": False}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", PANEL_TEMPLATES),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine]


def title_context(article, language):
    return {"title": article.title_en, "language": language}


def test_without_upper_panels_the_page_is_the_story_alone(client, own_panels):
    story = ArticleFactory(published=True)
    add_correction(story, "en", "correction", "An earlier version misspelt a name.")
    response = client.get(story.get_absolute_url("en"))
    assert response.status_code == 200
    page = response.content.decode()
    assert story.title_en in page
    assert "misspelt" not in page
    assert "og:title" not in page and "application/ld+json" not in page
    # for_page() itself no longer fetches the workflow's corrections.
    article = Article.objects.for_page().get(pk=story.pk)
    with CaptureQueriesContext(connection) as queries:
        list(article.corrections.all())
    assert len(queries) == 1


def test_panels_fill_their_slots_in_registration_order(client, own_panels):
    panels.register(panels.Panel("t.head", "head", "test/head.html", title_context))
    panels.register(
        panels.Panel("t.first", "after_body", "test/first.html", title_context)
    )
    panels.register(
        panels.Panel(
            "t.second",
            "after_body",
            "test/edits.html",
            lambda article, language: {"corrections": []},
        )
    )
    story = ArticleFactory(published=True)
    response = client.get(story.get_absolute_url("km"))
    page = BeautifulSoup(response.content, "html.parser")
    head = page.head.find("meta", attrs={"name": "test-head"})
    assert head["content"] == f"{story.title_en} km"
    body = page.find("div", class_="post__body")
    after = [p["class"][0] for p in body.find_next_siblings("p")]
    assert after == ["test-first", "test-edits"]


def test_a_lower_order_comes_first_in_its_slot(client, own_panels):
    panels.register(
        panels.Panel("t.later", "after_body", "test/first.html", title_context)
    )
    panels.register(
        panels.Panel(
            "t.sooner",
            "after_body",
            "test/edits.html",
            lambda article, language: {"corrections": []},
            order=10,
        )
    )
    story = ArticleFactory(published=True)
    page = BeautifulSoup(
        client.get(story.get_absolute_url("en")).content, "html.parser"
    )
    body = page.find("div", class_="post__body")
    after = [p["class"][0] for p in body.find_next_siblings("p")]
    assert after == ["test-edits", "test-first"]


def test_registered_prefetches_keep_the_page_query_count_fixed(client, own_panels):
    panels.register(
        panels.Panel(
            "t.edits",
            "after_body",
            "test/edits.html",
            lambda article, language: {"corrections": list(article.corrections.all())},
            prefetches=("corrections", "corrections__edits"),
        )
    )
    counts = []
    # A first visit fills what upper apps cache between changes (auto-links).
    client.get(ArticleFactory(published=True).get_absolute_url("en"))
    for number in (1, 4):
        story = ArticleFactory(published=True)
        for n in range(number):
            correction = add_correction(story, "en", "update", f"Update {n}.")
            edit_correction(correction, f"Update {n}, reworded.")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(story.get_absolute_url("en"))
        page = BeautifulSoup(response.content, "html.parser")
        assert [i.text for i in page.find_all("i", class_="edits")] == ["1"] * number
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_panel_for_an_unknown_slot_is_refused_in_plain_words(own_panels):
    with pytest.raises(ValueError, match="has the slots head, after_body"):
        panels.register(panels.Panel("t.aside", "sidebar", "x.html", title_context))
    assert panels.PANELS == {}


def test_registering_a_name_again_replaces_the_panel(own_panels):
    first = panels.Panel("t.p", "head", "a.html", title_context, ("tags",))
    second = panels.Panel("t.p", "after_body", "b.html", title_context, ("tags",))
    panels.register(first)
    panels.register(second)
    assert list(panels.PANELS.values()) == [second]
    assert panels.prefetches() == ["tags"]


def test_the_upper_apps_register_the_live_corrections_and_head_panels():
    slots = {name: panel.slot for name, panel in panels.PANELS.items()}
    assert slots == {
        "frontpage.onward": "after_body",
        "frontpage.share": "after_body",
        "people.assets": "head",
        "live.head": "head",
        "live.entries": "after_body",
        "workflow.corrections": "after_body",
        "syndication.head_metadata": "head",
        "elections.stylesheet": "head",
        "elections.by_the_numbers": "after_body",
    }
    assert panels.prefetches() == ["corrections"]  # asked by both, fetched once


def test_article_templates_name_no_app_above_articles():
    """No tag library, template or URL name of workflow, syndication or newsroom."""
    library_modules = engines["django"].engine.libraries  # name -> module path
    templates = Path(django_settings.BASE_DIR) / "templates" / "articles"
    found = []
    for path in sorted(templates.rglob("*.html")):
        text = path.read_text()
        for names in re.findall(r"{%\s*load\s+([^%]+?)\s*%}", text):
            found += [
                f"{path.name}: load {name}"
                for name in names.split()
                if library_modules.get(name, "").split(".")[0] in UPPER_APPS
            ]
        for target in re.findall(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)", text):
            if target.split("/")[0] in UPPER_APPS:
                found.append(f"{path.name}: {target}")
        for namespace in re.findall(r"{%\s*url\s+[\"'](\w+):", text):
            if namespace in UPPER_APPS:
                found.append(f"{path.name}: url {namespace}")
    assert found == []
