"""The translation desk (workflow/admin/desk.py): rows filtered and paged in SQL.

Each filter must keep exactly the rows whose columns say so (the out-of-date
column is outdated.changed_since_translation, computed in Python for the
page), in the order newest edit first, English before Khmer.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Status
from tests.factories import ArticleFactory, AssignmentFactory, UserFactory
from workflow import outdated
from workflow.admin.desk import PER_PAGE
from workflow.models import TranslationBase

pytestmark = pytest.mark.django_db

START = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
PUBLISHED = Status.PUBLISHED


def desk_page(client, **params):
    response = client.get(reverse("admin:articles_article_desk"), params)
    assert response.status_code == 200
    return response.context["page"]


def all_rows(client, **params):
    """The rows of every page, in order."""
    rows, number = [], 1
    while True:
        page = desk_page(client, page=number, **params)
        rows += page.object_list
        if not page.has_next():
            return rows
        number += 1


def keys(rows):
    return [(row["article"].title_en, row["language"]) for row in rows]


def story(title, hours, **fields):
    article = ArticleFactory(title_en=title, **fields)
    Article.objects.filter(pk=article.pk).update(
        updated_at=START + timedelta(hours=hours)
    )
    return article


def translated(article, language):
    """`language` was translated from the story's text as it is now."""
    outdated.record_bases(article, [language])


@pytest.fixture
def desk_user(make_user):
    return make_user("Editor", "desk")


@pytest.fixture
def newsroom(client, desk_user):
    """Stories covering every case of the filters; the desk user is logged in."""
    other = UserFactory(username="other")
    stale = story("Stale Khmer", 9, status_en=PUBLISHED, status_km=PUBLISHED)
    translated(stale, "km")
    Article.objects.filter(pk=stale.pk).update(title_en="Stale Khmer, retitled")
    AssignmentFactory(article=stale, user=desk_user, role="translator", language="km")

    current = story("Current Khmer", 8, status_en=PUBLISHED)
    translated(current, "km")

    unpublished_source = story("Draft source", 7)
    translated(unpublished_source, "km")
    Article.objects.filter(pk=unpublished_source.pk).update(body_en="Rewritten.")

    stale_english = story("Stale English", 6, status_km=PUBLISHED)
    translated(stale_english, "en")
    Article.objects.filter(pk=stale_english.pk).update(body_km="ថ្មី។")
    AssignmentFactory(
        article=stale_english, user=desk_user, role="translator", language="en"
    )
    AssignmentFactory(
        article=stale_english, user=other, role="translator", language="km"
    )
    AssignmentFactory(article=stale_english, user=desk_user, role="reporter")

    partial_base = story("Partial base", 5, status_en=PUBLISHED, summary_en="")
    translated(partial_base, "km")
    TranslationBase.objects.filter(article=partial_base).update(
        source={"title": "Partial base"}  # summary and body missing: ""
    )

    # Two edits at the same moment: the newer story (higher id) first.
    story("Twin one", 4, status_km=Status.IN_REVIEW)
    story("Twin two", 4, status_km=Status.IN_REVIEW)
    client.force_login(desk_user)
    return client


def test_rows_come_newest_first_english_before_khmer(newsroom):
    titles = keys(all_rows(newsroom))
    assert titles[:4] == [
        ("Stale Khmer, retitled", "en"),
        ("Stale Khmer, retitled", "km"),
        ("Current Khmer", "en"),
        ("Current Khmer", "km"),
    ]
    assert titles[-4:] == [
        ("Twin two", "en"),
        ("Twin two", "km"),
        ("Twin one", "en"),
        ("Twin one", "km"),
    ]
    assert keys(all_rows(newsroom, language="km")) == [
        row for row in titles if row[1] == "km"
    ]
    assert all_rows(newsroom, language="fr") == []


def test_out_of_date_filter_finds_the_changed_source_fields(newsroom):
    rows = all_rows(newsroom, out_of_date="1")
    assert [
        (*key, row["out_of_date"]) for key, row in zip(keys(rows), rows, strict=True)
    ] == [
        ("Stale Khmer, retitled", "km", ["title"]),
        ("Stale English", "en", ["body"]),
        ("Partial base", "km", ["body"]),
    ]


FILTERS = {
    "out of date": ({"out_of_date": "1"}, lambda row, user: row["out_of_date"]),
    "mine": ({"assignee": "me"}, lambda row, user: user in row["assignees"]),
    "nobody's": ({"assignee": "none"}, lambda row, user: not row["assignees"]),
    "published": ({"status": PUBLISHED}, lambda row, user: row["status"] == PUBLISHED),
    "Khmer in review": (
        {"status": Status.IN_REVIEW, "language": "km"},
        lambda row, user: row["status"] == Status.IN_REVIEW,
    ),
    "mine and out of date": (
        {"assignee": "me", "out_of_date": "1"},
        lambda row, user: row["out_of_date"] and user in row["assignees"],
    ),
    "titled twin, nobody's": (
        {"q": "twin", "assignee": "none"},
        lambda row, user: "Twin" in row["article"].title_en and not row["assignees"],
    ),
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_keeps_exactly_the_rows_that_match(newsroom, desk_user, name):
    params, matches = FILTERS[name]
    everything = all_rows(newsroom, language=params.get("language", ""))
    expected = [row for row in everything if matches(row, desk_user)]
    assert expected, "the newsroom fixture has rows for every filter"
    assert keys(all_rows(newsroom, **params)) == keys(expected)


def test_a_page_loads_only_its_own_stories(client, desk_user):
    for hours in range(60):  # 120 rows: a full page and 20 more
        story(f"Story {hours:02}", hours)
    client.force_login(desk_user)
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance.pk)

    post_init.connect(count, sender=Article)
    try:
        second = desk_page(client, page=2)
    finally:
        post_init.disconnect(count, sender=Article)
    assert (second.number, second.paginator.num_pages) == (2, 2)
    assert second.paginator.count == 120
    assert keys(second.object_list)[:2] == [("Story 09", "en"), ("Story 09", "km")]
    assert len(second.object_list) == 120 - PER_PAGE
    assert sorted(built) == sorted({row["article"].pk for row in second.object_list})
    first = desk_page(client)
    assert keys(first.object_list)[-1] == ("Story 10", "km")
    assert desk_page(client, page="not a number").number == 1
    assert desk_page(client, page="99").number == 2


def desk_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        desk_page(client, **params)
    return len(queries)


@pytest.mark.parametrize("role", ["Editor", "Translator"])
def test_the_desk_page_costs_a_fixed_number_of_queries(client, make_user, role):
    """Session, user, roles; count, page, its stories and their related rows."""
    user = make_user(role, "counted")

    def add_stories(number):
        for _ in range(number):
            article = ArticleFactory(status_en=PUBLISHED)
            translated(article, "km")
            Article.objects.filter(pk=article.pk).update(title_en="Retitled")
            AssignmentFactory(
                article=article, user=user, role="translator", language="km"
            )

    client.force_login(user)
    add_stories(1)
    assert desk_queries(client) == 10
    add_stories(60)  # two pages
    assert desk_queries(client) == 10
    assert desk_queries(client, page=2, out_of_date="1", assignee="me") == 10
