"""entries.json: since= an id or a time, ETag/If-None-Match, per language."""

import pytest
from django.utils import timezone

from articles.models import Status
from live import services
from tests.factories import ArticleFactory
from tests.factories.live import LiveEntryFactory
from tests.live.support import entries_url, post

pytestmark = pytest.mark.django_db


def ids(response):
    return [entry["id"] for entry in response.json()["entries"]]


def test_without_since_every_entry_in_reading_order(client, story):
    old = LiveEntryFactory(story=story)
    pinned = LiveEntryFactory(story=story, pinned=True)
    new = LiveEntryFactory(story=story)
    data = client.get(entries_url(story)).json()
    assert data["order"] == [pinned.pk, new.pk, old.pk]
    assert [e["id"] for e in data["entries"]] == [pinned.pk, new.pk, old.pk]
    assert f'id="entry-{new.pk}"' in data["entries"][1]["html"]


def test_since_an_id_gives_the_entries_after_it(client, story):
    first = LiveEntryFactory(story=story)
    second = LiveEntryFactory(story=story)
    assert ids(client.get(entries_url(story, since=first.pk))) == [second.pk]


def test_unchanged_story_answers_304_and_a_post_shows_at_once(
    client, story, django_assert_num_queries
):
    LiveEntryFactory(story=story)
    first = client.get(entries_url(story))
    etag, cursor = first["ETag"], first.json()["cursor"]
    poll = entries_url(story) + f"?since={cursor.replace('+', '%2B')}"
    with django_assert_num_queries(1):
        unchanged = client.get(poll, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    new = post(story, body_en="The count starts in Kandal.")
    changed = client.get(poll, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    # Read a few seconds early (a commit-order safety margin): the new one is in.
    assert new.pk in ids(changed)
    assert "The count starts in Kandal." in changed.json()["entries"][0]["html"]
    assert (
        client.get(
            changed.json()["next"], HTTP_IF_NONE_MATCH=changed["ETag"]
        ).status_code
        == 304
    )


def test_an_edit_changes_the_etag_and_comes_back_with_its_mark(client, story):
    entry = post(story, body_en="Turnout was 28 percent.")
    etag = client.get(entries_url(story))["ETag"]
    entry.body_en = "Turnout was 82 percent."
    services.edit_entry(entry)
    response = client.get(entries_url(story), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    html = response.json()["entries"][0]["html"]
    assert "Turnout was 82 percent." in html
    assert "Updated at" in html


def test_a_removed_entry_leaves_the_order(client, story):
    keep, gone = LiveEntryFactory(story=story), LiveEntryFactory(story=story)
    etag = client.get(entries_url(story))["ETag"]
    services.remove_entry(gone)
    response = client.get(entries_url(story), HTTP_IF_NONE_MATCH=etag)
    assert response.json()["order"] == [keep.pk]


def test_each_language_sees_only_entries_with_text_in_it(client, story):
    both = LiveEntryFactory(story=story)
    english = LiveEntryFactory(story=story, body_km="")
    assert client.get(entries_url(story, "en")).json()["order"] == [english.pk, both.pk]
    assert client.get(entries_url(story, "km")).json()["order"] == [both.pk]


def test_a_translation_added_later_reaches_khmer_pollers(client, story):
    entry = LiveEntryFactory(story=story, body_km="")
    first = client.get(entries_url(story, "km"))
    assert first.json()["order"] == []
    entry.body_km = "ការ\u200bបោះ\u200bឆ្នោត"
    services.edit_entry(entry)
    response = client.get(entries_url(story, "km"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["order"] == [entry.pk]


@pytest.mark.parametrize(
    "story_fields",
    [
        {"status_km": Status.DRAFT, "published_at_km": None},
        {"layout": "post-centered"},
    ],
    ids=["unpublished in Khmer", "not a live story"],
)
def test_no_answer_for_a_story_readers_may_not_see(client, story_fields):
    story = ArticleFactory(**{"layout": "live", "published": True, **story_fields})
    LiveEntryFactory(story=story)
    response = client.get(entries_url(story, "km"))
    assert response.status_code == 404
    assert "error" in response.json()


def test_scheduled_story_is_not_public_before_its_time(client):
    later = timezone.now() + timezone.timedelta(hours=1)
    story = ArticleFactory(layout="live", published=True, published_at_en=later)
    assert client.get(entries_url(story, "en")).status_code == 404


@pytest.mark.parametrize(
    "since",
    [
        "yesterday",
        "2018-07-29T20:15:00",  # no offset: whose evening?
        "-3",
        "²",  # a digit to str.isdigit(), not to int()
        "9" * 30,  # beyond any key
        "0001-01-01T00:00:00+00:00",  # read early, before the first year
        "2018-02-30T20:15:00+07:00",
    ],
)
def test_a_bad_since_is_a_plain_400(client, story, since):
    response = client.get(entries_url(story, since=since))
    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_the_200_costs_a_fixed_number_of_queries(
    client, story, django_assert_num_queries
):
    for _ in range(3):
        LiveEntryFactory(story=story)
    with django_assert_num_queries(3):
        client.get(entries_url(story))
    for _ in range(10):
        LiveEntryFactory(story=story)
    with django_assert_num_queries(3):
        client.get(entries_url(story))


def test_behind_the_page_cache_a_poll_is_a_cache_read(
    client,
    story,
    settings,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 300
    LiveEntryFactory(story=story)
    first = client.get(entries_url(story))
    with django_assert_num_queries(0):
        again = client.get(entries_url(story), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        new = post(story, body_en="Kandal counted.")
    fresh = client.get(entries_url(story), HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200
    assert new.pk in ids(fresh)


def test_khmer_comes_back_byte_for_byte(client, story, khmer_lines):
    line = khmer_lines[1]
    post(story, body_km=line)
    response = client.get(entries_url(story, "km"))
    assert response["Content-Type"].startswith("application/json")
    assert line.encode() in response.content  # UTF-8 as is, no \\u escapes


def test_the_short_address_leads_to_the_story_page(client, story):
    response = client.get(f"/km/live/{story.pk}/")
    assert response.status_code == 302
    assert response["Location"] == story.get_absolute_url("km")
    assert (
        client.get(f"/km/live/{ArticleFactory(published=True).pk}/").status_code == 404
    )


def test_after_a_post_only_the_first_reader_renders_the_answer(
    client, story, django_assert_num_queries
):
    LiveEntryFactory(story=story)
    first = client.get(entries_url(story))
    poll = first.json()["next"]
    post(story, body_en="Kandal counted.")
    assert client.get(poll, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    with django_assert_num_queries(1):  # the story's state; the answer is cached
        again = client.get(poll, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Kandal counted." in again.content.decode()


@pytest.mark.parametrize("path", ["/en/live/{n}/entries.json", "/en/live/{n}/"])
def test_a_story_number_beyond_any_key_is_a_404(client, path):
    assert client.get(path.format(n="9" * 30)).status_code == 404
