"""Deadlines for fetches: a fetch that overruns has its sockets shut down.

Per-read timeouts cannot stop a server that sends a byte just before each one
expires; shutting the socket down wakes any blocked read at once. One thread
keeps every deadline (a poll runs hundreds of fetches: a timer thread each
would cost more CPU than the 304 answers they guard).
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

__all__ = ["Watchdog"]


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
        self.expired = False

    def __enter__(self) -> Watchdog:
        self._ends = time.monotonic() + self._deadline_s
        self._entry = _DEADLINES.add(self._deadline_s, self.expire)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._entry is not None:
            _DEADLINES.cancel(self._entry)
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def remaining(self) -> float | None:
        """Seconds left, or None once the deadline has passed."""
        left = self._ends - time.monotonic()
        return left if left > 0 and not self.expired else None

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore trace hook: adopt each new connection's socket."""
        if event == "connection.connect_tcp.complete":
            self._adopt(info.get("return_value"))

    def watch(self, response: httpx.Response) -> None:
        """Adopt the socket behind `response` (it may be a reused connection)."""
        self._adopt(response.extensions.get("network_stream"))

    def _adopt(self, stream: Any) -> None:  # noqa: ANN401 - an httpcore network stream
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        try:
            # fromfd, not dup(): an SSLSocket refuses dup() but its descriptor is plain TCP.
            handle = socket.fromfd(sock.fileno(), sock.family, sock.type, sock.proto)
        except OSError:
            return
        with self._lock:
            self._sockets.append(handle)
            if self.expired:
                _shut(handle)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side
