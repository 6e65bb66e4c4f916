"""Generating, storing and retiring renditions of library photos.

Files go to Django's default storage (STORAGES["default"]), so a bucket via
django-storages works by configuration. The unique (photo, spec) key makes
generation race-safe: two workers may render the same spec, the second
insert loses, and the loser's file is removed again.
"""

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from media_assets import geometry, imaging
from media_assets.models import Photo, Rendition


def planned_specs(photo, crops=None):
    """Names of every rendition `photo` should have (for `crops`, or all)."""
    if not photo.image or not photo.width or not photo.height:
        return []
    crops = crops or list(geometry.CROPS)
    return [
        spec.name
        for crop in crops
        for spec in geometry.plan(photo.width, photo.height, crop)
    ]


def missing_specs(photo, crops=None):
    existing = {rendition.spec for rendition in photo.renditions.all()}
    return [name for name in planned_specs(photo, crops) if name not in existing]


def correct_dimensions(photo):
    """Store the upright size (EXIF orientation applied) on `photo`.

    Django's ImageField records the raw pixel size, which is sideways for
    phone pictures taken upright.
    """
    with photo.image.open("rb") as handle:
        size = imaging.upright_size(handle)
    if (photo.width, photo.height) != size:
        photo.width, photo.height = size
        if photo.pk:
            Photo.objects.filter(pk=photo.pk).update(width=size[0], height=size[1])
    return size


def create_renditions(photo, names):
    """Generate `names` for `photo`, store them, return {name: Rendition}.

    The original is decoded once for the whole batch.
    """
    if not names:
        return {}
    specs = [geometry.RenditionSpec.parse(name) for name in names]
    if not photo.width or not photo.height:
        correct_dimensions(photo)
    largest = max(
        geometry.crop_size(photo.width, photo.height, geometry.CROPS[s.crop].ratio)[0]
        for s in specs
    )
    needed = max(spec.width for spec in specs)
    with photo.image.open("rb") as handle:
        image, exif = imaging.open_upright(
            handle,
            largest_width=needed if needed < largest else None,
            credit=photo.credit,
            copyright_notice=photo.copyright,
        )
        # A reduced JPEG decode keeps the crop maths in the decoded image's
        # pixels; sizes still come from the full upright size.
        results = {}
        for spec, data, (width, height) in imaging.render_many(
            image,
            specs,
            focal=photo.focal,
            original_size=(photo.width, photo.height),
            exif=exif,
        ):
            results[spec.name] = _store(photo, spec, data, width, height)
    return results


def _store(photo, spec, data, width, height):
    extension = geometry.EXTENSIONS[spec.fmt]
    stem = spec.name.rsplit(".", 1)[0]
    rendition = Rendition(photo=photo, spec=spec.name, width=width, height=height)
    # A random suffix keeps two racing writers from sharing a file name.
    rendition.file.save(
        f"{stem}-{secrets.token_hex(4)}.{extension}", ContentFile(data), save=False
    )
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:
        default_storage.delete(rendition.file.name)
        return Rendition.objects.get(photo=photo, spec=spec.name)
    return rendition


def drop_renditions(photo, crops=None):
    """Delete the rows of `photo`'s renditions (all, or only some crops).

    Their files go once the transaction commits (signals.delete_file_on_commit).
    """
    rows = Rendition.objects.filter(photo=photo)
    if crops:
        rows = rows.filter(
            spec__regex=r"^({})-".format(
                "|".join(geometry.CROPS[crop].key for crop in crops)
            )
        )
    deleted, _ = rows.delete()
    if hasattr(photo, "_prefetched_objects_cache"):
        photo._prefetched_objects_cache.pop("renditions", None)
    return deleted
