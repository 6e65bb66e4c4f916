"""The partner JSON feed: format, content, rights, pagination, sync, HTTP."""

import json
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.events import EDITED, announce
from articles.models import Article, PhotoPlacement, Status
from articles.states import change_state
from media_assets.services import photo_changed
from syndication.models import Tombstone
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
    SectionFactory,
)
from tests.photo_files import jpeg
from tests.syndication_support import (
    AP_CUTLINE,
    INLINE_URL,
    REUTERS_CREDIT,
    REUTERS_CUTLINE,
    REUTERS_URL,
    WINDOW_URL,
    bearer,
    clear_cache,
    make_partner,
    seed_story,
    validate_feed,
)
from workflow.corrections import add_correction
from workflow.scheduling import publish_due

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()


@pytest.fixture
def key():
    return make_partner()[1]


def get_feed(client, path="/en/feed.json", key=None, **params):
    headers = bearer(key) if key else {}
    response = client.get(path, params, **headers)
    assert response.status_code == 200, response.content
    data = json.loads(response.content)
    validate_feed(data)
    return data


def set_times(article, updated_at=None, **published):
    """Place a story in time (auto_now would otherwise stamp 'now')."""
    fields = {"updated_at": updated_at} if updated_at else {}
    fields.update({f"published_at_{lang}": when for lang, when in published.items()})
    Article.objects.filter(pk=article.pk).update(**fields)


# --- format and content ------------------------------------------------------


def test_public_feed_is_json_feed_with_summaries_only(client):
    story = seed_story()
    response = client.get("/en/feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    data = json.loads(response.content)
    validate_feed(data)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == "http://testserver/en/feed.json"
    assert data["language"] == "en"
    (item,) = data["items"]
    assert item["id"] == f"urn:newsroom:article:{story.pk}:en"
    assert item["content_text"] == story.summary_en
    assert "content_html" not in item
    assert "_newsroom" not in item
    assert item["url"] == "http://testserver" + story.get_absolute_url("en")


def test_partner_feed_has_full_content_and_extension(client, key):
    story = seed_story()
    data = get_feed(client, key=key)
    (item,) = data["items"]
    html = item["content_html"]
    assert "campaigning kicked off" in html
    # Every link and image source is absolute.
    assert 'href="http://testserver/en/feature/phnom-penh-garment-industry/"' in html
    assert f'href="{item["url"]}#footnote1"' in html
    assert 'src="http://testserver/media/photos/' in html
    assert "<script" not in html and "<iframe" not in html and "<svg" not in html
    assert "https://www.youtube.com/watch?v=dQw4w9WgXcQ" in html
    soup = BeautifulSoup(html, "html.parser")
    addresses = [a["href"] for a in soup.find_all("a")]
    addresses += [img["src"] for img in soup.find_all("img")]
    assert len(addresses) >= 6
    assert all(address.startswith(("http://", "https://")) for address in addresses)
    extension = item["_newsroom"]
    assert extension["dateline"] == "Phnom Penh"
    assert extension["location"] == {
        "name": "Phnom Penh",
        "latitude": 11.556062,
        "longitude": 104.936943,
    }
    assert extension["section"] == {"slug": "feature", "name": "Feature"}
    assert [b["name"] for b in extension["byline"]] == [
        "Sun Narin",
        "Malis Tum",
        "Chun Chanboth",
    ]
    assert [b["role"] for b in extension["byline"]][-1] == "translator"
    assert [a["name"] for a in item["authors"]] == ["Sun Narin", "Malis Tum"]
    assert item["tags"] == ["civil servants", "election"]
    assert extension["pullquotes"][0]["attribution"] == "A civil servant"
    assert extension["editors_note"] == story.editors_note_en
    assert extension["translations"] == [
        {
            "language": "km",
            "id": f"urn:newsroom:article:{story.pk}:km",
            "url": "http://testserver" + story.get_absolute_url("km"),
        }
    ]
    assert item["banner_image"] == WINDOW_URL
    assert {p["url"] for p in extension["photos"]} >= {WINDOW_URL, INLINE_URL}
    for moment in (item["date_published"], item["date_modified"]):
        assert moment.endswith("+07:00")


def test_khmer_feed_round_trips_khmer_text(client, key):
    story = seed_story()
    response = client.get("/km/feed.json", **bearer(key))
    assert KHMER_TITLE.encode() in response.content  # raw UTF-8, not \u escapes
    data = json.loads(response.content)
    validate_feed(data)
    (item,) = data["items"]
    assert item["title"] == KHMER_TITLE
    assert item["language"] == "km"
    assert item["_newsroom"]["dateline"] == "ភ្នំពេញ"
    assert item["_newsroom"]["translations"][0]["id"].endswith(f"{story.pk}:en")


def test_pullquotes_untranslated_into_the_feed_language_are_left_out(client, key):
    # The archive has pullquotes written in one language only.
    story = ArticleFactory(published=True)
    PullquoteFactory(article=story, position=1, text_km=None)
    PullquoteFactory(article=story, position=2, attribution_km="ប្រភព")
    (english,) = get_feed(client, key=key)["items"]
    (khmer,) = get_feed(client, "/km/feed.json", key=key)["items"]
    assert len(english["_newsroom"]["pullquotes"]) == 2
    assert khmer["_newsroom"]["pullquotes"] == [
        {"text": PullquoteFactory.text_km, "attribution": "ប្រភព"}
    ]


def test_id_survives_a_slug_change(client, key):
    story = seed_story()
    before = get_feed(client, key=key)["items"][0]
    story.slug = "a-new-slug"
    story.save()
    after = get_feed(client, key=key)["items"][0]
    assert after["id"] == before["id"]
    assert after["url"] != before["url"] and after["url"].endswith("/a-new-slug/")
    assert after["_newsroom"]["revision"] != before["_newsroom"]["revision"]


# --- rights -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/en/feed.json", "/km/feed.json"])
def test_agency_photos_never_reach_a_partner(client, key, path):
    seed_story()
    response = client.get(path, **bearer(key))
    body = response.content.decode()
    validate_feed(json.loads(body))
    for forbidden in (REUTERS_URL, REUTERS_CUTLINE, REUTERS_CREDIT, "Reuters"):
        assert forbidden not in body
    for forbidden in (AP_CUTLINE, "Heng Sinith", '"AP"'):
        assert forbidden not in body
    item = json.loads(body)["items"][0]
    assert "image" not in item  # the hero is Reuters: no image at all
    assert all(p["rights"] == "may_syndicate" for p in item["_newsroom"]["photos"])


def test_rights_edited_in_the_admin_decide(client, key):
    story = seed_story()
    hero = story.placements.get(kind=PhotoPlacement.Kind.HERO).photo
    hero.rights = "may_syndicate"  # the desk bought the rights
    hero.save()
    item = get_feed(client, key=key)["items"][0]
    assert item["image"] == REUTERS_URL
    window = story.placements.get(kind=PhotoPlacement.Kind.WINDOW).photo
    window.rights = "no_syndication"
    window.save()
    item = get_feed(client, key=key)["items"][0]
    assert "banner_image" not in item
    assert WINDOW_URL not in json.dumps(item)


def test_unknown_source_fails_closed(client, key):
    story = ArticleFactory(published=True, body_en="Text.\n\n[[photo 1]]")
    placement = PhotoPlacementFactory(
        article=story, kind=PhotoPlacement.Kind.HERO, position=1
    )
    placement.photo.source = ""
    placement.photo.save()
    item = get_feed(client, key=key)["items"][0]
    assert "image" not in item
    assert item["_newsroom"]["photos"] == []
    assert placement.photo.image.url not in item["content_html"]


# --- drafts and languages ---------------------------------------------------


def test_drafts_and_unpublished_languages_never_appear(client, key):
    published = ArticleFactory(published=True)
    english_only = ArticleFactory(english_only=True)
    draft = ArticleFactory()
    scheduled = ArticleFactory(
        status_en=Status.PUBLISHED,
        published_at_en=timezone.now() + timedelta(hours=1),
    )
    for credentials in (None, key):
        en = {i["id"] for i in get_feed(client, key=credentials)["items"]}
        km_data = get_feed(client, "/km/feed.json", key=credentials)
        km = {i["id"] for i in km_data["items"]}
        assert en == {
            f"urn:newsroom:article:{published.pk}:en",
            f"urn:newsroom:article:{english_only.pk}:en",
        }
        assert km == {f"urn:newsroom:article:{published.pk}:km"}
        for hidden in (draft, scheduled):
            assert hidden.title_en not in json.dumps(km_data)
    items = get_feed(client, key=key)["items"]
    only = next(i for i in items if i["id"].endswith(f":{english_only.pk}:en"))
    assert only["_newsroom"]["translations"] == []


def test_partner_limited_to_its_languages_and_sections(client):
    feature = SectionFactory()
    mainbar = SectionFactory(slug_en="mainbar", name_en="Mainbar")
    in_feature = ArticleFactory(published=True, section=feature)
    ArticleFactory(published=True, section=mainbar)
    _partner, key = make_partner("English feature desk", "en", ["feature"])
    items = get_feed(client, key=key)["items"]
    assert [i["id"] for i in items] == [f"urn:newsroom:article:{in_feature.pk}:en"]
    response = client.get("/km/feed.json", **bearer(key))
    assert response.status_code == 403
    assert "Khmer" in response.json()["error"]


# --- pagination ---------------------------------------------------------------


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


# --- since= and tombstones ---------------------------------------------------------


def test_since_returns_changes_oldest_first_with_tombstones(
    client, key, django_capture_on_commit_callbacks
):
    now = timezone.now()
    old, edited, withdrawn, deleted = (ArticleFactory(published=True) for _ in range(4))
    for story in (old, edited, withdrawn, deleted):
        long_ago = now - timedelta(days=6)
        set_times(story, updated_at=now - timedelta(days=5), en=long_ago, km=long_ago)
    set_times(edited, updated_at=now - timedelta(hours=2))
    checkpoint = (now - timedelta(days=1)).isoformat()

    deleted_pk = deleted.pk
    with django_capture_on_commit_callbacks(execute=True):
        change_state(Article.objects.get(pk=withdrawn.pk), "en", Status.DRAFT)
        Article.objects.get(pk=deleted_pk).delete()

    data = get_feed(client, key=key, since=checkpoint)
    ids = [item["id"] for item in data["items"]]
    assert ids == [
        f"urn:newsroom:article:{edited.pk}:en",
        f"urn:newsroom:article:{withdrawn.pk}:en",
        f"urn:newsroom:article:{deleted_pk}:en",
    ]
    modified = [item["date_modified"] for item in data["items"]]
    assert modified == sorted(modified)
    for tombstone in data["items"][1:]:
        assert tombstone["_newsroom"]["status"] == "withdrawn"
        assert "title" not in tombstone and "url" not in tombstone
        assert tombstone["content_text"] == ""
    # Khmer of the unpublished story is still live: no Khmer tombstone for it.
    assert not Tombstone.objects.filter(article_id=withdrawn.pk, language="km")
    km = get_feed(client, "/km/feed.json", key=key, since=checkpoint)
    assert [(i["id"], i["_newsroom"]["status"]) for i in km["items"]] == [
        (f"urn:newsroom:article:{edited.pk}:km", "published"),
        # Saving the English withdrawal touched the story: Khmer is re-sent.
        (f"urn:newsroom:article:{withdrawn.pk}:km", "published"),
        (f"urn:newsroom:article:{deleted_pk}:km", "withdrawn"),
    ]
    # Anonymous sync sees withdrawals too (they carry nothing but an id).
    public = get_feed(client, since=checkpoint)
    assert [i["id"] for i in public["items"]] == ids


def test_republishing_lifts_the_tombstone(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    before = (timezone.now() - timedelta(seconds=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.DRAFT)
    assert Tombstone.objects.filter(article_id=story.pk, language="en").exists()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.PUBLISHED)
    assert not Tombstone.objects.filter(article_id=story.pk).exists()
    items = get_feed(client, key=key, since=before)["items"]
    assert [i.get("_newsroom", {}).get("status") for i in items] == ["published"]


def test_a_rescheduled_story_sheds_its_old_tombstone(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(english_only=True)
    before = (timezone.now() - timedelta(seconds=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.DRAFT)
    later = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        change_state(story, "en", Status.PUBLISHED, when=later)
    assert story.status_en == Status.SCHEDULED  # a time to come: scheduled
    assert Tombstone.objects.filter(article_id=story.pk).exists()  # not public yet
    ids = [
        i["_newsroom"]["status"]
        for i in get_feed(client, key=key, since=before)["items"]
    ]
    assert ids == ["withdrawn"]
    Article.objects.filter(pk=story.pk).update(
        published_at_en=timezone.now() - timedelta(seconds=1)
    )  # the scheduled time passes; the scheduler publishes it
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == [(story.pk, "en")]
    items = get_feed(client, key=key, since=before)["items"]
    assert [i["_newsroom"]["status"] for i in items] == ["published"]


def test_edits_to_a_storys_parts_reach_a_sync(
    client, key, django_capture_on_commit_callbacks
):
    story = seed_story()
    window = story.placements.get(kind=PhotoPlacement.Kind.WINDOW)
    long_ago = timezone.now() - timedelta(days=5)

    def announced(edit):
        """The edit, announced as the admin's save of a story and inlines does."""

        def run():
            edit()
            announce(story, EDITED)

        return run

    def withhold_window_photo():
        window.photo.rights = "no_syndication"
        window.photo.save()
        photo_changed(window.photo, ["rights"])  # as the photo admin's save

    edits = [
        announced(lambda: story.tags.add("withdrawn photo")),
        announced(lambda: BylineFactory(article=story, position=9)),
        announced(lambda: story.pullquotes.all().delete()),
        withhold_window_photo,
    ]
    for edit in edits:
        set_times(story, updated_at=long_ago, en=long_ago, km=long_ago)
        checkpoint = (timezone.now() - timedelta(seconds=1)).isoformat()
        assert get_feed(client, key=key, since=checkpoint)["items"] == []
        with django_capture_on_commit_callbacks(execute=True):
            edit()
        (item,) = get_feed(client, key=key, since=checkpoint)["items"]
        assert item["id"].endswith(f":{story.pk}:en")
    assert WINDOW_URL not in json.dumps(item)


def test_a_correction_reaches_the_next_sync(
    client, key, django_capture_on_commit_callbacks
):
    story = ArticleFactory(published=True)
    long_ago = timezone.now() - timedelta(days=5)
    set_times(story, updated_at=long_ago, en=long_ago, km=long_ago)
    checkpoint = (timezone.now() - timedelta(seconds=1)).isoformat()
    assert get_feed(client, key=key, since=checkpoint)["items"] == []
    with django_capture_on_commit_callbacks(execute=True):
        add_correction(story, "en", "correction", "An earlier version misspelled it.")
    (item,) = get_feed(client, key=key, since=checkpoint)["items"]
    (correction,) = item["_newsroom"]["corrections"]
    assert correction["text"] == "An earlier version misspelled it."
    assert correction["kind"] == "correction"
    # The Khmer version has no correction and its feed says none.
    (khmer,) = get_feed(client, "/km/feed.json", key=key)["items"]
    assert khmer["_newsroom"]["corrections"] == []


def test_drafts_never_leave_tombstones(client, django_capture_on_commit_callbacks):
    draft = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        draft.title_en = "Still a draft"
        draft.save()
        announce(draft, EDITED)
        change_state(draft, "en", Status.READY)
        draft.delete()
    assert not Tombstone.objects.exists()


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


# --- HTTP -----------------------------------------------------------------------


def test_conditional_get_answers_304(client):
    ArticleFactory(published=True)
    first = client.get("/en/feed.json")
    assert first["Cache-Control"].startswith("public")
    assert "Authorization" in first["Vary"]
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/en/feed.json", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = client.get("/en/feed.json", HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304
    ArticleFactory(published=True)
    changed = client.get("/en/feed.json", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_keyed_feed_is_private(client, key):
    ArticleFactory(published=True)
    response = client.get("/en/feed.json", **bearer(key))
    assert response["Cache-Control"].startswith("private")
    assert "Authorization" in response["Vary"]
    repeat = client.get(
        "/en/feed.json", HTTP_IF_NONE_MATCH=response["ETag"], **bearer(key)
    )
    assert repeat.status_code == 304


def test_head_has_headers_and_no_body(client):
    ArticleFactory(published=True)
    get = client.get("/en/feed.json")
    head = client.head("/en/feed.json")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_post_is_refused(client):
    assert client.post("/en/feed.json").status_code == 405


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2018-07-20"}, "since"),
        ({"since": "2018-07-20T08:00:00"}, "since"),
        ({"since": "2018-13-40T08:00:00Z"}, "since"),
        ({"since": "9999-12-31T23:59:59-14:00"}, "since"),  # past year 9999 in UTC
        ({"since": "0001-01-01T00:00:00+14:00"}, "since"),  # before year 1 in UTC
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": ""}, "cursor"),
    ],
)
def test_malformed_parameters_answer_400(client, params, parameter):
    response = client.get("/en/feed.json", params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["error"]


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


# --- performance --------------------------------------------------------------


def story_with(count):
    """A published story with `count` photos, authors, tags and pullquotes."""
    story = ArticleFactory(published=True)
    for position in range(1, count + 1):
        PhotoPlacementFactory(article=story, position=position)
        BylineFactory(article=story)
        story.tags.add(f"tag {story.pk}-{position}")
    return story


@pytest.mark.parametrize("partner", [False, True])
@pytest.mark.parametrize("since", [False, True])
def test_query_count_does_not_grow_with_related_items(client, partner, since):
    headers = bearer(make_partner()[1]) if partner else {}
    params = {"since": "2000-01-01T00:00:00Z"} if since else {}

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/feed.json", params, **headers)
        assert response.status_code == 200
        return len(queries)

    for _ in range(3):
        story_with(1)
    client.get("/en/feed.json", params, **headers)  # notes the key's first use
    few = count_queries()
    Article.objects.all().delete()
    Tombstone.objects.all().delete()
    for _ in range(3):
        story_with(10)
    many = count_queries()
    assert few == many
    # stories, section/profile joined; bylines, placements, renditions,
    # pullquotes, tags, corrections (+ key lookup, partner sections: no write,
    # the key's use is noted once a minute; + tombstones on sync)
    assert many == 7 + (2 if partner else 0) + (1 if since else 0)


def test_partners_get_the_largest_rendition_once_it_exists(
    client, key, warm_renditions
):
    article = ArticleFactory(published=True)
    PhotoPlacementFactory(
        article=article,
        kind=PhotoPlacement.Kind.HERO,
        position=1,
        photo=PhotoFactory(
            image=SimpleUploadedFile("big.jpg", jpeg((1500, 1000))),
            source="VOA Khmer",
        ),
    )
    before = get_feed(client, key=key)["items"][0]
    assert "/photos/" in before["image"]  # the upload, until renditions exist
    warm_renditions()
    after = get_feed(client, key=key)["items"][0]
    photo = after["_newsroom"]["photos"][0]
    assert "/renditions/" in after["image"] and after["image"].endswith(".jpg")
    assert photo["url"] == after["image"]
    assert (photo["width"], photo["height"]) == (1500, 1000)  # never upscaled


def test_feed_authors_link_to_their_pages(client, key):
    article = ArticleFactory(published=True)
    BylineFactory(article=article, position=1)
    item = get_feed(client, key=key)["items"][0]
    (author,) = item["authors"]
    assert author["url"] == item["_newsroom"]["byline"][0]["url"]
    assert client.get(author["url"]).status_code == 200
