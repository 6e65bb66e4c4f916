"""The desk's posting form, reached from the live story, and the entry admin."""

import pytest
from bs4 import BeautifulSoup

from live.models import LiveEntry
from tests.factories import ArticleFactory, AuthorFactory
from tests.factories.live import LiveEntryFactory

pytestmark = pytest.mark.django_db


def post_url(story):
    return f"/admin/live/liveentry/post/{story.pk}/"


def test_the_story_change_form_links_to_the_posting_form(editor_client, story):
    response = editor_client.get(f"/admin/articles/article/{story.pk}/change/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f".object-tools a[href='{post_url(story)}']") is not None


def test_other_stories_have_no_posting_link(editor_client):
    story = ArticleFactory()
    response = editor_client.get(f"/admin/articles/article/{story.pk}/change/")
    assert "/admin/live/liveentry/post/" not in response.content.decode()


def test_the_form_has_one_field_per_language_and_its_key_script(editor_client, story):
    soup = BeautifulSoup(editor_client.get(post_url(story)).content, "html.parser")
    fields = soup.select(".live-post__texts textarea")
    assert [(f["name"], f["lang"]) for f in fields] == [
        ("body_en", "en"),
        ("body_km", "km"),
    ]
    assert soup.select_one("script[src$='live/post.js']") is not None
    assert not [s for s in soup.select("script") if s.string and s.string.strip()]


def test_posting_lands_back_on_the_form_and_remembers_the_author(
    editor_client, editor, story, khmer_lines, django_capture_on_commit_callbacks
):
    author = AuthorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            post_url(story),
            {
                "body_en": "Polls closed.",
                "body_km": khmer_lines[2],
                "author": author.pk,
            },
        )
    assert response.status_code == 302
    assert response["Location"] == post_url(story)
    entry = LiveEntry.objects.get()
    assert (entry.story, entry.author, entry.posted_by) == (story, author, editor)
    assert entry.body_km == khmer_lines[2]
    soup = BeautifulSoup(editor_client.get(post_url(story)).content, "html.parser")
    assert soup.select_one("select[name=author] option[selected]")["value"] == str(
        author.pk
    )
    assert "Polls closed." in soup.select_one(".live-post__entries").get_text()
    # Readers have it in both languages.
    page = editor_client.get(story.get_absolute_url("km")).content.decode()
    assert khmer_lines[2] in page


def test_an_empty_entry_or_a_bad_video_is_refused_in_plain_words(editor_client, story):
    empty = editor_client.post(post_url(story), {"body_en": "  ", "body_km": ""})
    assert "Write the entry in at least one language." in empty.content.decode()
    video = editor_client.post(
        post_url(story), {"body_en": "Watch", "youtube_id": "https://vimeo.com/1"}
    )
    assert "That is not a YouTube video" in video.content.decode()
    assert not LiveEntry.objects.exists()


def test_a_youtube_address_is_stored_as_its_id(editor_client, story):
    editor_client.post(
        post_url(story),
        {"body_en": "Watch", "youtube_id": "https://youtu.be/u1uYkdS39JI"},
    )
    assert LiveEntry.objects.get().youtube_id == "u1uYkdS39JI"


def test_only_live_stories_have_a_posting_form(editor_client):
    assert editor_client.get(post_url(ArticleFactory())).status_code == 404


@pytest.mark.parametrize(("role", "status"), [("Reporter", 200), ("Translator", 403)])
def test_reporters_post_and_translators_do_not(client, make_user, story, role, status):
    client.force_login(make_user(role))
    assert client.get(post_url(story)).status_code == status


def test_a_translator_adds_khmer_in_the_change_form_without_a_correction(
    client, make_user, story, khmer_lines
):
    entry = LiveEntryFactory(story=story, body_km="")
    client.force_login(make_user("Translator"))
    url = f"/admin/live/liveentry/{entry.pk}/change/"
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one(
        "form#liveentry_form"
    )
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in ("checkbox", "submit")
    }
    data.update(
        {
            "body_en": entry.body_en,
            "body_km": khmer_lines[3],
            "author": entry.author_id,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.body_km == khmer_lines[3]
    assert entry.edited_at_en is None and entry.edited_at_km is None
