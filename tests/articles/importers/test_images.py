"""Archive images into the photo library: local files, downloads, duplicates."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.importers.jekyll import import_site
from articles.models import Article
from media_assets.models import Photo
from media_assets.services import Status as IngestStatus
from media_assets.services import ingest
from tests.articles.importers.small_site import OTHER_EN
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db


def test_fetch_images_offline_is_a_warning(site, settings):
    # Allowed although loopback, so the test meets a closed port, not the SSRF guard.
    settings.PHOTO_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1:9"]
    post_with_remote_hero(site, "http://127.0.0.1:9/offline.jpg")
    report = import_site(site, fetch_images=True)
    assert report.ok, report.failures
    assert any("could not download" in w for w in report.warnings)
    photo = Article.objects.get(slug="other").placements.get(kind="hero").photo
    assert photo.source_url == "http://127.0.0.1:9/offline.jpg" and not photo.image


def fake_download(monkeypatch, data):
    """A download answering `data`: the tests never touch the network."""
    from articles.importers.jekyll import images

    monkeypatch.setattr(images, "download", lambda *args, **kwargs: data)


def post_with_remote_hero(site, url):
    path = site / "english/_posts/2018-01-02-other.md"
    path.write_text(OTHER_EN.replace("date:", f"image: {url}\ndate:"), "utf-8")


def test_fetched_remote_image_that_is_not_an_image_stays_remote(site, monkeypatch):
    fake_download(monkeypatch, b"<html>not a photo</html>")
    post_with_remote_hero(site, "https://gdb.example.org/a.jpg")
    report = import_site(site, fetch_images=True)
    assert report.ok, report.failures
    assert any("downloaded but refused" in w for w in report.warnings)
    photo = Article.objects.get(slug="other").placements.get(kind="hero").photo
    assert photo.source_url == "https://gdb.example.org/a.jpg" and not photo.image


def test_fetched_remote_image_is_stored(site, monkeypatch):
    fake_download(monkeypatch, image_bytes(size=(30, 20)))
    post_with_remote_hero(site, "https://gdb.example.org/b.jpg")
    assert import_site(site, fetch_images=True).ok
    photo = Article.objects.get(slug="other").placements.get(kind="hero").photo
    assert photo.image and photo.width == 30
    assert photo.source_url == "https://gdb.example.org/b.jpg"


def test_archive_images_join_the_library_pipeline(
    site, django_capture_on_commit_callbacks
):
    # The same picture under a second name in the archive, used by another post.
    cow = (site / "img/animals/cow.jpg").read_bytes()
    (site / "img/cow-copy.jpg").write_bytes(cow)
    path = site / "english/_posts/2018-01-02-other.md"
    path.write_text(OTHER_EN.replace("date:", "image: cow-copy.jpg\ndate:"), "utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_site(site).ok
    photo = Photo.objects.get()  # identical files are one library photo
    other = Article.objects.get(slug="other")
    assert other.placements.get(kind="hero").photo == photo
    assert photo.renditions.filter(spec__endswith=".webp").exists()
    # Uploading the archive's file again is offered as the archive's photo.
    again = ingest(SimpleUploadedFile("cow.jpg", cow), "cow.jpg")
    assert (again.status, again.photo) == (IngestStatus.DUPLICATE, photo)
