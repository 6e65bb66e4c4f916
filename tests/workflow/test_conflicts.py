"""After an edit conflict, saving again needs an explicit choice per part."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.test import Client

from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, PhotoPlacementFactory
from workflow.models import AuditEntry

pytestmark = pytest.mark.django_db

ORIGINAL = {"title_en": "Original", "body_km": "ដើម។", "summary_en": "Old summary"}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editors(make_user):
    return logged_in(make_user("Editor", "dara")), logged_in(
        make_user("Editor", "sokha")
    )


@pytest.fixture
def story():
    article = ArticleFactory(**ORIGINAL)
    PhotoPlacementFactory(article=article, position=1, caption_en="Voters queue")
    return article


def errors(response):
    return list(response.context["adminform"].form.non_field_errors())


def conflict_parts(response):
    """{part label: (theirs, yours)} as the conflict table shows them."""
    table = BeautifulSoup(response.content, "html.parser").find(id="edit-conflict")
    return {
        row.th.get_text(strip=True): tuple(
            pre.get_text() for pre in row.find_all("pre")
        )
        for row in table.tbody.find_all("tr")
    }


def stored(article):
    article.refresh_from_db()
    return {name: getattr(article, name) for name in ORIGINAL}


def refused_after_a_save(editors, story):
    """Dara saves title and Khmer body; Sokha, who opened before, saves too."""
    dara, sokha = editors
    first, second = (form_data(c.get(change_url(story))) for c in editors)
    first.update(title_en="Dara's headline", body_km="អត្ថបទរបស់ដារ៉ា។")
    assert dara.post(change_url(story), first).status_code == 302
    second.update(title_en="Sokha's headline", summary_en="Sokha's summary")
    refused = sokha.post(change_url(story), second)
    assert refused.status_code == 200
    return refused


def test_the_refusal_shows_both_versions_of_each_part_in_both_languages(editors, story):
    refused = refused_after_a_save(editors, story)
    assert conflict_parts(refused) == {
        "Title (English)": ("Dara's headline", "Sokha's headline"),
        "Body (Khmer)": ("អត្ថបទរបស់ដារ៉ា។", "ដើម។"),  # her form would undo it
    }
    assert "dara saved this story after you opened it" in errors(refused)[0]
    kept = form_data(refused)
    assert (kept["title_en"], kept["summary_en"]) == (
        "Sokha's headline",
        "Sokha's summary",
    )
    # The form still says which version Sokha opened; only the conflict
    # table carries the version she is now shown.
    assert kept["edit_version"] == "0"
    assert kept["conflict_version"] == "1"


def test_saving_again_without_choosing_is_refused_the_same_way(editors, story):
    refused = refused_after_a_save(editors, story)
    again = editors[1].post(change_url(story), form_data(refused))
    assert again.status_code == 200
    assert errors(again) == errors(refused)
    assert conflict_parts(again) == conflict_parts(refused)
    assert stored(story) == {
        "title_en": "Dara's headline",
        "body_km": "អត្ថបទរបស់ដារ៉ា។",
        "summary_en": "Old summary",
    }
    assert not AuditEntry.objects.filter(action="conflict_save").exists()


def test_an_explicit_choice_saves_and_is_audited(editors, story):
    refused = refused_after_a_save(editors, story)
    choices = form_data(refused)
    choices.update(conflict_choice_title_en="mine", conflict_choice_body_km="theirs")
    assert editors[1].post(change_url(story), choices).status_code == 302
    assert stored(story) == {
        "title_en": "Sokha's headline",
        "body_km": "អត្ថបទរបស់ដារ៉ា។",
        "summary_en": "Sokha's summary",
    }
    assert Article.objects.get(pk=story.pk).version == 2
    entry = AuditEntry.objects.get(action="conflict_save")
    assert entry.actor_name == "sokha" and entry.article_id == story.pk
    assert "Kept mine: Title (English); kept theirs: Body (Khmer)" in entry.message


def test_choices_made_for_an_older_version_do_not_count(editors, story, make_user):
    refused = refused_after_a_save(editors, story)
    third = logged_in(make_user("Editor", "vanna"))
    data = form_data(third.get(change_url(story)))
    data["title_en"] = "Vanna's headline"
    assert third.post(change_url(story), data).status_code == 302

    choices = form_data(refused)  # shown version 1; the story is at 2 now
    choices.update(conflict_choice_title_en="mine", conflict_choice_body_km="mine")
    again = editors[1].post(change_url(story), choices)
    assert again.status_code == 200
    assert "dara, vanna saved this story" in errors(again)[0]
    assert conflict_parts(again)["Title (English)"][0] == "Vanna's headline"
    assert stored(story)["title_en"] == "Vanna's headline"


def test_a_forged_choice_without_the_shown_version_is_refused(editors, story):
    refused = refused_after_a_save(editors, story)
    forged = form_data(refused)
    del forged["conflict_version"]
    forged.update(conflict_choice_title_en="mine", conflict_choice_body_km="mine")
    assert editors[1].post(change_url(story), forged).status_code == 200
    assert stored(story)["title_en"] == "Dara's headline"


def test_inline_rows_they_changed_need_a_choice_too(editors, story):
    """Sokha's form still holds the old caption: saving it would undo Dara's."""
    dara, sokha = editors
    first, second = (form_data(c.get(change_url(story))) for c in editors)
    first["placements-0-caption_en"] = "Voters queue at dawn"
    assert dara.post(change_url(story), first).status_code == 302
    second["summary_en"] = "Sokha's summary"
    refused = sokha.post(change_url(story), second)
    theirs, yours = conflict_parts(refused)["Placements"]
    assert "+ #1 caption: Voters queue at dawn" in theirs
    assert "#1 Caption [en]: Voters queue" in yours

    # Answering the story's fields is not enough: the inline refuses, and the
    # version stays where Dara left it (no conflict with herself next time).
    unanswered = form_data(refused)
    again = sokha.post(change_url(story), unanswered)
    assert again.status_code == 200
    assert Article.objects.get(pk=story.pk).version == 1

    unanswered["conflict_choice_placements"] = "theirs"
    assert sokha.post(change_url(story), unanswered).status_code == 302
    assert story.placements.get().caption_en == "Voters queue at dawn"
    assert stored(story)["summary_en"] == "Sokha's summary"


def test_a_garbled_shown_version_counts_as_none_shown(editors, story):
    """conflict_version is a form field that never fails: the screen again."""
    refused = refused_after_a_save(editors, story)
    garbled = form_data(refused)
    garbled.update(
        conflict_version="one",
        conflict_choice_title_en="mine",
        conflict_choice_body_km="mine",
    )
    again = editors[1].post(change_url(story), garbled)
    assert again.status_code == 200
    assert errors(again) == errors(refused)
    assert set(again.context["adminform"].form.errors) == {"__all__"}
    assert stored(story)["title_en"] == "Dara's headline"


def test_the_form_reads_the_posted_answers_and_changes_nothing_posted(editors, story):
    refused = refused_after_a_save(editors, story)
    posted = form_data(refused)
    again = editors[1].post(change_url(story), posted)
    data = again.context["adminform"].form.data
    assert {
        name: data.getlist(name) if isinstance(value, list) else data[name]
        for name, value in posted.items()
    } == posted


def test_the_admin_history_of_a_conflict_save_names_story_fields_only(editors, story):
    refused = refused_after_a_save(editors, story)
    choices = form_data(refused)
    choices.update(conflict_choice_title_en="mine", conflict_choice_body_km="theirs")
    assert editors[1].post(change_url(story), choices).status_code == 302
    entry = LogEntry.objects.filter(object_id=str(story.pk)).latest("action_time")
    message = entry.get_change_message()
    assert "Title [en]" in message and "Summary [en]" in message
    assert "Conflict version" not in message
