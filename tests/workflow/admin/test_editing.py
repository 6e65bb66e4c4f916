"""The workflow's part of the writing surface (workflow/admin/editing.py).

Autosave keeps one draft per user and story, never touches the story, is
dropped by a real save, and restoring a draft from an older version still
meets the version check. Translation sources mark what changed since the
translation was made.
"""

import json

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, AssignmentFactory
from tests.factories.workflow import AutosaveFactory
from workflow import outdated
from workflow.models import Autosave

pytestmark = pytest.mark.django_db

# From the archive sample: khmer/_posts/2013-01-01-quote-nou-sari.md
NOU_SARI = "ខ្ញុំបោះឆ្នោតឲ្យតែ ហ៊ុន សែន។ ខ្ញុំឃើញគេបោះ ចេះតែបោះតាមគេ។"


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def keep(client, article, data):
    return client.post(autosave_url(article), {"data": json.dumps(data)})


def test_a_draft_is_kept_per_user_and_never_touches_the_story(
    editor_client, editor, make_user
):
    article = ArticleFactory()
    body = article.body_km
    answer = keep(editor_client, article, {"body_km": [NOU_SARI]})
    assert answer.status_code == 200
    assert (
        keep(editor_client, article, {"body_km": [NOU_SARI + "!"]}).status_code == 200
    )
    draft = editor_client.get(autosave_url(article)).json()["draft"]
    assert draft["data"] == {"body_km": [NOU_SARI + "!"]}  # Khmer unchanged
    assert Autosave.objects.filter(user=editor, article=article).count() == 1
    article.refresh_from_db()
    assert article.body_km == body

    other = make_user("Editor", "other-editor")
    editor_client.force_login(other)
    assert editor_client.get(autosave_url(article)).json() == {"draft": None}


def test_discard_drops_the_draft(editor_client, editor):
    draft = AutosaveFactory(user=editor)
    answer = editor_client.post(autosave_url(draft.article), {"discard": "1"})
    assert answer.json() == {"draft": None}
    assert not Autosave.objects.exists()


def test_a_new_storys_draft_has_no_article(editor_client, editor):
    assert keep(editor_client, None, {"title_en": ["Not saved yet"]}).status_code == 200
    draft = Autosave.objects.get(user=editor)
    assert draft.article is None
    assert editor_client.get(autosave_url()).json()["draft"]["data"] == {
        "title_en": ["Not saved yet"]
    }


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", "x" * 2_000_001])
def test_bad_drafts_are_refused_plainly(editor_client, raw):
    article = ArticleFactory()
    answer = editor_client.post(autosave_url(article), {"data": raw})
    assert answer.status_code == 400
    assert not Autosave.objects.exists()


def test_only_who_may_change_the_story_keeps_drafts_of_it(client, make_user):
    article = ArticleFactory()
    reporter = make_user("Reporter")
    client.force_login(reporter)
    assert keep(client, article, {"title_en": ["x"]}).status_code == 404
    assert client.put(autosave_url(article)).status_code in (404, 405)
    AssignmentFactory(article=article, user=reporter)
    assert keep(client, article, {"title_en": ["x"]}).status_code == 200


def test_saving_the_form_drops_the_users_draft(editor_client, editor):
    article = ArticleFactory()
    AutosaveFactory(user=editor, article=article)
    data = form_data(editor_client.get(change_url(article)))
    data["title_en"] = "Saved for real"
    assert editor_client.post(change_url(article), data).status_code == 302
    assert not Autosave.objects.filter(article=article).exists()


def test_restoring_an_old_draft_meets_the_version_check(editor_client, editor):
    """The draft carries the version it was typed on; a save meanwhile conflicts."""
    article = ArticleFactory(title_en="Version one")
    opened = form_data(editor_client.get(change_url(article)))
    restored = {**opened, "title_en": "Typed before the crash"}
    Article.objects.filter(pk=article.pk).update(version=article.version + 1)
    answer = editor_client.post(change_url(article), restored)
    assert answer.status_code == 200  # refused: shows the conflict
    assert b"Edit conflict" in answer.content
    article.refresh_from_db()
    assert article.title_en == "Version one"


def test_the_form_carries_the_autosave_url(editor_client):
    article = ArticleFactory()
    html = editor_client.get(change_url(article)).content.decode()
    assert f'data-autosave-url="{autosave_url(article)}"' in html
    assert "workflow/autosave.js" in html


def parts(client, article):
    url = reverse("admin:articles_article_body_parts", args=[article.pk])
    return client.get(url).json()


def test_sources_mark_fields_changed_since_translating(editor_client):
    article = ArticleFactory()
    outdated.record_bases(article, ["km"])
    Article.objects.filter(pk=article.pk).update(body_en="A new English body.")
    sources = parts(editor_client, article)["sources"]
    assert set(sources) == {"km"}  # English is the original
    khmer = sources["km"]
    assert khmer["source_language"] == "en"
    assert khmer["fields"]["body"] == {
        "label": "Body",
        "text": "A new English body.",
        "changed": True,
    }
    assert khmer["fields"]["title"]["changed"] is False
    assert khmer["open"] is False  # an editor, not the Khmer translator


def test_the_khmer_translator_gets_the_source_open(client, make_user):
    article = ArticleFactory()
    translator = make_user("Translator")
    AssignmentFactory(
        article=article, user=translator, role="translator", language="km"
    )
    client.force_login(translator)
    khmer = parts(client, article)["sources"]["km"]
    assert khmer["open"] is True
    assert all(not field["changed"] for field in khmer["fields"].values())
