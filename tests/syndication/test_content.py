"""One rights answer everywhere (admin filter, feed, JSON-LD, Open Graph), and
no address of a withheld photo left anywhere in partner content_html."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import PhotoPlacement
from media_assets.models import Photo
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    RemotePhotoFactory,
)
from tests.syndication_support import REUTERS_URL, bearer, clear_cache, make_partner

pytestmark = pytest.mark.django_db

REUTERS_ID = "F96A8E04-E2DE-4BC6-A822-982D174A5D8D"  # in every size of REUTERS_URL


@pytest.fixture
def key():
    clear_cache()
    return make_partner()[1]


def feed_item(client, key):
    response = client.get("/en/feed.json", **bearer(key))
    assert response.status_code == 200
    (item,) = json.loads(response.content)["items"]
    return item


def hero_story(photo):
    story = ArticleFactory(published=True)
    PhotoPlacementFactory(article=story, photo=photo, kind=PhotoPlacement.Kind.HERO)
    return story


def filtered_cutlines(client, value):
    url = reverse("admin:media_assets_photo_changelist")
    page = client.get(url, {"partners": value, "view": "list"}, follow=True)
    soup = BeautifulSoup(page.content, "html.parser")
    return {row.get_text(" ") for row in soup.select("#result_list tbody tr")}


@pytest.mark.parametrize(
    ("source", "partners"),
    [("VOA  Khmer", True), (" voa khmer ", True), ("Reuters", False), ("", False)],
)
def test_admin_filter_feed_json_ld_and_open_graph_agree(
    editor_client, key, source, partners
):
    photo = PhotoFactory(source=source, cutline_en="The one photo")
    story = hero_story(photo)
    in_filter = any(
        "The one photo" in row for row in filtered_cutlines(editor_client, "yes")
    )
    out_filter = any(
        "The one photo" in row for row in filtered_cutlines(editor_client, "no")
    )
    assert (in_filter, out_filter) == (partners, not partners)
    item = feed_item(editor_client, key)
    assert ("image" in item) is partners
    page = BeautifulSoup(
        editor_client.get(story.get_absolute_url("en")).content, "html.parser"
    )
    og_image = page.find("meta", property="og:image")
    (script,) = page.find_all("script", type="application/ld+json")
    ld_images = json.loads(script.string).get("image", [])
    assert (og_image is not None) is partners
    assert bool(ld_images) is partners
    if partners:
        assert og_image["content"] == item["image"] == ld_images[0]["url"]


@pytest.fixture
def mixed_story(warm_renditions):
    """A story with a withheld local photo, a withheld remote one and an allowed
    one, whose body links to the withheld ones in every form a writer might."""
    reuters = PhotoFactory(source="Reuters", credit="Samrang Pring")
    ours = PhotoFactory(source="VOA Khmer")
    remote = RemotePhotoFactory(source_url=REUTERS_URL, source="Reuters")
    warm_renditions()
    withheld_rendition = reuters.largest_rendition("jpeg").url
    our_rendition = ours.largest_rendition("webp").url
    body = f"""[[photo 1]]

[[photo 2]]

See [the original]({reuters.image.url}?download=1), [a size]({withheld_rendition}#a).

<p>Raw: <a href="http://testserver{withheld_rendition}?x=1">absolute</a>,
<a href="/media//{reuters.image.name}">doubled</a>,
<a href="/media/x/../{reuters.image.name}">dotted</a>,
<a href="{withheld_rendition.replace("/media/", "/%6Dedia/")}">escaped</a>,
<a href="{REUTERS_URL}?v=2">remote</a>,
<a href="{REUTERS_URL.replace("_w1023_575_", "_w640_360_")}">smaller</a>,
<img srcset="{withheld_rendition} 420w" alt="srcset"></p>

An autolink: <http://testserver{reuters.image.url}>

Written out: http://testserver{withheld_rendition}, or {REUTERS_URL}.

Ours stay: [our size]({our_rendition}) and [VOA](https://www.voacambodia.com/a/1.html).
"""
    story = ArticleFactory(published=True, body_en=body)
    PhotoPlacementFactory(article=story, photo=reuters, position=1)
    PhotoPlacementFactory(article=story, photo=ours, position=2)
    PhotoPlacementFactory(article=story, photo=remote, position=3)
    return story, reuters, ours


def test_no_address_of_a_withheld_photo_is_left_in_content_html(
    client, key, mixed_story
):
    story, reuters, ours = mixed_story
    assert not reuters.may_syndicate and ours.may_syndicate
    content = feed_item(client, key)["content_html"]
    forms = [reuters.image.name, *(r.file.name for r in reuters.renditions.all())]
    for name in forms:
        assert name.rsplit("/", 1)[-1] not in content, name
    assert REUTERS_ID not in content
    assert "the original" not in content  # a withheld link goes with its text
    soup = BeautifulSoup(content, "html.parser")
    hrefs = {a.get("href") for a in soup.find_all("a")}
    our_rendition = ours.largest_rendition("webp").url
    assert "http://testserver" + our_rendition in hrefs
    assert "https://www.voacambodia.com/a/1.html" in hrefs
    assert [img["src"] for img in soup.find_all("img")] == [
        "http://testserver" + ours.largest_rendition("jpeg").url
    ]
    assert "Ours stay" in content and "Written out:" in content


def test_the_public_page_still_links_what_the_writer_wrote(client, mixed_story):
    story, reuters, _ = mixed_story
    page = client.get(story.get_absolute_url("en")).content.decode()
    assert reuters.image.url in page  # only partners lose the agency's photo
    assert Photo.objects.withheld().filter(pk=reuters.pk).exists()
