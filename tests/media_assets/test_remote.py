"""remote.download(): public addresses only, one deadline, the size cap (item 8).

Real servers on 127.0.0.1 stand in for the internet; a test lets one in by
its exact address:port (PHOTO_FETCH_ALLOWED_ADDRESSES), so everything else on
loopback stays refused, as it is by default.
"""

import ipaddress
import socket
import ssl
import time

import pytest
import trustme
from django.core.exceptions import ImproperlyConfigured

from media_assets.remote import DownloadError, download, refusal
from tests.media_assets.local_servers import allow, answer, local_server

PHOTO = b"\xff\xd8 stands in for a photo \xff\xd9"


def photo_server(**kwargs):
    return local_server(lambda handler: answer(handler, body=PHOTO), **kwargs)


@pytest.fixture
def resolver(monkeypatch):
    """Answer chosen names with chosen addresses, one list per lookup in turn.

    Every other lookup (addresses, localhost) goes to the real resolver.
    """
    real = socket.getaddrinfo
    answers, lookups = {}, []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        turn = answers[host][min(len(lookups), len(answers[host])) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (turn, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, lookups


def refused(url, **kwargs):
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        download(url, retries=0, **kwargs)
    assert time.monotonic() - started < 1
    assert not caught.value.network
    return str(caught.value)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:{port}/photo.jpg", "a loopback"),
        ("http://localhost:{port}/photo.jpg", "a loopback"),
        ("http://[::1]:{port}/photo.jpg", "a loopback"),
        ("http://[::ffff:127.0.0.1]:{port}/photo.jpg", "a loopback"),
        ("http://0.0.0.0:{port}/photo.jpg", "an unspecified"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local"),
        ("http://10.0.0.1/photo.jpg", "a private"),
        ("https://192.168.1.1/photo.jpg", "a private"),
        ("http://[fd00::1]/photo.jpg", "a private"),
        ("http://224.0.0.1/photo.jpg", "a multicast"),
        ("http://240.0.0.1/photo.jpg", "a reserved"),
        ("http://100.64.0.1/photo.jpg", "a non-public"),
    ],
)
def test_internal_addresses_are_refused_before_any_connection(url, kind):
    with photo_server() as server:
        port = server.server_address[1]
        message = refused(url.format(port=port))
        assert server.connections == 0
    assert message.startswith("Refused:") and f" is {kind} address." in message
    assert "only downloaded from public internet addresses" in message


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "1.1.1.1"]
)
def test_public_addresses_pass(address):
    assert refusal(ipaddress.ip_address(address)) == ""


def test_an_allowed_server_redirecting_inside_is_refused(settings):
    with photo_server() as internal:

        def redirect(handler):
            target = handler.path.removeprefix("/to")
            answer(handler, 302, headers=[("Location", target)])

        with local_server(redirect) as public:
            allow(settings, public)  # the first hop only: internal is not listed
            for target in (f"{internal.url}/admin/", "http://169.254.169.254/"):
                message = refused(f"{public.url}/to{target}")
                assert message.startswith("Refused:"), message
            assert public.connections == 2
        assert internal.connections == 0


def test_redirects_between_allowed_servers_are_followed(settings):
    with photo_server() as final:

        def redirect(handler):
            answer(handler, 301, headers=[("Location", f"{final.url}/photo.jpg")])

        with local_server(redirect) as first:
            allow(settings, first, final)
            assert download(f"{first.url}/old.jpg", retries=0) == PHOTO


def test_a_rebinding_name_is_resolved_once_and_that_address_is_used(settings, resolver):
    answers, lookups = resolver
    seen = []

    def record(handler):
        seen.append(handler.headers["Host"])
        answer(handler, body=PHOTO)

    with local_server(record) as server:
        port = server.server_address[1]
        allow(settings, server)
        # Checked as 127.0.0.1 (allowed); a second lookup would say 127.0.0.2,
        # where nothing listens: the download only works if it connects to
        # the address it checked.
        answers["archive.test"] = ["127.0.0.1", "127.0.0.2"]
        assert download(f"http://archive.test:{port}/a.jpg", retries=0) == PHOTO
    assert lookups == ["archive.test"]
    assert seen == [f"archive.test:{port}"]


def test_https_checks_the_certificate_for_the_name_on_the_checked_address(
    settings, resolver, monkeypatch, tmp_path
):
    answers, _ = resolver
    ca = trustme.CA()
    ca.cert_pem.write_to_path(tmp_path / "ca.pem")
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("archive.test").configure_cert(tls)
    with photo_server(tls=tls) as server:
        port = server.server_address[1]
        allow(settings, server)
        answers["archive.test"] = answers["other.test"] = ["127.0.0.1"]
        assert download(f"https://archive.test:{port}/a.jpg", retries=0) == PHOTO
        with pytest.raises(DownloadError, match="certificate"):
            download(f"https://other.test:{port}/a.jpg", retries=0)


def slow_drip(in_headers):
    """A server sending one byte every 0.2 s (headers first, or the body)."""

    def respond(handler):
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n"
        try:
            if in_headers:
                for byte in head:
                    handler.wfile.write(bytes([byte]))
                    time.sleep(0.2)
            else:
                handler.wfile.write(head)
            for _ in range(60):
                handler.wfile.write(b"x")
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up, as it should

    return local_server(respond)


@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_a_slow_drip_is_cut_at_the_deadline(settings, in_headers):
    with slow_drip(in_headers) as server:
        allow(settings, server)
        started = time.monotonic()
        with pytest.raises(DownloadError, match="longer than 1 s in all"):
            download(f"{server.url}/slow.jpg", timeout=1, retries=0)
        assert time.monotonic() - started < 3  # a whole drip takes 12 s


def test_retries_stay_inside_the_deadline(settings):
    with local_server(lambda handler: answer(handler, 503)) as server:
        allow(settings, server)
        started = time.monotonic()
        with pytest.raises(DownloadError, match="answered 503"):
            download(f"{server.url}/busy.jpg", timeout=1.5, retries=5, backoff=0.5)
        assert time.monotonic() - started < 3  # all tries would take 7.5 s
        assert server.connections == 2  # at 0 s and 0.5 s; 1 s more would not fit


def test_the_size_limit_still_holds(settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    big = local_server(lambda handler: answer(handler, body=b"x" * 5000))
    with big as server:
        allow(settings, server)
        with pytest.raises(DownloadError, match="larger than the upload limit"):
            download(f"{server.url}/big.jpg", retries=0)


@pytest.mark.parametrize("entry", ["10.0.0.1", "archive.test:80", "[::1]"])
def test_an_allowed_address_must_be_an_address_and_port(settings, entry):
    allow(settings, entry)
    with pytest.raises(ImproperlyConfigured, match="address:port"):
        download("http://203.0.113.9/photo.jpg")
