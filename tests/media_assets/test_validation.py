"""media_assets.validation judged directly, below the form layer."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from media_assets.validation import validate_image_file
from tests.factories import image_bytes


def test_bmp_is_refused_by_format(settings):
    upload = SimpleUploadedFile("x.jpg", image_bytes(image_format="BMP"))
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload)
    assert "BMP images are not accepted" in error.value.messages[0]


def test_text_is_refused_as_not_an_image():
    with pytest.raises(ValidationError) as error:
        validate_image_file(SimpleUploadedFile("x.jpg", b"hello"))
    assert error.value.code == "not_an_image"


def test_decompression_bomb_is_refused_before_decoding(settings):
    settings.PHOTO_MAX_PIXELS = 1000
    with pytest.raises(ValidationError) as error:
        validate_image_file(SimpleUploadedFile("x.png", image_bytes(size=(100, 100))))
    assert error.value.code == "too_many_pixels"


def test_good_jpeg_passes_and_the_file_is_rewound():
    upload = SimpleUploadedFile("x.jpg", image_bytes())
    validate_image_file(upload)
    assert upload.tell() == 0
