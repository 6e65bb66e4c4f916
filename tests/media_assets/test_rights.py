"""The one rights rule: agencies named in the file win, fail closed, one answer."""

import io

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from media_assets.models import Photo
from media_assets.rights import agency_named_in, refresh_decisions
from media_assets.services import ingest
from tests.factories import PhotoFactory
from tests.photo_files import EXIF_ARTIST, EXIF_COPYRIGHT, jpeg, xmp_packet

pytestmark = pytest.mark.django_db

# The review's file: a Reuters picture whose EXIF says so, uploaded as VOA's.
REUTERS_EXIF = {EXIF_ARTIST: "Samrang Pring/REUTERS", EXIF_COPYRIGHT: "Thomson Reuters"}


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def add_form(client, data, **fields):
    return client.post(
        reverse("admin:media_assets_photo_add"),
        {"image": upload(data), "focal_x": "0.5", "focal_y": "0.5", **fields},
    )


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Samrang Pring/REUTERS", "Reuters"),
        ("© 2018 Thomson Reuters", "Thomson Reuters"),
        ("AP Photo/Heng Sinith", "AP"),
        ("TANG CHHIN SOTHY/AFP/Getty Images", "Getty Images"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("EPA-EFE/MAK REMISSA", "EPA"),
        ("xinhua", "Xinhua"),
        ("APsara TV", None),
        ("Map by Sun Narin", None),
        ("VOA Khmer", None),
        ("", None),
    ],
)
def test_agencies_are_found_as_whole_words_in_any_case(text, agency):
    assert agency_named_in(text) == agency


def test_exif_agency_beats_the_bulk_uploads_source(editor_client):
    response = editor_client.post(
        reverse("admin:media_assets_photo_bulk_upload"),
        {"files": [upload(jpeg(exif=REUTERS_EXIF))], "source": "VOA Khmer"},
    )
    assert response.status_code == 200
    photo = Photo.objects.get()
    assert not photo.may_syndicate
    assert not Photo.objects.syndicatable().exists()
    assert photo.rights_reason == "the file's EXIF Artist names Reuters."
    # The file names no source field: the agency it names is its source.
    assert photo.source == "Reuters"


def test_exif_agency_beats_a_typed_source_and_explicit_rights(editor_client):
    response = add_form(
        editor_client,
        jpeg(exif={EXIF_COPYRIGHT: "Thomson Reuters"}),
        source="VOA Khmer",
        rights="may_syndicate",
    )
    assert response.status_code == 302, response.content[:2000]
    photo = Photo.objects.get()
    assert (photo.source, photo.rights) == ("VOA Khmer", "may_syndicate")
    assert not photo.may_syndicate
    page = editor_client.get(
        reverse("admin:media_assets_photo_change", args=[photo.pk])
    )
    text = BeautifulSoup(page.content, "html.parser").get_text(" ")
    assert (
        "Withheld from partners: the file's EXIF Copyright names Thomson Reuters."
        in text
    )


@pytest.mark.parametrize(
    "file_says",
    [
        {"iptc": {(2, 80): "Heng Sinith", (2, 110): "VOA Khmer", (2, 116): "AP"}},
        {"iptc": {(2, 115): "Xinhua"}},
        {"xmp": {"creator": "Sun Narin", "rights": "© AFP"}},
        {"xmp": {"credit": "Getty Images"}},
    ],
)
def test_an_agency_anywhere_in_iptc_or_xmp_withholds(file_says):
    photo = ingest(upload(jpeg(**file_says)), "photo.jpg", source="VOA Khmer").photo
    assert not Photo.objects.get(pk=photo.pk).may_syndicate
    assert photo.rights_reason.startswith("the file's ")


def test_a_second_xmp_creator_is_read_too():
    packet = xmp_packet(creator="Sun Narin").replace(
        b"<rdf:li>Sun Narin</rdf:li>", b"<rdf:li>Sun Narin</rdf:li><rdf:li>AP</rdf:li>"
    )
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 9, 9)).save(buffer, "JPEG", xmp=packet)
    photo = ingest(upload(buffer.getvalue()), "photo.jpg", source="VOA Khmer").photo
    assert photo.credit == "Sun Narin"
    assert not photo.may_syndicate
    assert photo.rights_reason == "the file's XMP dc:creator names AP."


def test_the_desks_own_file_still_goes_to_partners():
    data = jpeg(exif={EXIF_ARTIST: "Sun Narin", EXIF_COPYRIGHT: "VOA"})
    photo = ingest(upload(data), "photo.jpg", source="VOA Khmer").photo
    assert photo.may_syndicate
    assert photo.rights_reason == "its source “VOA Khmer” is the desk's own."


@pytest.mark.parametrize(
    ("fields", "may", "reason"),
    [
        ({"source": "VOA  Khmer"}, True, "its source “VOA  Khmer” is the desk's own."),
        ({"source": "voa | khmer"}, True, None),
        ({"source": "VOA Khmer", "credit": "Pring/Reuters"}, False, None),
        ({"source": "VOA Khmer", "copyright": "© AP"}, False, None),
        ({"source": ""}, False, None),
        ({"source": "A stringer"}, False, None),
        ({"source": "Reuters", "rights": "may_syndicate"}, True, None),
        ({"source": "VOA Khmer", "rights": "no_syndication"}, False, None),
    ],
)
def test_one_rule_for_the_property_and_the_queryset(fields, may, reason):
    photo = PhotoFactory(**{"credit": "", **fields})
    assert photo.may_syndicate is may
    assert Photo.objects.syndicatable().filter(pk=photo.pk).exists() is may
    assert Photo.objects.withheld().filter(pk=photo.pk).exists() is not may
    if reason:
        assert photo.rights_reason == reason


def test_a_changed_agency_list_applies_to_stored_photos_after_migrate(settings):
    photo = PhotoFactory(source="VOA Khmer", credit="Kith Serey/Khmer Times")
    assert photo.may_syndicate
    settings.NEWSROOM = {
        **settings.NEWSROOM,
        "PHOTO_AGENCIES": [*settings.NEWSROOM["PHOTO_AGENCIES"], "Khmer Times"],
    }
    refresh_decisions(sender=None, apps=apps, using="default")
    photo.refresh_from_db()
    assert not photo.may_syndicate
    assert photo.rights_reason == "its credit names Khmer Times."
