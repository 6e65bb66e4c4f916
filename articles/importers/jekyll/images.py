"""Archive images -> library Photos, one Photo per image however often it is used.

`/img/x.jpg`, `img/x.jpg` and bare `x.jpg` resolve under SITE_DIR/img (its
sub-folders too) and are stored as Photo files, checked by the Photo model's
own validation, hashed for duplicate detection (a file already in the library
is reused) and given renditions like an upload. Remote URLs become Photos that
point at the remote original; with --fetch-images they are downloaded
(timeouts; offline is a warning) by fetch_remote(), which the importer calls
before the story's transaction opens: no download ever holds a database lock.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile

from articles.models import ImportedImage
from media_assets.models import Photo
from media_assets.remote import DownloadError, download
from media_assets.renditions import correct_dimensions
from media_assets.services import content_hash, find_duplicate, schedule_renditions

FETCH_TIMEOUT_SECONDS = 10


# The file's own checks (format, size); the constraints need no query here: a
# photo made below always has its file or URL, the content hash is matched by
# _same_file_in_library, and the database still enforces both.
FIELD_CHECKS_ONLY = {"validate_unique": False, "validate_constraints": False}


class MissingImage(Exception):
    """A local image the post names is not in SITE_DIR/img."""


def is_remote(ref):
    return urlsplit(ref).scheme in ("http", "https")


@dataclass
class ImageLibrary:
    """Finds and creates Photos for one import run (a cache per run).

    Counts and warnings go to the `report` of the story being built.
    """

    site_dir: Path
    fetch: bool = False
    _index: dict = field(default=None, init=False)
    written: list = field(default_factory=list, init=False)
    fetched: dict = field(default_factory=dict, init=False)  # URL -> bytes

    def fetch_remote(self, refs, path_for_messages, report):
        """Download the remote `refs` not yet in the library (outside transactions)."""
        if not self.fetch:
            return
        for ref in refs:
            if (
                is_remote(ref)
                and ref not in self.fetched
                and not ImportedImage.objects.filter(key=ref).exists()
            ):
                data = self._download(ref, path_for_messages, report)
                if data is not None:
                    self.fetched[ref] = data

    def discard_written(self):
        """Delete files saved by photos whose rows were rolled back."""
        for photo in self.written:
            photo.image.delete(save=False)
        self.written.clear()

    def _local_index(self):
        if self._index is None:
            root = self.site_dir / "img"
            self._index = {}
            if root.is_dir():
                for path in sorted(root.rglob("*")):
                    if path.is_file():
                        relative = path.relative_to(root).as_posix()
                        self._index.setdefault(relative, relative)
                        self._index.setdefault(path.name, relative)
        return self._index

    def key_for(self, ref):
        """'/img/x.jpg' -> 'img/parties/x.jpg'; a URL is its own key."""
        if is_remote(ref):
            return ref
        parts = PurePosixPath(ref.lstrip("/")).parts
        if parts and parts[0] == "img":
            parts = parts[1:]
        relative = "/".join(parts)
        index = self._local_index()
        found = index.get(relative) or index.get(PurePosixPath(relative).name)
        if not found:
            raise MissingImage(ref)
        return f"img/{found}"

    def photo(self, ref, path_for_messages, report):
        """The Photo for `ref`, created on first use; raises MissingImage."""
        key = self.key_for(ref)
        existing = ImportedImage.objects.filter(key=key).select_related("photo").first()
        if existing:
            report.photos_reused += 1
            return existing.photo
        if is_remote(key):
            photo = Photo(source_url=key)
            data = self.fetched.pop(key, None)
            if data is not None:
                photo.image.save(self._file_name(key), ContentFile(data), save=False)
            report.photos_remote += 1
        else:
            photo = Photo()
            local = self.site_dir / key
            with local.open("rb") as handle:
                photo.image.save(PurePosixPath(key).name, File(handle), save=False)
            report.photos_local += 1
        try:
            photo.full_clean(**FIELD_CHECKS_ONLY)
        except ValidationError as error:
            photo.image.delete(save=False)
            if not photo.source_url:
                raise ValidationError(
                    f"image {ref}: {' '.join(error.messages)}"
                ) from error
            # A download that is not a usable image: the remote original stays.
            report.warn(
                path_for_messages, f"{key} downloaded but refused: {error.messages[0]}"
            )
            photo.full_clean(**FIELD_CHECKS_ONLY)
        if photo.image:
            same = self._same_file_in_library(photo)
            if same is not None:
                ImportedImage.objects.create(key=key, photo=same)
                report.photos_reused += 1
                return same
        photo.save()
        if photo.image:
            self.written.append(photo)
            schedule_renditions(photo)
        ImportedImage.objects.create(key=key, photo=photo)
        return photo

    @staticmethod
    def _same_file_in_library(photo):
        """The library photo with this file's content, else None.

        Hashing here as an upload does keeps duplicate detection working for
        archive files, and the upright size is what renditions are planned on.
        """
        with photo.image.open("rb") as handle:
            digest = content_hash(handle)
        existing = find_duplicate(digest)
        if existing is not None:
            photo.image.delete(save=False)
            return existing
        photo.content_hash = digest
        correct_dimensions(photo)
        return None

    def _download(self, url, path_for_messages, report):
        # The photo desk's downloader: http(s) only (redirects too), the upload
        # size limit, a timeout; one try, since an import should not stall.
        try:
            return download(url, timeout=FETCH_TIMEOUT_SECONDS, retries=0)
        except DownloadError as error:
            report.warn(
                path_for_messages, f"could not download {url} ({error}); kept remote"
            )
            return None

    @staticmethod
    def _file_name(url):
        return PurePosixPath(urlsplit(url).path).name or (
            hashlib.sha256(url.encode()).hexdigest()[:16] + ".jpg"
        )
