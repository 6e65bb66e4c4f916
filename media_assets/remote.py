"""Bringing remote originals (archive photos known by URL) into storage.

Downloads are bounded (timeout, byte limit, a few retries) and go through the
same checks as an upload; a photo is only changed when its file is stored
and valid, so an interrupted run leaves nothing half-saved.
"""

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from media_assets.models import Photo
from media_assets.services import (
    IngestResult,
    Status,
    apply_metadata,
    find_duplicate,
    inspect,
    store_file,
)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, 403, "redirect refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


class DownloadError(Exception):
    """A file could not be fetched; `network` is True when nothing answered."""

    def __init__(self, message, network=False):
        super().__init__(message)
        self.network = network


@dataclass
class FetchReport:
    results: list

    @property
    def all_unreachable(self):
        return bool(self.results) and all(r.network for r in self.results)


def download(url, timeout=10.0, retries=2, backoff=1.0):
    """The bytes at `url` (http or https only), refusing more than the upload limit."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DownloadError(f"{url} is not an http(s) address.")
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    last_error = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * attempt)
        try:
            # The scheme is checked above and on every redirect.
            with _OPENER.open(url, timeout=timeout) as response:
                data = response.read(limit + 1)
        except urllib.error.HTTPError as error:
            if error.code < 500:
                raise DownloadError(f"The server answered {error.code}.") from error
            last_error = DownloadError(f"The server answered {error.code}.")
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            last_error = DownloadError(f"No answer ({reason}).", network=True)
        else:
            if len(data) > limit:
                raise DownloadError("The file is larger than the upload limit.")
            return data
    raise last_error


def fetch_photo(photo, timeout=10.0, retries=2, backoff=1.0):
    """Download `photo`'s remote original and attach it as its file."""
    try:
        data = download(photo.source_url, timeout, retries, backoff)
    except DownloadError as error:
        return IngestResult(
            photo.source_url, Status.REJECTED, str(error), photo, error.network
        )
    # The name is only a label: the stored file is named by its content.
    upload = SimpleUploadedFile(f"photo-{photo.pk}", data)
    try:
        digest, metadata = inspect(upload)
    except ValidationError as error:
        return IngestResult(
            photo.source_url, Status.REJECTED, " ".join(error.messages), photo
        )
    existing = find_duplicate(digest)
    if existing and existing.pk != photo.pk:
        return IngestResult(
            photo.source_url,
            Status.DUPLICATE,
            f"The same file is already photo {existing.pk}; this one keeps "
            "its remote address.",
            existing,
        )
    photo.content_hash = digest
    apply_metadata(photo, metadata, overwrite=False)
    store_file(photo, upload)
    return IngestResult(photo.source_url, Status.CREATED, "Downloaded.", photo)


def fetch_remote_photos(timeout=10.0, retries=2, backoff=1.0):
    """Fetch every photo that has a remote address and no file yet."""
    photos = Photo.objects.filter(image="").exclude(source_url="").order_by("pk")
    return FetchReport(
        [fetch_photo(photo, timeout, retries, backoff) for photo in photos]
    )
