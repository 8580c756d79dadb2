"""Kept-alive connections, in a small pool per origin (scheme, host, port).

httpcore's pool looks through all of its connections twice for every request, and
asks the system about each idle one: with a poll's sixteen fetches in flight to as many
hosts and connections kept for the hosts' next feeds, that look cost a 304 more than
half again as much as the rest of its answer. A pool per origin looks only at its
host's two or three connections.

The pools of the origins used last are kept, the others closed as soon as none of
their requests is in flight, so that a poll of a thousand hosts does not end holding
a thousand idle sockets. The TLS context is made once, for the first https origin:
loading the trusted certificates is most of a plain-HTTP poll's set-up otherwise.
"""

from __future__ import annotations

import ssl
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore

_Origin = tuple[bytes, bytes, int | None]


@dataclass
class _Pool:
    pool: httpcore.ConnectionPool
    users: int = 0  # requests handed to it whose responses are not closed yet


class PoolPerOrigin:
    """httpcore's connection-pool interface (`handle_request`, `close`) over one pool per origin."""

    def __init__(
        self, new_pool: Callable[[ssl.SSLContext | None], httpcore.ConnectionPool],
        tls: Callable[[], ssl.SSLContext], kept_origins: int,
    ) -> None:
        """`new_pool(tls_context)` makes an origin's pool; `tls()` the TLS context, once."""
        self._new_pool = new_pool
        self._tls = tls
        self._tls_context: ssl.SSLContext | None = None
        self._kept = kept_origins
        self._lock = threading.Lock()
        self._pools: OrderedDict[_Origin, _Pool] = OrderedDict()  # least recently used first

    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        url = request.url
        entry = self._take((url.scheme.lower(), url.host.lower(), url.port))
        try:
            response = entry.pool.handle_request(request)
        except BaseException:
            self._give_back(entry)
            raise
        response.stream = _Released(response.stream, lambda: self._give_back(entry))
        return response

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), OrderedDict()
        for entry in pools:
            entry.pool.close()

    def close_idle(self) -> None:
        """Close the pools with no request in flight, and so their kept connections."""
        with self._lock:
            idle = [origin for origin, entry in self._pools.items() if entry.users == 0]
            pools = [self._pools.pop(origin).pool for origin in idle]
        for pool in pools:
            pool.close()

    def __enter__(self) -> PoolPerOrigin:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _take(self, origin: _Origin) -> _Pool:
        with self._lock:
            entry = self._pools.get(origin)
            if entry is None:
                tls = self._tls_context
                if tls is None and origin[0] == b"https":
                    tls = self._tls_context = self._tls()
                entry = self._pools[origin] = _Pool(self._new_pool(tls))
            else:
                self._pools.move_to_end(origin)
            entry.users += 1
            closing = self._unused_beyond_kept()
        for pool in closing:
            pool.close()
        return entry

    def _give_back(self, entry: _Pool) -> None:
        with self._lock:
            entry.users -= 1

    def _unused_beyond_kept(self) -> list[httpcore.ConnectionPool]:
        """Drop the least recently used pools with nothing in flight, beyond the kept number."""
        closing = []
        for origin, entry in list(self._pools.items()):
            if len(self._pools) <= self._kept:
                break
            if entry.users == 0:
                del self._pools[origin]
                closing.append(entry.pool)
        return closing


class _Released:
    """A response body that tells its pool's keeper when it is closed (once)."""

    def __init__(self, stream: Any, released: Callable[[], None]) -> None:  # noqa: ANN401 - httpcore's
        self._stream = stream
        self._released: Callable[[], None] | None = released

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        try:
            if hasattr(self._stream, "close"):
                self._stream.close()
        finally:
            released, self._released = self._released, None
            if released is not None:
                released()
