"""The body's writing surface (articles/admin_editor.py): widget, preview, parts.

The preview must be the page's own rendering (shortcodes expanded from the
story's saved parts, raw HTML sanitised), answer only staff who may see the
story, and refuse a POST without the CSRF token.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import change_url
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
)

pytestmark = pytest.mark.django_db

# From the archive sample: khmer/_posts/2013-01-01-quote-nou-sari.md
NOU_SARI = "ខ្ញុំបោះឆ្នោតឲ្យតែ ហ៊ុន សែន។ ខ្ញុំឃើញគេបោះ ចេះតែបោះតាមគេ។"


def preview_url(article):
    return reverse("admin:articles_article_body_preview", args=[article.pk])


def parts_url(article):
    return reverse("admin:articles_article_body_parts", args=[article.pk])


@pytest.fixture
def story():
    article = ArticleFactory(latitude=11.56, longitude=104.92, youtube_id="u1uYkdS39JI")
    PhotoPlacementFactory(
        article=article,
        position=2,
        caption_en="Voters queue in Kampot",
        photo__cutline_km="អ្នកបោះឆ្នោតតម្រង់ជួរ",
    )
    PullquoteFactory(article=article, position=1)
    return article


def test_both_bodies_are_editor_textareas_with_their_urls(editor_client, story):
    response = editor_client.get(change_url(story))
    html = response.content.decode()
    for language in ("en", "km"):
        assert f'data-markdown-editor="{language}"' in html
    assert f'data-preview-url="{preview_url(story)}"' in html
    assert f'data-parts-url="{parts_url(story)}"' in html
    assert "vendor/easymde/easymde.min.js" in html
    assert "articles/editor.js" in html


def test_add_form_previews_without_a_story(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    assert 'data-preview-url="/admin/articles/article/body-preview/"' in (
        response.content.decode()
    )
    answer = editor_client.post(
        reverse("admin:articles_article_body_preview_new"),
        {"language": "en", "body": "## A heading\n\n[[photo 1]]"},
    )
    assert answer.json()["html"].strip() == "<h2>A heading</h2>"  # no photo yet


def test_preview_expands_the_storys_photo_and_sanitises(editor_client, story):
    body = (
        "Hello *world*.\n\n[[photo 2]]\n\n<script>alert(1)</script>\n\n[[pullquote 1]]"
    )
    answer = editor_client.post(preview_url(story), {"language": "en", "body": body})
    html = answer.json()["html"]
    # The dateline opens the first paragraph, as on the page.
    assert '<p><span class="dateline">Phnom Penh</span> Hello' in html
    assert "<em>world</em>" in html
    assert "Voters queue in Kampot" in html and "<figure" in html
    assert "boss will notice" in html  # the pullquote
    assert "<script" not in html


def test_preview_in_khmer_keeps_the_text_and_uses_khmer_parts(editor_client, story):
    body = f"{NOU_SARI}\n\n[[photo 2]]"
    answer = editor_client.post(preview_url(story), {"language": "km", "body": body})
    html = answer.json()["html"]
    assert NOU_SARI in html
    assert "អ្នកបោះឆ្នោតតម្រង់ជួរ" in html  # the photo's Khmer cutline


def test_preview_refuses_a_post_without_the_csrf_token(editor, story):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    answer = client.post(preview_url(story), {"language": "en", "body": "Hi"})
    assert answer.status_code == 403


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"language": "fr", "body": "Hi"}, 400),
        ({"language": "en", "body": "x" * 500_001}, 400),
    ],
)
def test_preview_refuses_bad_input_plainly(editor_client, story, data, status):
    answer = editor_client.post(preview_url(story), data)
    assert answer.status_code == status
    assert b"Traceback" not in answer.content


def test_preview_is_post_only(editor_client, story):
    assert editor_client.get(preview_url(story)).status_code == 405


def test_a_malformed_story_number_is_a_404(editor_client):
    url = reverse("admin:articles_article_body_parts", args=["not-a-number"])
    assert editor_client.get(url).status_code == 404


def test_only_staff_who_see_the_story_get_its_preview(client, make_user, story):
    body = {"language": "en", "body": "Hi"}
    assert client.post(preview_url(story), body).status_code == 302  # to login
    reporter = make_user("Reporter")
    client.force_login(reporter)
    assert client.post(preview_url(story), body).status_code == 404
    assert client.get(parts_url(story)).status_code == 404
    AssignmentFactory(article=story, user=reporter)
    assert client.post(preview_url(story), body).status_code == 200


def test_parts_list_what_the_pickers_insert(editor_client, story):
    parts = editor_client.get(parts_url(story)).json()
    [photo] = parts["photos"]
    assert photo["shortcode"] == "[[photo 2]]"
    assert photo["captions"] == {
        "en": "Voters queue in Kampot",
        "km": "អ្នកបោះឆ្នោតតម្រង់ជួរ",
    }
    assert photo["thumbnail"].startswith("/media/photos/")
    [quote] = parts["pullquotes"]
    assert quote["shortcode"] == "[[pullquote 1]]"
    assert quote["texts"]["km"].startswith("«បើ")
    assert parts["videos"] == [
        {"shortcode": "[[video youtube=u1uYkdS39JI]]", "id": "u1uYkdS39JI"}
    ]
    assert parts["map"] == {"shortcode": "[[map]]"}


def test_a_story_without_place_offers_no_map(editor_client):
    article = ArticleFactory(location_name="")
    assert editor_client.get(parts_url(article)).json()["map"] is None
