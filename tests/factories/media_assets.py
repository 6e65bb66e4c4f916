"""Factories for a photo's generated files and its audit rows."""

import factory

from media_assets.models import PhotoChange, Rendition
from tests.factories import PhotoFactory, image_bytes


class RenditionFactory(factory.django.DjangoModelFactory):
    """A 16:9 JPEG 320 pixels wide, as renditions.create_renditions stores it."""

    class Meta:
        model = Rendition

    photo = factory.SubFactory(PhotoFactory)
    spec = "16x9-320.jpg"
    width = 320
    height = 180
    file = factory.django.FileField(
        filename="16x9-320.jpg", data=image_bytes(size=(320, 180))
    )


class PhotoChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhotoChange

    photo = factory.SubFactory(PhotoFactory)
    user = None
    user_name = "system"
    field = "rights"
    old = ""
    new = "no_syndication"
