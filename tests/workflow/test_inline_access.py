"""A translator changes their language's captions, pullquotes and profile; nothing else.

Every test posts the change form directly, as a browser or a forger would.
"""

import pytest
from django.urls import reverse

from articles.models import PersonProfile, PhotoPlacement, Pullquote
from tests.admin_forms import change_url
from tests.factories import (
    PhotoFactory,
)
from tests.workflow.inline_support import (
    KHMER_ATTRIBUTION,
    KHMER_CAPTION,
    KHMER_QUOTE,
    RELATED,
    inline_fields,
    post_form,
    related_rows,
)
from workflow import revisions


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
