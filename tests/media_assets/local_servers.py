"""Real HTTP servers on 127.0.0.1 for download tests, in a thread each.

Downloads refuse loopback, so a test lets one server in by its exact address
(PHOTO_FETCH_ALLOWED_ADDRESSES), as an operator would an internal archive.
"""

import http.server
import threading
from contextlib import contextmanager


class _CountingServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    connections = 0

    def verify_request(self, request, client_address):
        self.connections += 1
        return True


@contextmanager
def local_server(respond, tls=None):
    """Yield a running server whose GETs are answered by `respond(handler)`.

    `server.url` is its base address ("https" with a `tls` server context),
    `server.address` its "127.0.0.1:port", `server.connections` counts accepted
    connections (to prove a refused download never connected).
    """

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            respond(self)

        def log_message(self, *args):
            pass

    server = _CountingServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.address = f"127.0.0.1:{server.server_address[1]}"
    server.url = f"{'https' if tls else 'http'}://{server.address}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def allow(settings, *servers_or_addresses):
    """Let downloads reach these servers (or "address:port" strings)."""
    settings.PHOTO_FETCH_ALLOWED_ADDRESSES = [
        getattr(s, "address", s) for s in servers_or_addresses
    ]


def answer(handler, status=200, body=b"", headers=()):
    handler.send_response(status)
    for name, value in headers:
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
