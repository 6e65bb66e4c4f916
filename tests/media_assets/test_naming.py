"""Stored photo files are named by the project, not the upload (issue 9, item 1).

The attack: a valid PNG carrying <script> in a text chunk, uploaded as
poly.html, was stored under that name and served as text/html from the
site's own origin. Every way in is tried here; each must store
photos/<hh>/<sha256>.png and serve it as image/png, not sniffed.
"""

import hashlib
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, PngImagePlugin

from articles.importers.jekyll import import_site
from media_assets.models import Photo
from media_assets.naming import stored_name
from media_assets.remote import fetch_remote_photos
from media_assets.services import ingest
from tests.factories import PhotoFactory, RemotePhotoFactory
from tests.media_assets.local_servers import allow, answer, local_server
from tests.photo_files import jpeg

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>document.title='pwned'</script>"
HASHED_PNG = re.compile(r"^photos/([0-9a-f]{2})/\1[0-9a-f]{62}\.png$")


def polyglot_png(color=(10, 120, 200)):
    """A valid 64x64 PNG whose bytes include an HTML <script> (a tEXt chunk)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"<html><body>{SCRIPT.decode()}</body></html>")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buffer, "PNG", pnginfo=info)
    data = buffer.getvalue()
    assert SCRIPT in data
    return data


def poly_upload(data=None):
    return SimpleUploadedFile("poly.html", data or polyglot_png(), "text/html")


def assert_stored_as_png(photo, data):
    photo.refresh_from_db()
    assert HASHED_PNG.match(photo.image.name), photo.image.name
    digest = hashlib.sha256(data).hexdigest()
    assert Path(photo.image.name).name == f"{digest}.png"
    assert "poly" not in photo.image.name and ".html" not in photo.image.name


def assert_served_as_png(client, photo):
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert SCRIPT in b"".join(response.streaming_content)  # the same bytes


@pytest.fixture
def reporter_client(client, make_user):
    client.force_login(make_user("Reporter"))
    return client


def test_admin_add_form_stores_a_reporters_poly_html_as_png(reporter_client):
    data = polyglot_png()
    response = reporter_client.post(
        reverse("admin:media_assets_photo_add"),
        {"image": poly_upload(data), "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert response.status_code == 302, response.content[:2000]
    photo = Photo.objects.get()
    assert_stored_as_png(photo, data)
    assert_served_as_png(reporter_client, photo)


def test_admin_change_form_names_a_replacement_file_by_content(reporter_client):
    from tests.admin_forms import form_data

    photo = PhotoFactory()
    url = reverse("admin:media_assets_photo_change", args=[photo.pk])
    fields = form_data(reporter_client.get(url), "photo_form")
    data = polyglot_png()
    fields["image"] = poly_upload(data)
    response = reporter_client.post(url, fields)
    assert response.status_code == 302, response.content[:2000]
    assert_stored_as_png(photo, data)


def test_bulk_upload_stores_poly_html_as_png(reporter_client):
    data = polyglot_png()
    response = reporter_client.post(
        reverse("admin:media_assets_photo_bulk_upload"),
        {"files": [poly_upload(data)], "source": "VOA Khmer"},
    )
    assert response.status_code == 200
    photo = Photo.objects.get()
    assert_stored_as_png(photo, data)
    assert_served_as_png(reporter_client, photo)


def test_ingest_and_import_photos_ignore_the_files_name(client, tmp_path):
    data = polyglot_png()
    assert_stored_as_png(ingest(poly_upload(data), "poly.html").photo, data)
    other = polyglot_png(color=(1, 2, 3))
    (tmp_path / "poly.html").write_bytes(other)
    call_command("import_photos", str(tmp_path / "poly.html"), stdout=io.StringIO())
    photo = Photo.objects.get(content_hash=hashlib.sha256(other).hexdigest())
    assert_stored_as_png(photo, other)
    assert_served_as_png(client, photo)


def test_fetch_remote_photos_ignores_the_name_in_the_url(client, settings):
    data = polyglot_png()
    with local_server(lambda handler: answer(handler, body=data)) as server:
        allow(settings, server)
        photo = RemotePhotoFactory(source_url=f"{server.url}/uploads/poly.html")
        [result] = fetch_remote_photos(retries=0).results
    assert result.status == "created", result.message
    assert_stored_as_png(photo, data)
    assert_served_as_png(client, photo)


def test_the_importer_names_local_and_fetched_images_by_content(tmp_path, settings):
    local, remote = polyglot_png(), polyglot_png(color=(1, 2, 3))
    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "img/poly.html").write_bytes(local)
    posts = site / "english/_posts"
    posts.mkdir(parents=True)
    with local_server(lambda handler: answer(handler, body=remote)) as server:
        allow(settings, server)
        for day, image in ((1, "/img/poly.html"), (2, f"{server.url}/poly.html")):
            (posts / f"2018-01-0{day}-story-{day}.md").write_text(
                f"---\ntitle: Story {day}\nimage: {image}\ndate: 2018-01-0{day}\n"
                "categories: feature\n---\n\nText.\n",
                encoding="utf-8",
            )
        report = import_site(site, fetch_images=True)
    assert report.ok, report.failures
    for data in (local, remote):
        photo = Photo.objects.get(content_hash=hashlib.sha256(data).hexdigest())
        assert_stored_as_png(photo, data)


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        (jpeg(), "jpg"),
        (polyglot_png(), "png"),
        (b"<html><script>alert(1)</script></html>", "bin"),
    ],
)
def test_the_extension_is_the_detected_format(data, extension):
    name = stored_name(io.BytesIO(data))
    assert name == f"{hashlib.sha256(data).hexdigest()}.{extension}"


def test_an_existing_html_file_in_media_is_never_served(client, settings):
    old = Path(settings.MEDIA_ROOT) / "photos/2025/01/poly.html"
    old.parent.mkdir(parents=True)
    old.write_bytes(polyglot_png())
    (old.parent / "notes.txt").write_text("plain text")
    (old.parent / "photo.JPG").write_bytes(jpeg())
    for path in ("poly.html", "notes.txt", "", "poly.html%00.png", "missing.png"):
        response = client.get(f"{settings.MEDIA_URL}photos/2025/01/{path}")
        assert response.status_code == 404, path
    response = client.get(f"{settings.MEDIA_URL}photos/2025/01/photo.JPG")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
