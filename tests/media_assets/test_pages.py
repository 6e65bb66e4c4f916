"""Responsive markup on the article page: no per-request work, flat queries."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext

from media_assets.models import Photo, Rendition
from media_assets.pictures import remote_size, remote_srcset
from media_assets.services import ingest
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    RemotePhotoFactory,
)
from tests.media_assets.conftest import stored_files
from tests.photo_files import jpeg

pytestmark = pytest.mark.django_db


def library_photo(run_on_commit, index, size=(1600, 1000)):
    data = jpeg(size=size, color=(index * 11 % 256, 90, 200))
    upload = SimpleUploadedFile(f"p{index}.jpg", data)
    return run_on_commit(ingest, upload, f"p{index}.jpg").photo


def story_with_photos(run_on_commit, inline_count, size=(1600, 1000)):
    article = ArticleFactory(published=True)
    PhotoPlacementFactory(
        article=article,
        photo=library_photo(run_on_commit, 0, size),
        kind="hero",
        position=1,
    )
    position = 2
    for index in range(inline_count):
        PhotoPlacementFactory(
            article=article,
            photo=library_photo(run_on_commit, index + 1, size),
            kind="inline",
            position=position + index,
        )
    return article


def page(client, article):
    response = client.get(article.get_absolute_url("en"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_hero_is_eager_and_inline_photos_lazy_with_webp_sources(client, run_on_commit):
    article = story_with_photos(run_on_commit, 2)
    soup = page(client, article)
    pictures = soup.find_all("picture")
    assert len(pictures) == 3
    hero = soup.select_one(".post__hero picture")
    hero_img = hero.find("img")
    assert hero_img["loading"] == "eager"
    assert hero_img["fetchpriority"] == "high"
    assert "16x9-1600" in hero_img["srcset"]
    assert (hero_img["width"], hero_img["height"]) == ("1600", "900")
    source = hero.find("source")
    assert source["type"] == "image/webp"
    assert source["sizes"] == "100vw"
    assert [part.split()[-1] for part in source["srcset"].split(", ")] == [
        "420w",
        "640w",
        "992w",
        "1280w",
        "1600w",
    ]
    for picture in pictures[1:]:
        img = picture.find("img")
        assert img["loading"] == "lazy"
        assert "fetchpriority" not in img.attrs
        assert img["sizes"] and img["srcset"].count("w,") == 4
        assert (img["width"], img["height"]) == ("1600", "1000")
        assert img["src"].endswith(".jpg")
        assert img["alt"] != "None"


def test_second_render_generates_nothing_new(client, run_on_commit, settings):
    article = story_with_photos(run_on_commit, 3, size=(700, 500))
    files = stored_files(settings)
    renditions = Rendition.objects.count()
    first = page(client, article)
    second = page(client, article)
    assert stored_files(settings) == files
    assert Rendition.objects.count() == renditions
    assert str(first.find("article")) == str(second.find("article"))


def test_query_count_is_the_same_for_1_and_20_photos(client, run_on_commit):
    # Both pages' related-stories cards then show a story with a photo.
    story_with_photos(run_on_commit, 0, size=(500, 400))
    counts = []
    for inline in (1, 20):
        article = story_with_photos(run_on_commit, inline, size=(500, 400))
        client.get(article.get_absolute_url("en"))  # warm caches (sessions, etc.)
        with CaptureQueriesContext(connection) as queries:
            soup = page(client, article)
        story_pictures = [
            p for p in soup.find_all("picture") if not p.find_parent(class_="onward")
        ]
        assert len(story_pictures) == inline + 1
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_missing_renditions_make_at_most_one_photo_wait(client, settings):
    article = ArticleFactory(published=True)
    for position in range(1, 4):
        PhotoPlacementFactory(
            article=article,
            photo=PhotoFactory(
                image=SimpleUploadedFile(f"{position}.jpg", jpeg((900, 600)))
            ),
            position=position,
        )
    Photo.objects.update(width=900, height=600)
    soup = page(client, article)
    with_srcset = [img for img in soup.select("picture img") if img.get("srcset")]
    assert len(with_srcset) == 1
    assert Rendition.objects.values("photo").distinct().count() == 1
    # The others fall back to their originals, with their size known.
    fallbacks = [img for img in soup.select("picture img") if not img.get("srcset")]
    assert all(img["src"].startswith("/media/photos/") for img in fallbacks)
    assert all(img["width"] == "900" for img in fallbacks)
    # Each later request completes one more photo.
    page(client, article)
    assert Rendition.objects.values("photo").distinct().count() == 2


def test_archive_urls_use_the_image_servers_sizes(client):
    photo = RemotePhotoFactory(
        source_url="https://gdb.voanews.com/010FDCAA-1E88-444B_cy11_w1023_s.jpg"
    )
    article = ArticleFactory(published=True)
    PhotoPlacementFactory(article=article, photo=photo, position=1)
    img = page(client, article).select_one("picture img")
    assert img["src"] == photo.source_url
    assert img["srcset"].split(", ")[1] == (
        "https://gdb.voanews.com/010FDCAA-1E88-444B_cy11_w640_s.jpg 640w"
    )
    assert "_w1280_s.jpg 1280w" in img["srcset"]


@pytest.mark.parametrize(
    ("url", "at_640"),
    [
        (
            "https://gdb.voanews.com/F96A8E04-E2DE_w1023_575_s.jpg",
            "https://gdb.voanews.com/F96A8E04-E2DE_w640_360_s.jpg 640w",
        ),
        (
            "https://gdb.voanews.com/7BFE7165_w1280_h720.jpg",
            "https://gdb.voanews.com/7BFE7165_w640_h360.jpg 640w",
        ),
    ],
)
def test_framed_gdb_urls_scale_keeping_their_aspect_ratio(url, at_640):
    assert at_640 in remote_srcset(url).split(", ")
    assert remote_size(url) in ((1023, 575), (1280, 720))


def test_other_remote_urls_get_no_srcset():
    assert remote_srcset("https://example.org/photo_w1023_s.jpg") == ""
    assert remote_size("https://gdb.voanews.com/x_w1023_s.jpg") == (None, None)


def test_picture_tag_fails_loudly_at_parse_time():
    with pytest.raises(TemplateSyntaxError, match="Unknown picture slot"):
        Template('{% load photos %}{% picture photo slot="banner" %}')
    with pytest.raises(TemplateSyntaxError, match="Usage"):
        Template("{% load photos %}{% picture photo colour=1 %}")


def test_picture_tag_renders_softly_when_the_file_is_missing(settings):
    photo = PhotoFactory()
    Photo.objects.filter(pk=photo.pk).update(width=64, height=48)
    photo.refresh_from_db()
    photo.image.storage.delete(photo.image.name)
    from media_assets.pictures import reset_budget

    reset_budget()
    html = Template('{% load photos %}{% picture photo slot="card" alt="A" %}').render(
        Context({"photo": photo})
    )
    assert f'src="{photo.image.url}"' in html
    assert 'alt="A"' in html


def test_framed_remote_hero_reserves_its_box(db):
    from media_assets.pictures import picture_context
    from tests.factories import RemotePhotoFactory

    photo = RemotePhotoFactory(
        source_url="https://gdb.voanews.com/F96A8E04-E2DE_w1023_575_s.jpg"
    )
    context = picture_context(photo, slot="hero")
    assert (context["width"], context["height"]) == (1023, 575)
    assert "_w1280_719_s.jpg 1280w" in context["srcset"]
