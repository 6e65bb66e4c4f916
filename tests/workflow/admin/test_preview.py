"""The change form's Preview: the form's unsaved state, as readers will see it,
saved nowhere, for staff who may see the story only."""

import html

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.factories import KHMER_TITLE, ArticleFactory, PullquoteFactory
from workflow.models import Revision

pytestmark = pytest.mark.django_db

TYPED_KM = "មន្ត្រីរាជការ​ត្រូវ​បាន​គេ​ប្រាប់​ឲ្យ​ចូលរួម​ការ​ឃោសនា"


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def frames(response):
    """{language: the page inside the preview frame, unescaped}."""
    text = response.content.decode()
    found = {}
    for code in ("en", "km"):
        marker = f'data-language="{code}" sandbox="allow-same-origin" srcdoc="'
        start = text.index(marker) + len(marker)
        found[code] = html.unescape(text[start : text.index('"', start)])
    return found


@pytest.fixture
def story():
    article = ArticleFactory(title_en="Civil servants campaign")
    PullquoteFactory(article=article, position=1)
    return article


def test_preview_shows_unsaved_text_and_inlines_in_both_languages(editor_client, story):
    data = form_data(editor_client.get(change_url(story)))
    data.update(
        title_en="A headline typed, not saved",
        body_en="Typed.\n\n[[pullquote 1]]",
        body_km=f"{TYPED_KM}\n\n[[pullquote 1]]",
        **{"pullquotes-0-text_en": "A quote typed, not saved"},
    )
    before = (story.version, Revision.objects.count())

    response = editor_client.post(preview_url(story), data)

    assert response.status_code == 200
    pages = frames(response)
    assert '<h1 class="post__headline">A headline typed, not saved</h1>' in pages["en"]
    assert "A quote typed, not saved" in pages["en"]
    assert TYPED_KM in pages["km"] and KHMER_TITLE in pages["km"]
    assert "«បើ​សិន​ជា​យើង​មិន​ចូល​រួម​ឃោសនា​ទេ មេ​នឹង​ចំណាំ​មុខ»" in pages["km"]
    for page in pages.values():
        assert '<meta name="robots" content="noindex, nofollow">' in page
        assert 'class="preview-banner"' in page
        assert 'rel="canonical"' not in page  # no head panels
    assert "ការមើលជាមុន" in pages["km"] and "Preview:" not in pages["km"]
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Saved nowhere: the story, its pullquote, its version and history as before.
    story = Article.objects.get(pk=story.pk)
    assert story.title_en == "Civil servants campaign"
    assert TYPED_KM not in story.body_km and TYPED_KM not in story.body_html_km
    assert story.pullquotes.get().text_en != "A quote typed, not saved"
    assert (story.version, Revision.objects.count()) == before


def test_preview_ignores_a_newer_save_and_shows_the_form(editor_client, story):
    data = form_data(editor_client.get(change_url(story)))
    Article.objects.filter(pk=story.pk).update(version=story.version + 5)
    data["title_en"] = "Mine, typed over an old version"
    pages = frames(editor_client.post(preview_url(story), data))
    assert "Mine, typed over an old version" in pages["en"]


def test_a_form_error_is_listed_and_nothing_saved(editor_client, story):
    data = form_data(editor_client.get(change_url(story)))
    data.update(title_en="Half a map pin", latitude_en="11.5", longitude_en="")
    response = editor_client.post(preview_url(story), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "cannot be previewed until these are fixed" in text
    assert "Give both latitude and longitude" in text
    assert Article.objects.get(pk=story.pk).title_en == "Civil servants campaign"


def test_opened_by_address_it_shows_the_saved_story(editor_client, story):
    response = editor_client.get(preview_url(story) + "?language=km")
    pages = frames(response)
    assert "Civil servants campaign" in pages["en"]
    text = response.content.decode()
    assert 'data-language="en" sandbox="allow-same-origin" srcdoc=' in text
    assert "As saved." in text


def test_only_staff_who_may_see_the_story_open_it(client, make_user, story):
    anonymous = client.get(preview_url(story))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(make_user("Reporter"))  # not assigned to this story
    assert client.get(preview_url(story)).status_code == 404
    assert client.post(preview_url(story), {"title_en": "x"}).status_code == 404


def test_the_change_form_offers_a_preview_per_language(editor_client, story):
    page = editor_client.get(change_url(story)).content.decode()
    for code in ("en", "km"):
        assert f'name="_preview_language" value="{code}"' in page
    assert f'formaction="{preview_url(story)}"' in page


def test_a_translator_previews_their_language_only(client, make_user, story):
    from tests.workflow.inline_support import translator_for

    translator = translator_for(make_user, story, "km")
    client.force_login(translator)
    data = form_data(client.get(change_url(story)))
    assert "title_en" not in data  # read-only for them
    data.update(title_km="ចំណងជើង​ដែល​អ្នកបកប្រែ​វាយ", title_en="Tampered")
    pages = frames(client.post(preview_url(story), data))
    assert "ចំណងជើង​ដែល​អ្នកបកប្រែ​វាយ" in pages["km"]
    assert "Tampered" not in pages["en"] and "Civil servants campaign" in pages["en"]
    assert Article.objects.get(pk=story.pk).title_km == KHMER_TITLE
