"""The photo desk's pipeline: one way in for the admin, bulk upload and import.

ingest() validates a file by content, detects duplicates by SHA-256, reads
IPTC/XMP/EXIF into cutline, credit, source, copyright and date taken, saves
the photo in one transaction under a name made from its content (removing
the stored file again if the insert fails) and queues its renditions once
the transaction commits.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from media_assets.metadata import parse_date, read_metadata
from media_assets.models import Photo
from media_assets.naming import content_hash
from media_assets.renditions import correct_dimensions, drop_renditions
from media_assets.rights import agency_in_file
from media_assets.signals import announce_change
from media_assets.tasks import generate_renditions
from media_assets.validation import validate_image_file

KHMER = re.compile("[\u1780-\u17ff]")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}


class Status:
    CREATED = "created"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass
class IngestResult:
    """What happened to one file: created, duplicate (of `photo`) or rejected."""

    name: str
    status: str
    message: str
    photo: Photo | None = None
    network: bool = False  # a remote fetch found no server answering

    @property
    def ok(self):
        return self.status != Status.REJECTED


def find_duplicate(digest):
    return Photo.objects.filter(content_hash=digest).first()


def cutline_field(text):
    """Captions in Khmer script go to the Khmer cutline, others to English."""
    return build_localized_fieldname("cutline", "km" if KHMER.search(text) else "en")


def apply_metadata(photo, metadata, overwrite=False):
    """Fill `photo`'s fields from read_metadata() output.

    Values the editor already typed win unless `overwrite` is set. A file that
    names an agency only in its credit or copyright gives that agency as its
    source. Whatever wins here, rights.decide() withholds a photo whose file
    names an agency.
    """
    fields = metadata["fields"]
    photo.embedded_metadata = metadata
    named = agency_in_file(metadata)
    values = {
        "credit": fields.get("credit", ""),
        "source": fields.get("source") or (named[0] if named else ""),
        "copyright": fields.get("copyright", ""),
    }
    if fields.get("cutline"):
        values[cutline_field(fields["cutline"])] = fields["cutline"]
    for name, value in values.items():
        field = Photo._meta.get_field(name)
        if value and (overwrite or not getattr(photo, name)):
            setattr(photo, name, value[: field.max_length or None])
    taken = parse_date(fields.get("date_taken"))
    if taken and (overwrite or photo.date_taken is None):
        photo.date_taken = timezone.make_aware(taken)


def inspect(fileobj):
    """(sha256, metadata) of a validated upload; ValidationError otherwise."""
    validate_image_file(fileobj)
    digest = content_hash(fileobj)
    metadata = read_metadata(fileobj)
    fileobj.seek(0)
    return digest, metadata


def ingest(fileobj, name, source=""):
    """Add one file to the library; never raises for a bad file.

    `source` fills in the agency when the file names none (the file's own
    credit line wins, so an agency picture never gains a partner's rights).
    """
    try:
        digest, metadata = inspect(fileobj)
    except ValidationError as error:
        return IngestResult(name, Status.REJECTED, " ".join(error.messages))
    existing = find_duplicate(digest)
    if existing:
        return _duplicate(name, existing)
    photo = Photo(content_hash=digest, source=source)
    apply_metadata(photo, metadata, overwrite=True)
    if not photo.source:
        photo.source = source
    try:
        store_file(photo, fileobj)
    except IntegrityError:
        # The same file arrived concurrently; the first upload is the photo.
        existing = find_duplicate(digest)
        if existing is None:
            raise
        return _duplicate(name, existing)
    return IngestResult(name, Status.CREATED, "Added to the library.", photo)


def _duplicate(name, existing):
    return IngestResult(
        name,
        Status.DUPLICATE,
        f"This file is already in the library as photo {existing.pk} "
        f"(“{existing}”); that photo was kept and nothing new was added.",
        existing,
    )


def ingest_paths(paths, source=""):
    """Ingest files and folders (searched recursively for image suffixes).

    Folders pick files by suffix only to skip unrelated files; each picked
    file is still judged by its content.
    """
    results = []
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
            )
        elif path.is_file():
            files = [path]
        else:
            results.append(
                IngestResult(str(path), Status.REJECTED, "No such file or folder.")
            )
            continue
        for file_path in files:
            with file_path.open("rb") as handle:
                results.append(ingest(File(handle), str(file_path), source=source))
    return results


def store_file(photo, fileobj):
    """Save `fileobj` as the photo's image and the row, atomically.

    The file is named by its content (models.ContentNamedFieldFile), not by
    whatever the upload was called. A failed row save deletes the file it
    just wrote, so storage never keeps an orphan; renditions are queued once
    the transaction commits.
    """
    stored_before = photo.pk is not None
    with transaction.atomic():
        photo.image.save("", fileobj, save=False)
        try:
            correct_dimensions(photo)
            photo.save()
        except BaseException:
            default_storage.delete(photo.image.name)
            raise
        schedule_renditions(photo)
        if stored_before:  # a remote photo got its file: stories may show it
            announce_change(photo)
    return photo


def schedule_renditions(photo):
    """Queue generation of `photo`'s missing renditions after the commit."""
    if photo.image:
        photo_id = photo.pk
        transaction.on_commit(lambda: generate_renditions.enqueue(photo_id))


def photo_changed(photo, changed_fields):
    """Announce an edit of a stored photo; retire renditions it made stale.

    A new file retires all of them; a moved focal point only the crops.
    """
    announce_change(photo)
    changed = set(changed_fields)
    if "image" in changed:
        drop_renditions(photo)
        if photo.image:
            with photo.image.open("rb") as handle:
                photo.content_hash = content_hash(handle)
            correct_dimensions(photo)
            photo.save(update_fields=["content_hash", "width", "height"])
    elif changed & {"focal_x", "focal_y"}:
        drop_renditions(photo, crops=["16:9", "1:1", "4:5"])
    else:
        return
    schedule_renditions(photo)
