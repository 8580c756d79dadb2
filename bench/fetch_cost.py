"""CPU of one conditional GET through the app's fetcher: plain HTTP and HTTPS, on a fresh
connection each time or on one kept alive, against a 304 server on 127.0.0.1.

    python -m bench.fetch_cost [--fetches 300]

Prints the CPU of the fetching thread per fetch (best of 3 rounds): what a steady poll pays
for each feed that has not changed, before any parsing. The server runs in a thread of this
process; `time.thread_time` leaves its work out. HTTPS needs the openssl command (for a
certificate made for the run).
"""

from __future__ import annotations

import argparse
import ssl
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from monitor.fetch import KEEP_ALIVE_CONNECTIONS, Fetcher, Validators, make_client


class _NotModified(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections stay open unless the client closes them

    def do_GET(self) -> None:  # noqa: N802 - http.server's hook
        self.send_response(304)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def _per_fetch_ms(url: str, fetches: int, kept: int, verify: ssl.SSLContext | bool) -> float:
    """Best of three rounds, in ms of this thread's CPU a fetch; `kept` idle connections kept."""
    with make_client(verify=verify, keep_alive=kept) as client:
        fetcher = Fetcher(client)
        best = float("inf")
        for _ in range(3):
            start = time.thread_time()
            for _ in range(fetches):
                result = fetcher.fetch(url, Validators(etag='"v1"'))
                if result.outcome != "not_modified":
                    raise RuntimeError(f"{url}: {result.outcome} {result.error}")
            best = min(best, (time.thread_time() - start) / fetches)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fetches", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        cert, key = _certificate(Path(folder))
        servers = {"http": ThreadingHTTPServer(("127.0.0.1", 0), _NotModified),
                   "https": ThreadingHTTPServer(("127.0.0.1", 0), _NotModified)}
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(cert, key)
        servers["https"].socket = tls.wrap_socket(servers["https"].socket, server_side=True)
        for server in servers.values():
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
        trust = ssl.create_default_context(cafile=str(cert))
        print(f"{'':6} {'fresh connection':>18} {'kept alive':>12}"
              f"   (ms of CPU a 304, best of 3 x {args.fetches})")
        for scheme, server in servers.items():
            url = f"{scheme}://127.0.0.1:{server.server_address[1]}/feed"
            verify = trust if scheme == "https" else True
            fresh = _per_fetch_ms(url, args.fetches, 0, verify)
            kept = _per_fetch_ms(url, args.fetches, KEEP_ALIVE_CONNECTIONS, verify)
            print(f"{scheme:6} {fresh:18.3f} {kept:12.3f}   = {kept / fresh:.2f} x")
        for server in servers.values():
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
