"""The translation desk: out-of-date translations flagged, filters, fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Status
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, AssignmentFactory
from workflow.transitions import perform


def desk(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:articles_article_desk"), params)
    assert response.status_code == 200
    return response.context["page"].object_list, len(queries)


@pytest.mark.django_db
def test_translation_desk_flags_out_of_date_translations(client, make_user):
    translator, desk_editor = make_user("Translator"), make_user("Editor")
    article = ArticleFactory(title_km="", body_km="")
    AssignmentFactory(
        article=article, user=translator, role="translator", language="km"
    )
    client.force_login(translator)
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(change))
    data.update(title_km="ចំណងជើង", body_km="អត្ថបទ។")
    assert client.post(change, data).status_code == 302
    for step in ("submit", "approve", "publish"):
        perform(step, article, "en", desk_editor)

    rows, _ = desk(client, assignee="me")
    assert [(r["language"], r["out_of_date"]) for r in rows] == [("km", [])]

    client.force_login(desk_editor)
    data = form_data(client.get(change))
    data.update(title_en="A sharper English headline", body_en="New body.")
    assert client.post(change, data).status_code == 302
    rows, _ = desk(client, out_of_date="1")
    assert [(r["language"], r["out_of_date"]) for r in rows] == [
        ("km", ["title", "body"])
    ]
    assert rows[0]["assignees"] == [translator]
    assert rows[0]["last_edit_by"] == desk_editor.username
    page = client.get(change).content.decode()
    assert "Out of date</strong>: title, body" in page


@pytest.mark.django_db
def test_translation_desk_filters_and_fixed_queries(editor_client):
    ArticleFactory(status_km=Status.IN_REVIEW)
    _, one = desk(editor_client)
    for _ in range(5):
        ArticleFactory(status_km=Status.IN_REVIEW)
    rows, six = desk(editor_client)
    assert one == six
    assert len(rows) == 12
    rows, _ = desk(editor_client, language="km", status="in_review")
    assert len(rows) == 6
    rows, _ = desk(editor_client, assignee="none", status="published")
    assert rows == []
