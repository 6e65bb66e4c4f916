"""Corrections at the foot of the page, on the record, never silently edited."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import form_data
from tests.factories import ArticleFactory
from workflow.corrections import add_correction, corrections_for, edit_correction
from workflow.models import AuditEntry, Correction, CorrectionEdit

WHEN = datetime(2018, 7, 30, 9, 15, tzinfo=ZoneInfo("Asia/Phnom_Penh"))
KHMER_CORRECTION = "កំណែ\u200bតម្រូវ៖ ឈ្មោះ\u200bភូមិ\u200bត្រូវ\u200bបាន\u200bសរសេរ\u200bខុស។"


@pytest.mark.django_db
def test_corrections_for_filters_by_language_oldest_first(django_assert_num_queries):
    article = ArticleFactory(published=True)
    later = add_correction(article, "en", "update", "Results added.")
    earlier = add_correction(article, "en", "correction", "Name fixed.", at=WHEN)
    khmer = add_correction(article, "km", "correction", KHMER_CORRECTION)
    assert corrections_for(article, "en") == [earlier, later]
    assert corrections_for(article, "km") == [khmer]
    prefetched = Article.objects.prefetch_related("corrections").get(pk=article.pk)
    with django_assert_num_queries(0):
        assert corrections_for(prefetched, "en") == [earlier, later]
        assert corrections_for(prefetched, "km")[0].text == KHMER_CORRECTION


@pytest.mark.django_db
def test_adding_a_correction_bumps_updated_at_and_is_audited(
    editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(published=True)
    Article.objects.filter(pk=article.pk).update(updated_at=WHEN)
    with django_capture_on_commit_callbacks(execute=True):  # story_changed
        add_correction(article, "km", "clarification", KHMER_CORRECTION, editor)
    article.refresh_from_db()
    assert article.updated_at > WHEN  # date_modified for the feeds
    entry = AuditEntry.objects.get(action="correction")
    assert (entry.actor, entry.language, entry.article) == (editor, "km", article)


def page_queries(client, article, language="en"):
    client.get(article.get_absolute_url(language))  # fills the auto-link index
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.django_db
def test_corrections_at_the_foot_of_the_page_in_fixed_queries(client):
    article = ArticleFactory(published=True)
    add_correction(article, "km", "correction", KHMER_CORRECTION, at=WHEN)
    response, one = page_queries(client, article, "km")
    foot = BeautifulSoup(response.content, "html.parser").select_one(
        ".post__corrections"
    )
    assert KHMER_CORRECTION in foot.get_text()  # byte for byte
    assert "ការកែតម្រូវ" in foot.get_text()
    assert foot.time["datetime"] == WHEN.isoformat()
    for n in range(9):
        add_correction(article, "km", "update", f"Update {n}")
    response, ten = page_queries(client, article, "km")
    assert response.content.decode().count('class="correction ') == 10
    assert one == ten
    english, _ = page_queries(client, article, "en")
    assert b"post__corrections" not in english.content


@pytest.mark.django_db
def test_editing_a_published_correction_keeps_the_old_text(editor_client, editor):
    article = ArticleFactory(published=True)
    correction = add_correction(article, "en", "correction", "Wrong village.")
    url = reverse("admin:workflow_correction_change", args=[correction.pk])
    data = form_data(editor_client.get(url), "correction_form")
    data["text"] = "The village is Prek Anhchanh."
    response = editor_client.post(url, data)
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.text == "The village is Prek Anhchanh."
    edit = CorrectionEdit.objects.get()
    assert (edit.old_text, edit.new_text, edit.editor) == (
        "Wrong village.",
        "The village is Prek Anhchanh.",
        editor,
    )
    assert "Wrong village." in AuditEntry.objects.filter(action="correction")[0].message
    delete = reverse("admin:workflow_correction_delete", args=[correction.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert Correction.objects.filter(pk=correction.pk).exists()


@pytest.mark.django_db
def test_same_text_is_not_an_edit():
    article = ArticleFactory(published=True)
    correction = add_correction(article, "en", "update", "Polls closed at 15:00.")
    edit_correction(correction, "Polls closed at 15:00.")
    assert not CorrectionEdit.objects.exists()


@pytest.mark.django_db
def test_correction_added_in_the_admin(editor_client, editor):
    article = ArticleFactory(published=True)
    url = reverse("admin:workflow_correction_add")
    data = form_data(editor_client.get(url), "correction_form")
    response = editor_client.post(
        url,
        {
            **data,
            "article": article.pk,
            "language": "km",
            "kind": "correction",
            "text": KHMER_CORRECTION,
            "created_at_0": "2018-07-30",
            "created_at_1": "09:15:00",
        },
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert (correction.text, correction.created_by, correction.created_at) == (
        KHMER_CORRECTION,
        editor,
        WHEN,
    )
