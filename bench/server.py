"""The local feed server: a FeedSet over HTTP on loopback addresses, run as its own process.

It runs in a subprocess so that its CPU never counts against (or steals the GIL
from) the process being measured. Bodies are built and gzipped ahead of each round,
so serving is a dictionary look-up. It honours If-None-Match and If-Modified-Since
with 304, and sends gzip when asked.

Feeds are spread over many loopback addresses (127.1.x.y, about four feeds to a
host) on one port, as a reader's feeds are spread over many outlets: a poller that
limits connections per host is then measured as it runs in real life.

    python -m bench.server --feeds 500 --seed 1      # prints "PORT <n>" when ready
    python -m bench.server --shape heavy --hosts 1   # bench.feedshapes' heavy mix, all on 127.0.0.1
    GET  /feeds/<i>.rss | .atom | .xml               # a feed at the current round, on any host
    POST /_round/<r>                                 # move every feed to round r (replies when ready)
    GET  /_stats                                     # request counts since the last call, JSON
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import socketserver
import subprocess
import sys
import threading
import urllib.request
from collections import Counter
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.feedgen import FeedSet
from bench.feedshapes import HeavyFeedSet, RealReplay

REPO = Path(__file__).resolve().parents[1]
_FEED_PATH = re.compile(r"^/feeds/(\d+)\.(rss|atom|xml)$")
SHAPES = ("news", "heavy", "real")


@dataclass(frozen=True)
class Body:
    raw: bytes
    gz: bytes
    etag: str
    last_modified: str
    content_type: str


class FeedStore:
    """Prepared bodies for the current round; thread-safe."""

    def __init__(self, feeds: FeedSet | HeavyFeedSet | RealReplay) -> None:
        self.feeds = feeds
        self.round = 0
        self._lock = threading.Lock()
        self._bodies: dict[int, Body] = {}
        self.stats: Counter[str] = Counter()
        self.set_round(0)

    def set_round(self, r: int) -> None:
        fresh = dict(self._bodies)
        for i in range(self.feeds.feeds):
            if i not in fresh or self.feeds.etag(i, r) != fresh[i].etag:
                fresh[i] = self._build(i, r)
        with self._lock:
            self._bodies, self.round = fresh, r

    def _build(self, i: int, r: int) -> Body:
        raw = self.feeds.body(i, r)
        kind = self.feeds.kind(i)
        # a real file declares its own encoding
        content_type = "application/xml" if kind == "xml" else f"application/{kind}+xml; charset=utf-8"
        return Body(raw, gzip.compress(raw, 6, mtime=0), self.feeds.etag(i, r),
                    format_datetime(self.feeds.last_changed(i, r), usegmt=True), content_type)

    def get(self, i: int) -> Body | None:
        with self._lock:
            return self._bodies.get(i)

    def count(self, key: str, amount: int = 1) -> None:
        with self._lock:
            self.stats[key] += amount

    def take_stats(self) -> dict[str, int]:
        with self._lock:
            out, self.stats = dict(self.stats), Counter()
        return out


def _not_modified(headers: object, body: Body) -> bool:
    inm = headers.get("If-None-Match")  # type: ignore[attr-defined]
    if inm is not None:
        return body.etag in [t.strip().removeprefix("W/") for t in inm.split(",")] or inm.strip() == "*"
    ims = headers.get("If-Modified-Since")  # type: ignore[attr-defined]
    if ims:
        try:
            return parsedate_to_datetime(ims) >= parsedate_to_datetime(body.last_modified)
        except (TypeError, ValueError):
            return False
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # As web servers do on kept-alive connections (nginx's tcp_nodelay): without it a body
    # written after its headers waits for the client's delayed ACK, up to 40 ms a response.
    disable_nagle_algorithm = True
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's hook
        store = self.server.store
        if self.path == "/_stats":
            self._send(200, json.dumps(store.take_stats()).encode(), {"Content-Type": "application/json"})
            return
        match = _FEED_PATH.match(self.path.split("?", 1)[0])
        body = store.get(int(match.group(1))) if match else None
        if body is None:
            store.count("404")
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        validators = {"ETag": body.etag, "Last-Modified": body.last_modified, "Cache-Control": "max-age=0"}
        if _not_modified(self.headers, body):
            store.count("304")
            self._send(304, b"", validators)
            return
        gz = "gzip" in self.headers.get("Accept-Encoding", "")
        payload = body.gz if gz else body.raw
        store.count("200")
        store.count("bytes_sent", len(payload))
        headers = {**validators, "Content-Type": body.content_type}
        if gz:
            headers["Content-Encoding"] = "gzip"
        self._send(200, payload, headers)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's hook
        self._send(405, b"", {})

    def do_POST(self) -> None:  # noqa: N802 - http.server's hook
        match = re.match(r"^/_round/(\d+)$", self.path)
        if not match:
            self._send(404, b"", {})
            return
        self.server.store.set_round(int(match.group(1)))
        self._send(200, b"ok", {"Content-Type": "text/plain"})

    def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload and self.command != "HEAD":
            self.wfile.write(payload)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops connections when a client opens 16 at once.
    request_queue_size = 256

    def __init__(self, store: FeedStore, address: str, port: int) -> None:
        super().__init__((address, port), Handler)
        self.store = store

    def server_bind(self) -> None:
        # HTTPServer's own looks the address up in DNS (getfqdn): slow, and pointless here.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request: object, client_address: object) -> None:
        # A client leaving a kept-alive connection ends it with a reset now and then;
        # a web server shrugs that off, and its traceback would interleave the bench's table.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class RunningServer:
    """The server as a subprocess of the benchmark; a context manager."""

    def __init__(self, feeds: int, seed: int, hosts: int = 0, shape: str = "news", port: int = 0) -> None:
        self.feeds = feeds
        self.seed = seed
        self.shape = shape
        self.hosts = hosts or default_hosts(feeds)
        self.port = port
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> RunningServer:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench.server", "--feeds", str(self.feeds), "--seed", str(self.seed),
             "--hosts", str(self.hosts), "--shape", self.shape, "--port", str(self.port)],
            cwd=REPO, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        line = self._proc.stdout.readline() if self._proc.stdout else ""
        if not line.startswith("PORT "):
            self.__exit__()
            raise RuntimeError(f"the feed server did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def feed_urls(self, fs: FeedSet | HeavyFeedSet | RealReplay) -> list[str]:
        return [feed_url(fs, i, self.port, self.hosts) for i in range(fs.feeds)]

    def set_round(self, r: int) -> None:
        request = urllib.request.Request(self.url(f"/_round/{r}"), method="POST", data=b"")
        with urllib.request.urlopen(request, timeout=300) as reply:
            reply.read()

    def take_stats(self) -> dict[str, int]:
        with urllib.request.urlopen(self.url("/_stats"), timeout=30) as reply:
            return json.loads(reply.read())


def host_address(h: int, hosts: int = 0) -> str:
    """The loopback address of host number `h` (the whole of 127.0.0.0/8 is local);
    with a single host, 127.0.0.1 itself."""
    return "127.0.0.1" if hosts == 1 else f"127.1.{h // 250}.{h % 250 + 1}"


def default_hosts(feeds: int) -> int:
    """About four feeds per host, as when a reader follows a few sections of many outlets."""
    return max(1, feeds // 4)


def feed_url(fs: FeedSet | HeavyFeedSet | RealReplay, i: int, port: int, hosts: int) -> str:
    return f"http://{host_address(i % hosts, hosts)}:{port}{fs.path(i)}"


def feed_set(shape: str, feeds: int, seed: int) -> FeedSet | HeavyFeedSet | RealReplay:
    """The feeds of one shape: "news" (bench.feedgen), "heavy" or "real" (bench.feedshapes)."""
    if shape == "heavy":
        return HeavyFeedSet(feeds, seed)
    if shape == "real":
        return RealReplay(feeds, seed)
    return FeedSet(feeds, seed)


def serve(store: FeedStore, hosts: int, port: int = 0) -> tuple[int, list[FeedServer]]:
    """Listen on 127.0.0.1 (control) and on `hosts` other loopback addresses, all on one port
    (`port`, else one the system picks)."""
    control = FeedServer(store, "127.0.0.1", port)
    port = control.server_address[1]
    # a single host is 127.0.0.1, served by the control server itself
    servers = [control] + [FeedServer(store, host_address(h), port) for h in range(hosts) if hosts > 1]
    for server in servers:
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 1.0}, daemon=True).start()
    return port, servers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hosts", type=int, default=0, help="default: one per four feeds")
    parser.add_argument("--shape", choices=SHAPES, default="news")
    parser.add_argument("--port", type=int, default=0,
                        help="a fixed port, so that a database prepared earlier can be polled again")
    args = parser.parse_args(argv)
    store = FeedStore(feed_set(args.shape, args.feeds, args.seed))
    port, servers = serve(store, args.hosts or default_hosts(args.feeds), args.port)
    print(f"PORT {port}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
