"""The ingest pipeline: validation by content, metadata, duplicates, rights."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from media_assets.metadata import read_metadata
from media_assets.models import Photo, Rendition
from media_assets.services import Status, ingest
from tests.media_assets.conftest import stored_files
from tests.photo_files import (
    EXIF_ARTIST,
    EXIF_COPYRIGHT,
    EXIF_DESCRIPTION,
    animated_gif,
    bomb_png,
    jpeg,
    png,
)

pytestmark = pytest.mark.django_db

KHMER_CUTLINE = "ប្រជាពលរដ្ឋ\u200bតម្រង់ជួរ\u200bបោះឆ្នោត នៅ​ភ្នំពេញ"


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data)


def test_iptc_fields_are_read():
    data = jpeg(
        iptc={
            (2, 120): "Voters line up in Phnom Penh, July 29, 2018.",
            (2, 80): "Samrang Pring",
            (2, 110): "Reuters",
            (2, 116): "© 2018 Thomson Reuters",
            (2, 55): "20180729",
        }
    )
    fields = read_metadata(upload(data))["fields"]
    assert fields == {
        "cutline": "Voters line up in Phnom Penh, July 29, 2018.",
        "credit": "Samrang Pring",
        "source": "Reuters",
        "copyright": "© 2018 Thomson Reuters",
        "date_taken": "20180729",
    }


def test_xmp_fields_are_read_and_khmer_round_trips():
    data = jpeg(
        xmp={
            "description": KHMER_CUTLINE,
            "creator": "ស៊ុន ណារិន",
            "credit": "VOA Khmer",
            "rights": "VOA",
            "date": "2018-07-29T08:30:00+07:00",
        }
    )
    fields = read_metadata(upload(data))["fields"]
    assert fields["cutline"].encode() == KHMER_CUTLINE.encode()
    assert fields["credit"] == "ស៊ុន ណារិន"
    assert fields["source"] == "VOA Khmer"
    assert fields["copyright"] == "VOA"


def test_exif_fields_are_read_when_nothing_else_says():
    data = jpeg(
        exif={
            EXIF_DESCRIPTION: "A rally in Kandal",
            EXIF_ARTIST: "Khan Sokummono",
            EXIF_COPYRIGHT: "VOA",
        }
    )
    found = read_metadata(upload(data))
    assert found["fields"]["cutline"] == "A rally in Kandal"
    assert found["fields"]["credit"] == "Khan Sokummono"
    assert {item["standard"] for item in found["found"]} == {"EXIF"}


def test_xmp_wins_over_iptc_and_both_are_reported():
    data = jpeg(
        iptc={(2, 80): "IPTC Name"},
        xmp={"creator": "XMP Name"},
    )
    found = read_metadata(upload(data))
    assert found["fields"]["credit"] == "XMP Name"
    assert {(i["standard"], i["value"]) for i in found["found"]} == {
        ("XMP", "XMP Name"),
        ("IPTC", "IPTC Name"),
    }


def test_ingest_fills_the_photo_from_the_file(run_on_commit):
    data = jpeg(
        size=(800, 600),
        iptc={
            (2, 120): KHMER_CUTLINE,
            (2, 80): "Sun Narin",
            (2, 115): "VOA Khmer",
            (2, 116): "VOA",
            (2, 55): "20180729",
        },
    )
    result = run_on_commit(ingest, upload(data, "rally.jpg"), "rally.jpg")
    assert result.status == Status.CREATED
    photo = Photo.objects.get(pk=result.photo.pk)
    assert photo.cutline_km == KHMER_CUTLINE
    assert not photo.cutline_en
    assert (photo.credit, photo.source, photo.copyright) == (
        "Sun Narin",
        "VOA Khmer",
        "VOA",
    )
    assert timezone.localtime(photo.date_taken).date().isoformat() == "2018-07-29"
    assert (photo.width, photo.height) == (800, 600)
    assert len(photo.content_hash) == 64
    assert photo.embedded_metadata["fields"]["credit"] == "Sun Narin"
    # The task ran on commit: the full set exists. 800 px wide: 420, 640, 800
    # uncropped and 16:9; square 420, 600; 4:5 420, 480; each WebP and JPEG.
    assert Rendition.objects.filter(photo=photo).count() == 20


@pytest.mark.parametrize(
    ("source", "may_syndicate"),
    [
        ("VOA Khmer", True),
        ("VOA", True),
        ("Reuters", False),
        ("AP", False),
        ("AFP", False),
        ("", False),
        ("Some Stringer", False),
    ],
)
def test_default_rights_follow_the_source(source, may_syndicate):
    data = jpeg(iptc={(2, 110): source} if source else None)
    result = ingest(upload(data), "photo.jpg")
    assert result.photo.rights == ""
    assert result.photo.may_syndicate is may_syndicate


def test_the_files_own_credit_line_beats_the_import_source():
    data = jpeg(iptc={(2, 110): "Reuters"})
    result = ingest(upload(data), "photo.jpg", source="VOA Khmer")
    assert result.photo.source == "Reuters"
    assert not result.photo.may_syndicate
    plain = ingest(upload(jpeg(color=(1, 2, 3))), "plain.jpg", source="VOA Khmer")
    assert plain.photo.source == "VOA Khmer"
    assert plain.photo.may_syndicate


def test_the_same_file_twice_is_offered_as_the_existing_photo(settings):
    data = jpeg(size=(120, 90))
    first = ingest(upload(data, "a.jpg"), "a.jpg")
    files_after_first = stored_files(settings)
    second = ingest(upload(data, "copy-of-a.jpg"), "copy-of-a.jpg")
    assert second.status == Status.DUPLICATE
    assert second.photo == first.photo
    assert f"photo {first.photo.pk}" in second.message
    assert Photo.objects.count() == 1
    assert stored_files(settings) == files_after_first


def truncated_jpeg():
    data = jpeg(size=(400, 300), color=(10, 200, 30))
    return data[: len(data) // 2]


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.4 not an image at all", "not an image"),
        (truncated_jpeg(), "damaged or incomplete"),
        (SVG, "SVG"),
        (b"  <svg xmlns='http://www.w3.org/2000/svg'></svg>", "SVG"),
        (animated_gif(frames=10), "10 frames"),
    ],
    ids=["non-image", "truncated", "svg", "svg-no-prolog", "animated"],
)
def test_bad_files_are_rejected_and_nothing_is_stored(settings, data, words):
    result = ingest(upload(data, "evil.jpg"), "evil.jpg")
    assert result.status == Status.REJECTED
    assert words in result.message
    assert Photo.objects.count() == 0
    assert stored_files(settings) == []


def test_decompression_bomb_is_rejected(settings):
    result = ingest(upload(bomb_png((10_000, 10_000)), "bomb.png"), "bomb.png")
    assert result.status == Status.REJECTED
    assert "pixels" in result.message
    assert stored_files(settings) == []


def test_pixel_limit_is_a_setting(settings):
    settings.PHOTO_MAX_PIXELS = 100 * 100
    result = ingest(upload(jpeg(size=(200, 200))), "big.jpg")
    assert result.status == Status.REJECTED
    assert "200 × 200" in result.message


def test_oversize_file_is_rejected(settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    result = ingest(upload(jpeg(size=(300, 300), quality=100)), "big.jpg")
    assert result.status == Status.REJECTED
    assert "the limit is 1000" in result.message
    assert stored_files(settings) == []


def test_transparent_png_is_accepted_and_flattened(run_on_commit):
    result = run_on_commit(ingest, upload(png(size=(700, 500)), "logo.png"), "logo.png")
    assert result.status == Status.CREATED
    assert result.photo.renditions.filter(spec="orig-640.jpeg").exists()
