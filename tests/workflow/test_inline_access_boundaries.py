"""Where a translator's inline rights end: other stories, other languages, ready
versions, missing rows; editors keep every field.
"""

import pytest
from django.test import Client

from articles.models import PersonProfile, PhotoPlacement, Status
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    PhotoPlacementFactory,
)
from tests.workflow.inline_support import (
    KHMER_CAPTION,
    inline_fields,
    post_form,
    related_rows,
    translator_for,
    without,
)
from workflow import revisions


@pytest.mark.django_db
def test_translator_cannot_point_a_row_at_another_story(
    client, khmer_translator, story
):
    elsewhere = PhotoPlacementFactory(caption_km="នៅកន្លែងផ្សេង")
    client.force_login(khmer_translator)
    response = post_form(
        client,
        story,
        **{
            "placements-0-id": str(elsewhere.pk),
            "placements-0-caption_km": "បន្លំ",
        },
    )
    assert response.status_code == 302  # the unknown row is ignored
    response = post_form(
        client,
        story,
        **{
            "placements-0-article": str(elsewhere.article_id),
            "placements-0-caption_km": "បន្លំ",
        },
    )
    assert response.status_code == 200  # refused: the row is not this story's
    elsewhere.refresh_from_db()
    assert elsewhere.caption_km == "នៅកន្លែងផ្សេង"
    assert not PhotoPlacement.objects.filter(caption_km="បន្លំ").exists()


@pytest.mark.django_db
def test_translator_not_assigned_to_the_story_has_no_access(client, make_user, story):
    translator_for(make_user, ArticleFactory(), "km")  # assigned elsewhere
    client.force_login(make_user("Translator", username="translator-km"))
    before = related_rows(story)
    assert client.get(change_url(story)).status_code == 302  # "does not exist"
    client.post(
        change_url(story),
        {
            "placements-TOTAL_FORMS": "2",
            "placements-INITIAL_FORMS": "2",
            "placements-0-id": str(story.placements.first().pk),
            "placements-0-caption_km": "បន្លំ",
        },
    )
    assert related_rows(story) == before


@pytest.mark.django_db
def test_translator_cannot_post_once_their_language_is_ready(
    client, khmer_translator, story
):
    client.force_login(khmer_translator)
    data = form_data(client.get(change_url(story)))
    story.__class__.objects.filter(pk=story.pk).update(status_km=Status.READY)
    data["placements-0-caption_km"] = KHMER_CAPTION
    assert client.post(change_url(story), data).status_code == 403
    assert story.placements.get(position=1).caption_km == "ចាស់"


@pytest.mark.django_db
def test_english_translator_edits_english_and_cannot_touch_khmer(
    client, make_user, story
):
    translator = translator_for(make_user, story, "en")
    client.force_login(translator)
    fields = inline_fields(client.get(change_url(story)))
    assert fields["placements"] == {"id", "article", "caption_en"}
    before = related_rows(story)
    response = post_form(
        client,
        story,
        **{
            "placements-0-caption_en": "Voters queue in Phnom Penh",
            "placements-0-caption_km": "បន្លំ",
            "placements-0-position": "5",
            "pullquotes-0-text_en": "“We are not afraid.”",
            "pullquotes-0-text_km": "បន្លំ",
            "profile-0-name_km": "បន្លំ",
            "profile-0-DELETE": "on",
        },
    )
    assert response.status_code == 302
    after = related_rows(story)
    assert after["placements"][0]["caption_en"] == "Voters queue in Phnom Penh"
    assert after["pullquotes"][0]["text_en"] == "“We are not afraid.”"
    edited = {"caption", "caption_en", "text", "text_en"}  # "caption" mirrors en
    for rows in (before, after):  # all else, Khmer included, is as it was
        rows["placements"][0] = without(rows["placements"][0], edited)
        rows["pullquotes"][0] = without(rows["pullquotes"][0], edited)
    assert after == before


@pytest.mark.django_db
def test_translator_of_a_story_without_profile_cannot_add_one(client, make_user):
    article = ArticleFactory()
    translator = translator_for(make_user, article, "km")
    client.force_login(translator)
    response = post_form(
        client,
        article,
        **{"profile-TOTAL_FORMS": "1", "profile-0-name_km": "សុខ"},
    )
    assert response.status_code == 302
    assert not PersonProfile.objects.filter(article=article).exists()


@pytest.mark.django_db
def test_editor_keeps_every_inline_field(editor_client, story):
    fields = inline_fields(editor_client.get(change_url(story)))
    assert {"position", "kind", "photo", "caption_en", "caption_km", "DELETE"} <= (
        fields["placements"]
    )
    assert {"position", "author", "role", "DELETE"} <= fields["bylines"]
    response = post_form(
        editor_client,
        story,
        **{"placements-0-kind": "hero", "placements-1-kind": "hero"},
    )
    assert response.status_code == 200
    assert "A story has only one hero photo" in response.content.decode()
    response = post_form(
        editor_client,
        story,
        **{"placements-0-position": "5", "placements-1-DELETE": "on"},
    )
    assert response.status_code == 302
    assert list(story.placements.values_list("position", flat=True)) == [5]
    story.refresh_from_db()
    latest, previous = story.revisions.all()[:2]
    changes = revisions.diff(previous.data, latest.data)
    by_label = {change["label"]: change["lines"] for change in changes}
    assert set(by_label) == {
        "Placements",
        "Placements (English)",
        "Placements (Khmer)",  # renumbered: "#1 caption: …" → "#5 caption: …"
    }
    assert "- #2 caption: Ballot box" in by_label["Placements (English)"]
    assert "+ #5 caption: ចាស់" in by_label["Placements (Khmer)"]
    assert any(
        line.startswith("+ photo placement: ") for line in by_label["Placements"]
    )


@pytest.mark.django_db
def test_translator_caption_edit_after_an_editors_save_is_refused_then_merged(
    client, editor, khmer_translator, story
):
    """The version check covers the inlines: the translator's caption waits."""
    client.force_login(khmer_translator)
    editor_client = Client()
    editor_client.force_login(editor)
    translation = form_data(client.get(change_url(story)))
    response = post_form(
        editor_client, story, **{"placements-0-caption_en": "Voters queue at dawn"}
    )
    assert response.status_code == 302

    translation["placements-0-caption_km"] = KHMER_CAPTION
    refused = client.post(change_url(story), translation)
    assert refused.status_code == 200
    errors = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "editor saved this story after you opened it" in errors
    assert "Placements (English): - #1 caption: Voters queue" in errors
    assert story.placements.get(position=1).caption_km == "ចាស់"  # not saved

    kept = form_data(refused)
    assert kept["placements-0-caption_km"] == KHMER_CAPTION  # nothing typed is lost
    assert client.post(change_url(story), kept).status_code == 302
    first = story.placements.get(position=1)
    assert (first.caption_en, first.caption_km) == (
        "Voters queue at dawn",
        KHMER_CAPTION,
    )
