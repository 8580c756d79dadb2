"""A threaded HTTP server on 127.0.0.1 for tests that pytest-httpserver cannot express.

Paths are routed to handler functions; factories below build the usual ones:
a fixed response, a redirect, a body that drips, a server that never answers,
a gzip bomb. `FeedServer(tls=...)` serves HTTPS (see `self_signed_tls`);
`FeedServer(keep_alive=True)` answers in HTTP/1.1 and keeps connections open.
Handlers that wait use `server.pause`, which returns at once when the server
stops, so no test outlives its server and no test sleeps on its own.

    with FeedServer() as server:
        server.route("/feed", respond(b"<rss/>", headers={"Content-Type": "application/rss+xml"}))
        fetcher.fetch(server.url("/feed"), Validators())
        assert server.requests[0].headers["user-agent"].startswith("cc-monitor/")
"""

from __future__ import annotations

import ssl
import subprocess
import threading
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

Handler = Callable[["_RequestHandler", "FeedServer"], None]


@dataclass(frozen=True)
class Received:
    """One request as the server saw it; header names are lower-case."""

    path: str
    headers: Mapping[str, str]
    header_names: tuple[str, ...]  # every header name sent, in order, lower-case
    client_port: int  # one per connection: requests with the same port came over one connection


class FeedServer:
    """Serves routes on 127.0.0.1:<free port> from a background thread; `requests`
    lists what arrived, in order."""

    def __init__(
        self, tls: ssl.SSLContext | None = None, *, keep_alive: bool = False, address: str = "127.0.0.1"
    ) -> None:
        """`address`: any of 127.0.0.0/8, each a host of its own to the fetcher."""
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.requests: list[Received] = []
        self.open_connections = 0  # connections a client holds open to this server now
        handler = _KeepAliveRequestHandler if keep_alive else _RequestHandler
        self._httpd = ThreadingHTTPServer((address, 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.feed_server = self  # type: ignore[attr-defined]
        self._scheme = "https" if tls else "http"
        if tls:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self._scheme}://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, path: str, handler: Handler) -> None:
        with self._lock:
            self._routes[path] = handler

    def pause(self, seconds: float) -> bool:
        """Wait in a handler; True when the server is stopping (stop at once then)."""
        return self._stopping.wait(seconds)

    def _handle(self, request: _RequestHandler) -> None:
        headers = {k.lower(): v for k, v in request.headers.items()}
        names = tuple(k.lower() for k in request.headers)
        with self._lock:
            self.requests.append(Received(request.path, headers, names, request.client_address[1]))
            handler = self._routes.get(urlsplit(request.path).path)
        if handler is None:
            respond(b"not found", status=404)(request, self)
        else:
            handler(request, self)


class _RequestHandler(BaseHTTPRequestHandler):
    # HTTP/1.0 replies: every body ends when the connection closes, which is
    # what the dripping and streaming handlers need.
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        try:
            self.server.feed_server._handle(self)  # type: ignore[attr-defined]
        except OSError:
            pass  # the client gave up (broken pipe, reset, TLS shut down), as it was meant to

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _KeepAliveRequestHandler(_RequestHandler):
    # Every answer of `respond` has a Content-Length: the connection can carry the next request.
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self._count_open(+1)

    def finish(self) -> None:  # the client closed the connection (or the server stopped)
        try:
            super().finish()
        finally:
            self._count_open(-1)

    def _count_open(self, change: int) -> None:
        server = self.server.feed_server  # type: ignore[attr-defined]
        with server._lock:
            server.open_connections += change


def respond(body: bytes = b"", status: int = 200, headers: Mapping[str, str] | None = None) -> Handler:
    """A handler answering `status`, `headers` and `body` (with a Content-Length)."""

    def handler(request: _RequestHandler, server: FeedServer) -> None:
        request.send_response(status)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handler


def redirect(location: str, status: int = 301) -> Handler:
    return respond(status=status, headers={"Location": location})


def drip(
    body: bytes,
    every_s: float,
    headers: Mapping[str, str] | None = None,
    hung_up: threading.Event | None = None,
) -> Handler:
    """Headers at once, then the body one byte every `every_s` seconds; `hung_up` is set
    when the client closes the connection before the end."""

    def handler(request: _RequestHandler, server: FeedServer) -> None:
        request.send_response(200)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.flush()
        for i in range(len(body)):
            if server.pause(every_s):
                return
            try:
                request.wfile.write(body[i : i + 1])
                request.wfile.flush()
            except OSError:
                if hung_up is not None:
                    hung_up.set()
                raise

    return handler


def drip_headers(status_line: bytes, hung_up: threading.Event) -> Handler:
    """`status_line` and then a long header, a byte every 0.05 s (about 20 s in all);
    `hung_up` is set when the client closes the connection before the end."""

    def handler(request: _RequestHandler, server: FeedServer) -> None:
        for byte in status_line + b"\r\nX-Padding: " + b"a" * 400:
            if server.pause(0.05):
                return
            try:
                request.wfile.write(bytes([byte]))
                request.wfile.flush()
            except OSError:
                hung_up.set()
                return
        request.close_connection = True  # never a whole answer: nothing more on this connection

    return handler


def never_answer(hung_up: threading.Event | None = None) -> Handler:
    """Accepts the request and sends nothing until the server stops; with `hung_up`, until
    the client closes the connection, which sets it."""

    def handler(request: _RequestHandler, server: FeedServer) -> None:
        if hung_up is None:
            server.pause(3600)
            return
        request.connection.settimeout(60)  # bounded: a client that never lets go fails its test
        try:
            closed = request.connection.recv(1) == b""
        except TimeoutError:
            return
        except OSError:
            closed = True  # reset rather than closed
        if closed:
            hung_up.set()

    return handler


def gzip_bomb(inflated_bytes: int, chunk: int = 1024 * 1024) -> Handler:
    """Streams gzip-compressed zeros that inflate to `inflated_bytes` (~1000:1)."""

    def handler(request: _RequestHandler, server: FeedServer) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Encoding", "gzip")
        request.end_headers()
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        zeros = bytes(chunk)
        for _ in range(inflated_bytes // chunk):
            request.wfile.write(packer.compress(zeros))
        request.wfile.write(packer.flush())

    return handler


def gzipped(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def self_signed_tls(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server TLS context for 127.0.0.1 and the certificate a client must trust.

    Made with the openssl command; raises FileNotFoundError where it is missing.
    """
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert
