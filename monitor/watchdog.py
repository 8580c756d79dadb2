"""Deadlines for fetches: a fetch that overruns has its sockets shut down.

Per-read timeouts cannot stop a server that sends a byte just before each one
expires; shutting the socket down wakes any blocked read at once. One thread
keeps every deadline (a poll runs hundreds of fetches: a timer thread each
would cost more CPU than the 304 answers they guard).

A connection kept alive serves one fetch after another, so a watchdog cannot rely on
seeing it opened: `WatchedBackend` makes httpcore's connections report their socket to
whichever fetch's watchdog runs on the thread at their first read or write in that fetch.
"""

from __future__ import annotations

import heapq
import itertools
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import httpcore

__all__ = ["WatchedBackend", "Watchdog"]

_running = threading.local()  # .watchdog: the Watchdog of the fetch this thread runs, if any


class _Deadlines:
    """Runs each action at its time, on one daemon thread started on first use."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._heap: list[list[Any]] = []  # [when, order, action or None once cancelled]
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, delay_s: float, action: Callable[[], None]) -> list[Any]:
        entry = [time.monotonic() + delay_s, next(self._order), action]
        with self._wake:
            heapq.heappush(self._heap, entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fetch-deadlines", daemon=True)
                self._thread.start()
            if self._heap[0] is entry:
                self._wake.notify()
        return entry

    @staticmethod
    def cancel(entry: list[Any]) -> None:
        entry[2] = None  # dropped when it reaches the top of the heap

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._heap and self._heap[0][2] is None:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                action = heapq.heappop(self._heap)[2]
                self._wake.release()
                try:
                    action()
                except Exception:  # one watchdog's failure must not stop the others
                    pass
                finally:
                    self._wake.acquire()


_DEADLINES = _Deadlines()


class Watchdog:
    """Ends a fetch at its deadline by shutting down every socket it opened.

    Sockets are duplicated on connect, so the handle stays valid through the
    TLS handshake (which replaces the original socket object).
    """

    def __init__(self, deadline_s: float) -> None:
        self._deadline_s = deadline_s
        self._ends = 0.0  # set when the fetch starts
        self._entry: list[Any] | None = None
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._adopted: set[int] = set()  # descriptors of the sockets adopted (their copies are in _sockets)
        self.expired = False
        self.opened = False  # a connection was opened for the fetch since the fetcher last cleared it

    def __enter__(self) -> Watchdog:
        self._ends = time.monotonic() + self._deadline_s
        self._entry = _DEADLINES.add(self._deadline_s, self.expire)
        _running.watchdog = self
        return self

    def __exit__(self, *exc_info: object) -> None:
        _running.watchdog = None
        if self._entry is not None:
            _DEADLINES.cancel(self._entry)
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()
            self._adopted.clear()

    def remaining(self) -> float | None:
        """Seconds left, or None once the deadline has passed."""
        left = self._ends - time.monotonic()
        return left if left > 0 and not self.expired else None

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore trace hook: adopt each new connection's socket (for the connections of
        a proxy's transport, which are not `WatchedBackend`'s)."""
        if event == "connection.connect_tcp.complete":
            self.opened = True
            self.adopt(info.get("return_value"))

    def adopt(self, stream: Any) -> None:  # noqa: ANN401 - an httpcore network stream
        """Shut `stream`'s socket down too when the deadline passes (at once if it has)."""
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket) or sock.fileno() in self._adopted:
            return  # a TLS socket keeps the descriptor of the TCP socket it wraps
        try:
            # fromfd, not dup(): an SSLSocket refuses dup() but its descriptor is plain TCP.
            handle = socket.fromfd(sock.fileno(), sock.family, sock.type, sock.proto)
        except OSError:
            return
        with self._lock:
            self._adopted.add(sock.fileno())
            self._sockets.append(handle)
            if self.expired:
                _shut(handle)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


class WatchedBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, each adopted by the running fetch's watchdog before the
    fetch sends or reads a byte on it, whether the connection is new or kept alive."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _opened(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _opened(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _opened(stream: httpcore.NetworkStream) -> _WatchedStream:
    """A connection httpcore opened on the fetch's own thread: the fetch's watchdog knows."""
    watchdog = getattr(_running, "watchdog", None)
    if watchdog is not None:
        watchdog.opened = True
    return _WatchedStream(stream)


class _WatchedStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream
        self._watched_by: Watchdog | None = None

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self._watched()
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._watched()
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        self._watched()  # the handshake is bounded by the fetch's deadline too
        return _WatchedStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's own signature
        return self._stream.get_extra_info(info)

    def _watched(self) -> None:
        watchdog = getattr(_running, "watchdog", None)
        if watchdog is not None and watchdog is not self._watched_by:
            watchdog.adopt(self._stream)
            self._watched_by = watchdog


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side
