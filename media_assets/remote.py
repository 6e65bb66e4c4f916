"""Bringing remote originals (archive photos known by URL) into storage.

One module on purpose (~330 lines): the address check, the pinned connection,
the deadline and the redirect loop only hold together; split, a caller could
reach a connection that skipped a check.

A download may only reach the public internet: every connection, the first
and each redirect's, resolves the host once, refuses loopback, private,
link-local, multicast, reserved and unspecified addresses (IPv4 and IPv6,
IPv4-mapped too), then connects to the very address it checked, so a DNS
answer that changes between check and connect cannot redirect it inside.
PHOTO_FETCH_ALLOWED_ADDRESSES names exact "address:port" exceptions (the
tests' local servers; empty by default). Environment proxies are not used:
through a proxy the address checked would be the proxy's.

One wall-clock budget (`timeout`) covers the whole download: name lookups,
connections, redirects, every read and the retries; the byte limit is the
upload limit. The file then goes through the same checks as an upload, and a
photo is only changed when its file is stored and valid.
"""

import concurrent.futures
import contextlib
import functools
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
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

CHUNK_BYTES = 64 * 1024
# Name lookups run here so that a resolver that hangs cannot outlast the budget.
_RESOLVER = concurrent.futures.ThreadPoolExecutor(
    max_workers=4, thread_name_prefix="photo-fetch-dns"
)


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


def refusal(address):
    """Why `address` (an ip_address) is not fetched from, or "" when public."""
    if address.version == 6:
        address = address.ipv4_mapped or address.sixtofour or address
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    return next((label for label, hit in checks if hit), "")


def allowed_exceptions():
    """{(ip_address, port)} from PHOTO_FETCH_ALLOWED_ADDRESSES ("10.1.2.3:8080")."""
    exceptions = set()
    for entry in settings.PHOTO_FETCH_ALLOWED_ADDRESSES:
        parts = urlsplit(f"//{entry}")
        try:
            if parts.port is None:
                raise ValueError("no port")
            exceptions.add((ipaddress.ip_address(parts.hostname), parts.port))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"PHOTO_FETCH_ALLOWED_ADDRESSES: {entry!r} is not "
                "'address:port' (e.g. '10.1.2.3:8080' or '[fd00::1]:443')."
            ) from error
    return exceptions


class _Budget:
    """One download's deadline and the sockets it opened.

    Socket timeouts bound each read, not their sum (a server sending a byte
    every few seconds never trips one), so a timer shuts every socket of the
    download when the budget is spent; whatever was waiting then fails.
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self.expired = False
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def error(self):
        return DownloadError(
            f"The download took longer than {self.seconds:g} s in all and was stopped."
        )

    def remaining(self):
        left = self._end - time.monotonic()
        if self.expired or left <= 0:
            raise self.error()
        return left

    def track(self, sock):
        with self._lock:
            if self.expired:
                sock.close()
                raise self.error()
            self._sockets.append(sock)
        return sock

    def _expire(self):
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stop(self):
        self._timer.cancel()

    def connect(self, host, port, exceptions):
        """A socket to a checked public address of `host` (or an exception)."""
        lookup = _RESOLVER.submit(
            socket.getaddrinfo, host, port, type=socket.SOCK_STREAM
        )
        try:
            answers = lookup.result(timeout=self.remaining())
        except TimeoutError:
            raise self.error() from None
        addresses = []
        for *_, sockaddr in answers:
            address = ipaddress.ip_address(sockaddr[0].split("%")[0])
            kind = refusal(address)
            if kind and (address, port) not in exceptions:
                named = host if host == str(address) else f"{host} ({address})"
                article = "an" if kind[0] in "aeiou" else "a"
                raise DownloadError(
                    f"Refused: {named} is {article} {kind} address. Photos are "
                    "only downloaded from public internet addresses."
                )
            addresses.append(str(address))
        last_error = OSError(f"{host} has no address")
        for address in dict.fromkeys(addresses):
            try:
                sock = socket.create_connection(
                    (address, port), timeout=self.remaining()
                )
            except OSError as error:
                last_error = error
                continue
            return self.track(sock)
        raise last_error


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, *, budget, exceptions, **kwargs):
        super().__init__(host, **kwargs)
        self._budget, self._exceptions = budget, exceptions

    def connect(self):
        self.sock = self._budget.connect(self.host, self.port, self._exceptions)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, *, budget, exceptions, context, **kwargs):
        super().__init__(host, context=context, **kwargs)
        self._budget, self._exceptions, self._tls = budget, exceptions, context

    def connect(self):
        sock = self._budget.connect(self.host, self.port, self._exceptions)
        # The certificate is checked for the name, on the address checked above.
        self.sock = self._budget.track(
            self._tls.wrap_socket(
                sock, server_hostname=self.host, do_handshake_on_connect=False
            )
        )
        self.sock.do_handshake()


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connection):
        super().__init__()
        self._connection = connection

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, connection):
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._connection = connection

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._tls)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, 403, "redirect refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(budget):
    checks = {"budget": budget, "exceptions": allowed_exceptions()}
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _HttpOnlyRedirects,
        _CheckedHTTPHandler(functools.partial(_CheckedHTTPConnection, **checks)),
        _CheckedHTTPSHandler(functools.partial(_CheckedHTTPSConnection, **checks)),
    )


def _read_capped(response, budget):
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    data = bytearray()
    while chunk := response.read(CHUNK_BYTES):
        budget.remaining()
        data += chunk
        if len(data) > limit:
            raise DownloadError("The file is larger than the upload limit.")
    budget.remaining()  # a read cut short by the deadline is no file
    return bytes(data)


def download(url, timeout=10.0, retries=2, backoff=1.0):
    """The bytes at `url` (public http(s) only), within `timeout` seconds in all."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DownloadError(f"{url} is not an http(s) address.")
    budget = _Budget(timeout)
    try:
        return _attempts(url, budget, retries, backoff)
    finally:
        budget.stop()


def _attempts(url, budget, retries, backoff):
    opener = _opener(budget)
    last_error = None
    for attempt in range(retries + 1):
        if attempt:
            pause = backoff * attempt
            if pause >= budget.remaining():
                raise last_error
            time.sleep(pause)
        try:
            with opener.open(url) as response:
                return _read_capped(response, budget)
        except urllib.error.HTTPError as error:
            error.close()
            budget.remaining()
            if error.code < 500:
                raise DownloadError(f"The server answered {error.code}.") from error
            last_error = DownloadError(f"The server answered {error.code}.")
        except (OSError, http.client.HTTPException) as error:
            budget.remaining()
            reason = getattr(error, "reason", error)
            last_error = DownloadError(
                f"No answer ({reason}).", network=isinstance(error, OSError)
            )
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
