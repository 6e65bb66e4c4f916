"""The admin's front page: each user's work (workflow/admin/my_work.py).

Each bucket counts exactly the stories its list link shows, counts are one
SQL aggregate, and the page costs the same queries with 3 stories or 30.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import ArticleFactory, AssignmentFactory
from workflow import outdated
from workflow.admin.my_work import my_work

pytestmark = pytest.mark.django_db


def counts(user):
    return {bucket["key"]: bucket["count"] for bucket in my_work(user)}


@pytest.fixture
def reporter(make_user):
    return make_user("Reporter", "rith")


@pytest.fixture
def desk(reporter, make_user):
    """One story per bucket for the reporter, and some that are not theirs."""
    now = timezone.now()
    mine = ArticleFactory(title_en="My draft")
    AssignmentFactory(article=mine, user=reporter)
    ArticleFactory(title_en="Someone else's draft")
    review = ArticleFactory(title_en="In review", status_en=Status.IN_REVIEW)
    translate = ArticleFactory(
        title_en="To translate",
        status_en=Status.PUBLISHED,
        published_at_en=now - timedelta(days=3),
        status_km=Status.PUBLISHED,
        published_at_km=now - timedelta(days=3),
    )
    AssignmentFactory(
        article=translate, user=reporter, role="translator", language="km"
    )
    outdated.record_bases(translate, ["km"])
    Article.objects.filter(pk=translate.pk).update(body_en="Changed since.")
    ArticleFactory(
        title_en="Later today",
        status_en=Status.SCHEDULED,
        published_at_en=now + timedelta(minutes=1),
    )
    ArticleFactory(
        title_en="This morning",
        status_en=Status.PUBLISHED,
        published_at_en=now - timedelta(hours=2),
    )
    ArticleFactory(
        title_en="Last week",
        status_en=Status.PUBLISHED,
        published_at_en=now - timedelta(days=7),
    )
    return {"mine": mine, "review": review, "translate": translate}


def test_an_editor_sees_the_whole_desk(desk, make_user):
    editor = make_user("Editor", "sophea")
    assert counts(editor) == {
        "drafts": 0,  # an editor's drafts are those assigned to them
        "review": 1,
        "translation": 0,
        "scheduled": 1,
        "published": 1,
    }


def test_a_reporter_sees_their_own_work_only(desk, reporter):
    work = {bucket["key"]: bucket for bucket in my_work(reporter)}
    assert work["drafts"]["count"] == 1
    assert [s.title_en for s in work["drafts"]["stories"]] == ["My draft"]
    assert work["review"]["count"] == 0  # no review permission
    assert work["translation"]["count"] == 1  # its Khmer is out of date
    assert work["scheduled"]["count"] == 0  # not their story


@pytest.mark.parametrize("key", ["drafts", "review", "translation", "scheduled"])
def test_each_count_is_what_its_list_link_shows(client, desk, make_user, key):
    editor = make_user("Editor", "sophea")
    AssignmentFactory(article=desk["mine"], user=editor)
    AssignmentFactory(
        article=desk["translate"], user=editor, role="translator", language="km"
    )
    client.force_login(editor)
    bucket = next(b for b in my_work(editor) if b["key"] == key)
    page = client.get(bucket["list_url"])
    assert page.status_code == 200
    assert page.context["cl"].result_count == bucket["count"] == 1


def front_page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("admin:index"))
    assert page.status_code == 200
    return len(queries)


def test_the_front_page_costs_the_same_with_more_stories(client, desk, reporter):
    client.force_login(reporter)
    few = front_page_queries(client)
    for number in range(10):
        story = ArticleFactory(title_en=f"Draft {number}")
        AssignmentFactory(article=story, user=reporter)
    assert front_page_queries(client) == few


def test_the_front_page_links_into_the_change_forms(client, desk, reporter):
    client.force_login(reporter)
    html = client.get(reverse("admin:index")).content.decode()
    change = reverse("admin:articles_article_change", args=[desk["mine"].pk])
    assert f'href="{change}"' in html
    assert "?my_work=drafts" in html
    assert desk["mine"].title_km in html
