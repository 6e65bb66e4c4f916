"""Renditions: sizes, formats, orientation, metadata, focal crops, races."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from media_assets.geometry import CROPS, crop_box
from media_assets.models import Photo, Rendition
from media_assets.renditions import create_renditions, planned_specs
from media_assets.services import ingest, photo_changed
from tests.media_assets.conftest import stored_files
from tests.photo_files import (
    EXIF_ARTIST,
    EXIF_COPYRIGHT,
    EXIF_DESCRIPTION,
    EXIF_ORIENTATION,
    jpeg,
    marked_image,
)

pytestmark = pytest.mark.django_db


def add(data, run_on_commit=None, name="photo.jpg"):
    upload = SimpleUploadedFile(name, data)
    if run_on_commit:
        return run_on_commit(ingest, upload, name).photo
    return ingest(upload, name).photo


def opened(rendition):
    with default_storage.open(rendition.file.name) as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_full_set_has_every_width_in_webp_and_jpeg(run_on_commit):
    photo = add(jpeg(size=(2400, 1600)), run_on_commit)
    renditions = {r.spec: r for r in photo.renditions.all()}
    for width in (420, 640, 992, 1280, 1920):
        for fmt, pil_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
            rendition = renditions[f"orig-{width}.{fmt}"]
            image = opened(rendition)
            assert image.format == pil_format
            assert image.size == (width, round(1600 * width / 2400))
            assert (rendition.width, rendition.height) == image.size
    assert opened(renditions["16x9-1920.jpeg"]).size == (1920, 1080)
    assert opened(renditions["1x1-640.webp"]).size == (640, 640)
    assert opened(renditions["4x5-420.jpeg"]).size == (420, 525)


def test_small_originals_are_never_upscaled(run_on_commit):
    photo = add(jpeg(size=(500, 300)), run_on_commit)
    widths = {r.width for r in photo.renditions.all()}
    assert max(widths) == 500
    assert {r.spec for r in photo.renditions.all()} >= {
        "orig-500.webp",
        "orig-420.jpeg",
    }
    for rendition in photo.renditions.all():
        assert rendition.width <= 500 and rendition.height <= 300


def test_exif_orientation_is_applied(run_on_commit):
    # Stored landscape 400×200 with "rotate 90° clockwise to view": the red
    # top-left corner of the stored pixels ends up top-right, portrait.
    data = jpeg(image=marked_image((400, 200)), exif={EXIF_ORIENTATION: 6})
    photo = add(data, run_on_commit)
    assert (photo.width, photo.height) == (200, 400)
    image = opened(photo.renditions.get(spec="orig-200.jpeg"))
    assert image.size == (200, 400)
    red, green, blue = image.getpixel((190, 10))
    assert red > 200 and green < 60 and blue < 60
    assert image.getpixel((10, 390))[0] < 160  # grey elsewhere
    assert image.getexif().get(EXIF_ORIENTATION) is None


def test_metadata_is_stripped_except_credit_and_copyright(run_on_commit):
    data = jpeg(
        size=(700, 500),
        exif={
            EXIF_ARTIST: "Sun Narin",
            EXIF_COPYRIGHT: "VOA",
            EXIF_DESCRIPTION: "private note",
            0x010F: "CameraMaker",
        },
    )
    photo = add(data, run_on_commit)
    for spec in ("orig-640.jpeg", "orig-640.webp"):
        exif = opened(photo.renditions.get(spec=spec)).getexif()
        assert dict(exif) == {EXIF_ARTIST: "Sun Narin", EXIF_COPYRIGHT: "VOA"}


def test_credit_and_copyright_read_from_iptc_travel_with_renditions(run_on_commit):
    # Agencies write them in IPTC (or XMP) only; EXIF keeps them in the files.
    data = jpeg(size=(700, 500), iptc={(2, 80): "Samrang Pring", (2, 116): "© Reuters"})
    photo = add(data, run_on_commit)
    assert (photo.credit, photo.copyright) == ("Samrang Pring", "© Reuters")
    for spec in ("orig-640.jpeg", "orig-640.webp"):
        exif = opened(photo.renditions.get(spec=spec)).getexif()
        # EXIF text has no declared encoding; UTF-8 is what readers expect.
        as_utf8 = {tag: value.encode("latin-1").decode() for tag, value in exif.items()}
        assert as_utf8 == {EXIF_ARTIST: "Samrang Pring", EXIF_COPYRIGHT: "© Reuters"}


def test_other_colour_profiles_are_converted_to_srgb(run_on_commit):
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data = jpeg(size=(500, 400), color=(0, 0, 255), icc_profile=profile.tobytes())
    photo = add(data, run_on_commit)
    image = opened(photo.renditions.get(spec="orig-420.jpeg"))
    assert "icc_profile" not in image.info
    red, green, blue = image.getpixel((200, 200))
    assert blue > 200 and red < 40


@pytest.mark.parametrize("focal", [(0.05, 0.1), (0.9, 0.85), (0.5, 0.5)])
def test_focal_point_crop_keeps_the_marked_spot(run_on_commit, focal):
    # A white image with one black dot at the focal point: every crop shows it.
    width, height = 1600, 900
    image = Image.new("RGB", (width, height), (255, 255, 255))
    x, y = round(focal[0] * width), round(focal[1] * height)
    image.paste((0, 0, 0), (max(0, x - 20), max(0, y - 20), x + 20, y + 20))
    photo = add(jpeg(image=image), run_on_commit)
    Photo.objects.filter(pk=photo.pk).update(focal_x=focal[0], focal_y=focal[1])
    photo.refresh_from_db()
    # The crops are retired and made again by the task, as after an admin edit.
    run_on_commit(photo_changed, photo, ["focal_x"])
    for crop in ("1:1", "4:5", "16:9"):
        box = crop_box(width, height, CROPS[crop].ratio, *focal)
        spec = f"{CROPS[crop].key}-420.jpeg"
        rendition = photo.renditions.get(spec=spec)
        cut = opened(rendition).convert("L")
        scale = 420 / (box[2] - box[0])
        at = (
            min(419, round((x - box[0]) * scale)),
            min(cut.height - 1, round((y - box[1]) * scale)),
        )
        assert cut.getpixel(at) < 80, f"{crop}: the focal dot is not at {at}"


def test_moving_the_focal_point_regenerates_only_the_crops(run_on_commit, settings):
    photo = add(jpeg(size=(1000, 800)), run_on_commit)
    before = {r.spec: r.file.name for r in photo.renditions.all()}
    photo.focal_x = 0.1
    photo.save()
    run_on_commit(photo_changed, photo, ["focal_x"])
    after = {r.spec: r.file.name for r in photo.renditions.all()}
    assert set(after) == set(before)
    for spec, name in after.items():
        if spec.startswith("orig-"):
            assert name == before[spec]
        else:
            assert name != before[spec]
    # The retired files are gone from storage, not orphaned.
    assert len(stored_files(settings)) == 1 + len(after)


def test_creating_a_rendition_twice_is_race_safe(settings):
    photo = add(jpeg(size=(900, 600)))  # no commit: no task ran
    assert photo.renditions.count() == 0
    first = create_renditions(photo, ["orig-640.webp"])["orig-640.webp"]
    assert first.pk is not None and (first.width, first.height) == (640, 427)
    # A second writer that lost the race stores nothing extra.
    twin = create_renditions(Photo.objects.get(pk=photo.pk), ["orig-640.webp"])
    assert twin["orig-640.webp"].pk == first.pk
    assert Rendition.objects.filter(photo=photo).count() == 1
    assert len(stored_files(settings)) == 2  # the original and one rendition


def test_prefetched_renditions_answer_without_queries(
    django_assert_num_queries, run_on_commit
):
    add(jpeg(size=(900, 600)), run_on_commit)
    add(jpeg(size=(700, 500), color=(0, 90, 0)), name="later.jpg")  # no task ran
    stored, waiting = Photo.objects.prefetch_renditions().order_by("pk")
    square = next(r for r in stored.renditions.all() if r.spec == "1x1-420.jpeg")
    with django_assert_num_queries(0):
        # What the partner feed sends and the photo library lists.
        assert stored.largest_rendition("jpeg").spec == "orig-900.jpeg"
        assert stored.largest_rendition("webp").width == 900
        assert stored.thumbnail_url == square.url
        # Nothing generated yet: the upload itself, never a guess.
        assert waiting.largest_rendition("jpeg") is None
        assert waiting.thumbnail_url == waiting.url


def test_deleting_a_photo_removes_its_files(run_on_commit, settings):
    photo = add(jpeg(size=(700, 500)), run_on_commit)
    assert len(stored_files(settings)) == 1 + len(planned_specs(photo))
    run_on_commit(photo.delete)
    assert stored_files(settings) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_a_worker_generates_them(settings):
    # A real commit (the worker closes connections, as in production).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    photo = add(jpeg(size=(700, 500)))
    assert photo.renditions.count() == 0  # queued, not run in the request
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert photo.renditions.count() == len(planned_specs(photo))
