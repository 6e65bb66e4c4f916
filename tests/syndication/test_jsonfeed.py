"""The JSON feed's items: format, content, rights, languages, query counts."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, PhotoPlacement, Status
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
    get_feed,
    make_partner,
    seed_story,
    validate_feed,
)

pytestmark = pytest.mark.django_db


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
    # the page's keys; stories, section/profile joined; bylines, placements,
    # renditions, pullquotes, tags, corrections (+ key lookup, partner
    # sections: no write, the key's use is noted once a minute; + tombstones
    # on sync)
    assert many == 1 + 7 + (2 if partner else 0) + (1 if since else 0)


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
