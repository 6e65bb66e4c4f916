"""import_photos and fetch_remote_photos: thin commands over the pipeline."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from media_assets.models import Photo
from tests.factories import RemotePhotoFactory
from tests.media_assets.conftest import stored_files
from tests.media_assets.local_servers import allow, answer, local_server
from tests.photo_files import jpeg

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_photos_reads_folders_and_reports_each_file(tmp_path):
    folder = tmp_path / "incoming"
    (folder / "day2").mkdir(parents=True)
    (folder / "a.jpg").write_bytes(jpeg(size=(300, 200), iptc={(2, 80): "Sun Narin"}))
    (folder / "day2" / "b.JPG").write_bytes(jpeg(size=(300, 200), color=(1, 1, 1)))
    (folder / "notes.txt").write_text("not a photo, skipped by suffix")
    output = run("import_photos", str(folder), "--source", "VOA Khmer")
    assert output.count("created") == 2
    assert set(Photo.objects.values_list("source", flat=True)) == {"VOA Khmer"}
    assert Photo.objects.get(credit="Sun Narin").may_syndicate


def test_import_photos_exits_non_zero_when_a_file_is_rejected(tmp_path, settings):
    good = tmp_path / "good.jpg"
    good.write_bytes(jpeg())
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(CommandError, match="1 of 2 file"):
        run("import_photos", str(good), str(bad))
    assert Photo.objects.count() == 1
    assert len([f for f in stored_files(settings) if f.startswith("photos/")]) == 1


def test_import_photos_counts_duplicates_as_success(tmp_path):
    good = tmp_path / "good.jpg"
    good.write_bytes(jpeg())
    run("import_photos", str(good))
    output = run("import_photos", str(good))
    assert "duplicate" in output
    assert Photo.objects.count() == 1


def test_import_photos_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="rejected"):
        run("import_photos", str(tmp_path / "nowhere"))


@pytest.fixture
def image_server(settings):
    """A real HTTP server on localhost serving one JPEG and one broken file."""
    files = {
        "/archive/ABC_w1023_s.jpg": jpeg(size=(1023, 682)),
        "/archive/broken_w1023_s.jpg": jpeg(size=(400, 300))[:300],
    }

    def respond(handler):
        body = files.get(handler.path)
        answer(handler, 200 if body else 404, body or b"")

    with local_server(respond) as server:
        allow(settings, server)  # loopback is refused unless allowed
        yield server.url


def test_fetch_remote_photos_downloads_and_then_local_renditions_are_used(
    image_server, django_capture_on_commit_callbacks
):
    photo = RemotePhotoFactory(source_url=f"{image_server}/archive/ABC_w1023_s.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        output = run("fetch_remote_photos", "--retries", "0")
    assert "created" in output
    photo.refresh_from_db()
    assert photo.image and (photo.width, photo.height) == (1023, 682)
    assert photo.source_url.endswith("_w1023_s.jpg")  # kept for the record
    assert photo.renditions.filter(spec="orig-1023.webp").exists()


def test_fetch_remote_photos_reports_failures_and_changes_nothing(
    image_server, settings
):
    RemotePhotoFactory(source_url=f"{image_server}/archive/broken_w1023_s.jpg")
    RemotePhotoFactory(source_url=f"{image_server}/archive/missing.jpg")
    with pytest.raises(CommandError, match="2 of 2 download"):
        run("fetch_remote_photos", "--retries", "0")
    assert not Photo.objects.exclude(image="").exists()
    assert stored_files(settings) == []


def test_fetch_remote_photos_offline_says_so(settings):
    # Port 9 on localhost (discard) is closed: the same as no network.
    allow(settings, "127.0.0.1:9")
    RemotePhotoFactory(source_url="http://127.0.0.1:9/archive/ABC_w1023_s.jpg")
    with pytest.raises(CommandError, match="offline"):
        run("fetch_remote_photos", "--retries", "1", "--timeout", "1")
    assert not Photo.objects.exclude(image="").exists()


def test_import_photos_takes_the_real_archive_images(voa_fixtures, settings):
    output = run("import_photos", str(voa_fixtures / "img"), "--source", "VOA Khmer")
    created = Photo.objects.count()
    assert created == output.count("created") > 0
    for photo in Photo.objects.all():
        assert photo.width and photo.height and len(photo.content_hash) == 64
