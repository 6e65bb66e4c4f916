"""A translator changes their language's captions, pullquotes and profile; nothing else.

Every test posts the change form directly, as a browser or a forger would.
"""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import PersonProfile, PhotoPlacement, Pullquote, Status
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
)
from tests.factories.articles import PersonProfileFactory
from workflow import revisions

# Zero-width spaces (U+200B) between words, as Khmer is typed.
KHMER_CAPTION = "អ្នក\u200bបោះ\u200bឆ្នោត\u200bតម្រង់\u200bជួរ\u200bនៅ\u200bភ្នំពេញ"
KHMER_QUOTE = "«ខ្ញុំ\u200bមិន\u200bខ្លាច\u200bទេ»"
KHMER_ATTRIBUTION = "ស៊ុន\u200bណារិន"
RELATED = ("placements", "pullquotes", "profile")


@pytest.fixture
def story():
    article = ArticleFactory()
    BylineFactory(article=article, position=1)
    PhotoPlacementFactory(
        article=article, position=1, caption_en="Voters queue", caption_km="ចាស់"
    )
    PhotoPlacementFactory(article=article, position=2, caption_en="Ballot box")
    PullquoteFactory(article=article, position=1, attribution_en="Sun Narin")
    PersonProfileFactory(
        article=article, persona_en="Voter", name_en="Sok", name_km="សុខ", age=40
    )
    return article


def translator_for(make_user, article, language):
    user = make_user("Translator", username=f"translator-{language}")
    AssignmentFactory(article=article, user=user, role="translator", language=language)
    return user


@pytest.fixture
def khmer_translator(make_user, story):
    return translator_for(make_user, story, "km")


def related_rows(article):
    """The story's placements, pullquotes and profile as the revisions store them."""
    data = revisions.snapshot(article)
    return {name: data[name] for name in RELATED}


def without(row, names):
    return {key: value for key, value in row.items() if key not in names}


def post_form(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def inline_fields(response):
    """{formset prefix: set of field names of its first form}."""
    return {
        inline.formset.prefix: set(inline.formset.forms[0].fields)
        for inline in response.context["inline_admin_formsets"]
    }


@pytest.mark.django_db
def test_khmer_translator_form_holds_only_khmer_inline_fields(
    client, khmer_translator, story
):
    client.force_login(khmer_translator)
    response = client.get(change_url(story))
    fields = inline_fields(response)
    assert fields["placements"] == {"id", "article", "caption_km"}
    assert fields["pullquotes"] == {"id", "article", "text_km", "attribution_km"}
    assert fields["profile"] == {
        "id",
        "article",
        "persona_km",
        "name_km",
        "occupation_km",
        "party_km",
    }
    page = response.content.decode()
    assert 'name="bylines-0-role"' not in page  # bylines stay view-only
    assert "Voters queue" in page  # the English caption is shown, read-only
    assert 'name="placements-0-caption_en"' not in page
    assert 'name="placements-0-DELETE"' not in page
    assert 'name="placements-0-caption_km"' in page


@pytest.mark.django_db
def test_khmer_translator_saves_khmer_caption_quote_and_profile(
    client, khmer_translator, story
):
    client.force_login(khmer_translator)
    before = related_rows(story)
    version = story.version
    response = post_form(
        client,
        story,
        change_note="Translated the captions",
        **{
            "placements-1-caption_km": KHMER_CAPTION,
            "pullquotes-0-text_km": KHMER_QUOTE,
            "pullquotes-0-attribution_km": KHMER_ATTRIBUTION,
            "profile-0-occupation_km": "កសិករ",
        },
    )
    assert response.status_code == 302
    second = story.placements.get(position=2)
    assert second.caption_km == KHMER_CAPTION  # byte for byte, U+200B kept
    assert second.caption_km.encode() == KHMER_CAPTION.encode()
    assert second.caption_en == "Ballot box"
    quote = story.pullquotes.get()
    assert (quote.text_km, quote.attribution_km) == (KHMER_QUOTE, KHMER_ATTRIBUTION)
    assert quote.attribution_en == "Sun Narin"
    assert PersonProfile.objects.get(article=story).occupation_km == "កសិករ"
    story.refresh_from_db()
    assert story.version == version + 1

    revision = story.revisions.get(version=story.version)
    assert (revision.author, revision.note) == (
        khmer_translator,
        "Translated the captions",
    )
    baseline = story.revisions.get(version=version)  # written when the form opened
    assert {name: baseline.data[name] for name in RELATED} == before
    changes = revisions.diff(baseline.data, revision.data)
    by_label = {change["label"]: change["lines"] for change in changes}
    assert set(by_label) == {
        "Placements (Khmer)",
        "Pullquotes (Khmer)",
        "Profile (Khmer)",
    }
    assert f"+ #2 caption: {KHMER_CAPTION}" in by_label["Placements (Khmer)"]
    assert f"+ #1 text: {KHMER_QUOTE}" in by_label["Pullquotes (Khmer)"]
    history = client.get(
        reverse("admin:articles_article_revisions", args=[story.pk]),
        {"a": version, "b": story.version},
    ).content.decode()
    assert "Placements (Khmer)" in history and KHMER_CAPTION in history


TAMPERING = {
    "English caption": {"placements-0-caption_en": "Forged English caption"},
    "photo": {"placements-0-photo": "PHOTO"},
    "position": {"placements-0-position": "7", "pullquotes-0-position": "9"},
    "kind": {"placements-0-kind": PhotoPlacement.Kind.HERO},
    "English pullquote": {"pullquotes-0-text_en": "Forged quote"},
    "profile age": {"profile-0-age": "99", "profile-0-name_en": "Forged"},
    "new placement": {
        "placements-TOTAL_FORMS": "3",
        "placements-2-id": "",
        "placements-2-article": "STORY",
        "placements-2-photo": "PHOTO",
        "placements-2-kind": PhotoPlacement.Kind.INLINE,
        "placements-2-position": "3",
        "placements-2-caption_km": "ថ្មី",
    },
    "new pullquote": {
        "pullquotes-TOTAL_FORMS": "2",
        "pullquotes-1-id": "",
        "pullquotes-1-article": "STORY",
        "pullquotes-1-position": "2",
        "pullquotes-1-text_km": "សម្រង់ថ្មី",
    },
    "new profile": {"profile-TOTAL_FORMS": "2", "profile-1-name_km": "ថ្មី"},
    "deleted rows": {
        "placements-0-DELETE": "on",
        "pullquotes-0-DELETE": "on",
        "profile-0-DELETE": "on",
    },
    "byline": {"bylines-0-role": "photographer"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("tamper", TAMPERING.values(), ids=TAMPERING.keys())
def test_khmer_translator_tampering_changes_nothing(
    client, khmer_translator, story, tamper
):
    """Forged fields are ignored; the Khmer edit in the same POST is kept."""
    client.force_login(khmer_translator)
    other_photo = PhotoFactory()
    before = related_rows(story)
    forged = {
        key: {"PHOTO": str(other_photo.pk), "STORY": str(story.pk)}.get(value, value)
        for key, value in tamper.items()
    }
    response = post_form(
        client, story, **{"placements-0-caption_km": KHMER_CAPTION}, **forged
    )
    assert response.status_code == 302, response.context["errors"]
    after = related_rows(story)
    assert after["placements"][0]["caption_km"] == KHMER_CAPTION
    after["placements"][0]["caption_km"] = before["placements"][0]["caption_km"]
    assert after == before
    assert story.bylines.get().role == "reporter"
    assert PhotoPlacement.objects.count() == 2
    assert Pullquote.objects.count() == 1
    assert PersonProfile.objects.count() == 1


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
