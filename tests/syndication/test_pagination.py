"""Keyset pagination of the JSON feed: every story once while the desk works,
limits, signed cursors."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from articles.models import Article, Status
from articles.states import change_state
from syndication.models import Tombstone
from tests.factories import ArticleFactory
from tests.syndication_support import get_feed, set_times

pytestmark = pytest.mark.django_db


def walk(client, key, first_params, between_pages=None):
    seen, url, params, pages = [], "/en/feed.json", first_params, 0
    while True:
        data = get_feed(client, url, key=key, **params)
        seen += [item["id"] for item in data["items"]]
        pages += 1
        if between_pages:
            between_pages(pages)
        if "next_url" not in data:
            return seen, pages
        parts = urlsplit(data["next_url"])
        url = parts.path
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_walk_visits_every_story_once_while_the_desk_works(client, key):
    now = timezone.now()
    stories = [ArticleFactory(english_only=True) for _ in range(23)]
    for offset, story in enumerate(stories):
        # Two stories share each publication instant: the pk breaks the tie.
        set_times(story, en=now - timedelta(hours=offset // 2 + 1))
    expected = {f"urn:newsroom:article:{s.pk}:en" for s in stories}
    late = ArticleFactory(title_en="Published mid-walk")

    def desk_work(page):
        if page == 1:
            change_state(late, "en", Status.PUBLISHED)  # new story during the walk
            oldest = Article.objects.get(pk=stories[-1].pk)
            oldest.title_en = "Edited during the walk"
            oldest.save()
            visited = Article.objects.get(pk=stories[0].pk)
            visited.summary_en = "Edited after being read"
            visited.save()

    seen, pages = walk(client, key, {"limit": "5"}, desk_work)
    assert pages == 5
    assert len(seen) == len(set(seen))
    assert set(seen) == expected


def test_limit_default_and_maximum(client):
    now = timezone.now()
    for offset in range(23):
        set_times(ArticleFactory(english_only=True), en=now - timedelta(minutes=offset))
    data = get_feed(client)
    assert len(data["items"]) == 20 and "next_url" in data
    assert len(get_feed(client, limit="100")["items"]) == 23


def test_since_walk_pages_through_stories_and_tombstones(
    client, key, django_capture_on_commit_callbacks
):
    now = timezone.now()
    stories = [ArticleFactory(english_only=True) for _ in range(7)]
    for offset, story in enumerate(stories):
        set_times(story, updated_at=now - timedelta(hours=10 - offset))
    with django_capture_on_commit_callbacks(execute=True):
        for story in stories[:3]:
            change_state(Article.objects.get(pk=story.pk), "en", Status.DRAFT)
    Tombstone.objects.update(withdrawn_at=now - timedelta(hours=5))
    seen, pages = walk(
        client, key, {"since": (now - timedelta(days=1)).isoformat(), "limit": "2"}
    )
    assert pages == 4
    assert len(seen) == len(set(seen)) == 7
    assert set(seen) == {f"urn:newsroom:article:{s.pk}:en" for s in stories}


def test_a_tampered_cursor_is_refused(client):
    now = timezone.now()
    for offset in range(3):
        set_times(ArticleFactory(english_only=True), en=now - timedelta(minutes=offset))
    next_url = get_feed(client, limit="1")["next_url"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    response = client.get("/en/feed.json", {"cursor": tampered})
    assert response.status_code == 400
    assert response.json()["parameter"] == "cursor"
