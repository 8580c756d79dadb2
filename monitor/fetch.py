"""HTTP for feeds: conditional GET, manual redirects, hard limits on time and size.

One `Fetcher` serves every poller thread. Each fetch is bounded three ways: a
total deadline (a watchdog shuts the socket down, so a server that drips one
byte a second cannot outlast it), a cap on the decoded body (inflated here in
bounded steps, so a gzip bomb costs no more memory than the cap) and at most
`max_per_host` connections to one host. Failures are results, never
exceptions: one bad feed must not stop the others.
"""

from __future__ import annotations

import http
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import partial
from typing import Any, Literal, Protocol

import httpcore
import httpx

# httpx<1 is pinned: its own reading of the proxy variables, and its own mapping of httpcore's errors
from httpx._transports.default import map_httpcore_exceptions
from httpx._utils import get_environment_proxies

from monitor import APP_NAME, PROJECT_URL, __version__
from monitor.connections import PoolPerOrigin
from monitor.messages import message
from monitor.normalize import one_line
from monitor.watchdog import Watchdog, WatchedBackend

USER_AGENT = f"{APP_NAME}/{__version__} (+{PROJECT_URL})"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.2, */*;q=0.1"
)
MiB = 1024 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_MAX_RETRY_AFTER = timedelta(days=366)
Outcome = Literal["ok", "not_modified", "gone", "error"]


@dataclass(frozen=True)
class Validators:
    """Conditional-GET validators, kept exactly as the server sent them."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """What one fetch of one feed URL came to."""

    outcome: Outcome
    status: int | None  # last HTTP status, None when no response
    url: str  # the URL asked for
    final_url: str
    permanent_url: str | None  # new URL to store: only when every hop was permanent
    body: bytes | None  # decoded, only for ok
    headers: Mapping[str, str]  # final response headers (lower-case keys)
    validators: Validators  # the server's on 200; on 304 its own or the old ones
    retry_after: datetime | None  # absolute, UTC
    max_age: int | None
    error: str | None  # one line, human readable
    elapsed_s: float
    bytes_read: int  # body bytes received on the wire (before decoding)


class _NoCookies(httpx.Cookies):
    """Feeds are fetched anonymously: nothing a server sets is kept, so nothing is sent back."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None  # not even read: that cost more than the rest of a 304's bookkeeping


_NO_COOKIES = _NoCookies()


class _AnonymousClient(httpx.Client):
    """httpx's client without cookies; `kept` is the pool of its kept-alive connections."""

    kept: PoolPerOrigin | None = None
    proxied = False  # some requests go through a proxy named in the environment

    @property
    def direct(self) -> PoolPerOrigin | None:
        """The pool a request may be sent to straight (see `_Direct`): none through a proxy."""
        return None if self.proxied else self.kept

    @property  # type: ignore[override]
    def cookies(self) -> httpx.Cookies:
        return _NO_COOKIES

    @cookies.setter
    def cookies(self, cookies: Any) -> None:  # noqa: ANN401 - httpx's own signature
        pass  # a cookie set on the client would be sent to every feed


# Connections to one host at once, by default: a reader's many feeds of one outlet do not
# look like an attack to it.
MAX_PER_HOST = 2
# Idle connections kept for the next feed of the same host: a poll hands a host's feeds
# out one after another (see monitor.host_queue), each taking a connection the last one
# left, with up to 32 feeds in flight (two for each of sixteen fetch threads). At most this
# many stay open: those of the half as many hosts used last, two each (see
# monitor.connections); none once the poll is over.
KEEP_ALIVE_CONNECTIONS = 64
KEEP_ALIVE_S = 5.0


class _KeptAliveTransport(httpx.HTTPTransport):
    """httpx's transport over `WatchedBackend` connections, kept alive between fetches:
    a fetch's watchdog sees a reused connection's socket as well as a new one's."""

    def __init__(self, verify: ssl.SSLContext | bool, kept: int) -> None:
        super().__init__(verify=False)  # cheap: no certificates are loaded for it
        backend = WatchedBackend()

        def new_pool(tls: ssl.SSLContext | None) -> httpcore.ConnectionPool:
            return httpcore.ConnectionPool(
                ssl_context=tls,
                max_connections=None,  # the Fetcher limits connections, per host
                max_keepalive_connections=kept,
                keepalive_expiry=KEEP_ALIVE_S,
                network_backend=backend,
            )

        # httpx builds its httpcore pool without a network backend of ours: this one has it.
        self._pool = self.pool = PoolPerOrigin(new_pool, lambda: httpx.create_ssl_context(verify=verify),
                                   kept_origins=max(1, kept // 2))


def make_client(
    connect_timeout_s: float = 10.0, *, verify: ssl.SSLContext | bool = True,
    keep_alive: int = KEEP_ALIVE_CONNECTIONS,
) -> httpx.Client:
    """The one HTTP client all fetches share (`verify`: TLS trust, for private CAs).

    Up to `keep_alive` idle connections are kept for the next feed of their host (see
    `_KeptAliveTransport`; 0: a fresh connection each time); see `_proxy_transports` for
    proxies."""
    transport = _KeptAliveTransport(verify, keep_alive)
    proxies = _proxy_transports(verify)
    client = _AnonymousClient(
        transport=transport,
        mounts=proxies,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
        follow_redirects=False,
        timeout=httpx.Timeout(45.0, connect=connect_timeout_s),
    )
    client.kept = transport.pool
    client.proxied = any(proxies.values())
    return client


def _proxy_transports(verify: ssl.SSLContext | bool) -> dict[str, httpx.BaseTransport | None]:
    """The proxies the environment names (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY, read
    as httpx reads them), as mounts for the client: httpx leaves them out itself when the
    client has a transport of its own. A proxy httpx cannot use (socks without its package)
    is left out. Each request through a proxy has a fresh connection, which the watchdog
    adopts as it opens."""
    mounts: dict[str, httpx.BaseTransport | None] = {}
    for pattern, proxy in get_environment_proxies().items():
        if proxy is None:
            mounts[pattern] = None  # NO_PROXY: straight to the host
            continue
        try:
            mounts[pattern] = httpx.HTTPTransport(
                verify=verify, proxy=proxy, limits=httpx.Limits(max_keepalive_connections=0)
            )
        except (ImportError, ValueError, httpx.InvalidURL):
            pass
    return mounts


class _Failure(Exception):
    """Ends a fetch with a one-line error message."""


@dataclass
class _Hop:
    url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    raw_headers: dict[bytes, bytes] = field(default_factory=dict)
    body: bytes | None = None
    bytes_read: int = 0


class Fetcher:
    """Fetches feed URLs; safe to call from several threads at once."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        max_bytes: int = 15 * MiB,
        deadline_s: float = 45.0,
        max_redirects: int = 5,
        max_per_host: int = MAX_PER_HOST,
        connect_timeout_s: float = 10.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._kept = client.kept if isinstance(client, _AnonymousClient) else None
        self._direct = client.direct if isinstance(client, _AnonymousClient) else None
        self._max_bytes = max_bytes
        self._deadline_s = deadline_s
        self._max_redirects = max_redirects
        self._max_per_host = max_per_host
        self._connect_timeout_s = connect_timeout_s
        self._clock = clock
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self._live: set[Watchdog] = set()
        self._aborted_at = float("-inf")

    def fetch(self, url: str, validators: Validators) -> FetchResult:
        """GET `url` conditionally, following up to `max_redirects` redirects.

        The wait for one of its host's connection slots comes first and does not count
        against the deadline: a poller may hand several feeds of one host to the fetch
        threads at once, and those waiting start as soon as a slot is free.
        """
        waited_from = time.monotonic()
        try:
            first = _checked_url(url, None)
        except _Failure as exc:
            return self._result(url, validators, [], exc, 0.0)
        host = first.host.lower()
        slot = self._semaphore(host)
        if not slot.acquire(timeout=self._deadline_s):
            return self._result(url, validators, [], _Failure(self._timed_out()), self._deadline_s)
        try:
            if self._aborted_at >= waited_from:  # abort() came while this fetch waited
                return self._result(url, validators, [], _Failure(self._timed_out()), 0.0)
            return self._fetch_holding(url, first, validators, host)
        finally:
            slot.release()

    def _fetch_holding(self, url: str, first: httpx.URL, validators: Validators, held: str) -> FetchResult:
        """fetch() once a slot of `held` (the host of `first`, the first hop) is taken."""
        started = time.monotonic()
        hops: list[_Hop] = []
        failure = None
        with Watchdog(self._deadline_s) as watchdog:
            with self._hosts_lock:
                self._live.add(watchdog)
            try:
                self._follow(first, validators, hops, watchdog, held)
            except _Failure as exc:
                failure = exc
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
                failure = _Failure(self._describe(exc, watchdog))
            finally:
                with self._hosts_lock:
                    self._live.discard(watchdog)
        return self._result(url, validators, hops, failure, time.monotonic() - started)

    def close_idle(self) -> None:
        """Close the connections kept for the next feed of their host (at the end of a poll:
        the next one, minutes later, would find them closed by their servers)."""
        if self._kept is not None:
            self._kept.close_idle()

    def abort(self) -> None:
        """End every fetch in progress now, as if its deadline had passed (on cancel or quit)."""
        with self._hosts_lock:
            self._aborted_at = time.monotonic()
            live = list(self._live)
        for watchdog in live:
            watchdog.expire()

    def _follow(
        self, target: httpx.URL, old: Validators, hops: list[_Hop], watchdog: Watchdog, held: str
    ) -> None:
        own_userinfo = target.userinfo
        while True:
            hop = _Hop(str(target))
            hops.append(hop)
            location = self._request(hop, target, old, watchdog, held)
            if watchdog.expired:  # a shut-down socket can look like a short body
                raise _Failure(self._timed_out())
            if location is None:
                return
            if len(hops) > self._max_redirects:
                raise _Failure(message("too_many_redirects", count=self._max_redirects))
            target = _without_new_credentials(_checked_url(location, hop), own_userinfo)

    def _request(
        self, hop: _Hop, target: httpx.URL, old: Validators, watchdog: Watchdog, held: str
    ) -> str | None:
        """Run one hop; return the Location to follow when it is a redirect.

        A hop to `held` uses the slot fetch() holds; any other host's is taken here."""
        slot: AbstractContextManager[None] = (
            nullcontext() if target.host.lower() == held else self._host_slot(target.host, watchdog)
        )
        with slot:
            response = self._send(target, old, watchdog)
            try:
                hop.status = response.status_code
                hop.headers = dict(response.headers.items())
                hop.raw_headers = {k.lower(): v for k, v in response.headers.raw}
                location = response.headers.get("location")
                if hop.status in _REDIRECTS and location is not None:
                    return location
                if 200 <= hop.status < 300:
                    hop.body = self._read_body(response, hop)
                elif hop.status == 304:
                    for _ in response.iter_raw():  # to its end (a 304 has none): then the connection is kept
                        pass
                return None
            finally:
                response.close()

    def _send(self, target: httpx.URL, old: Validators, watchdog: Watchdog) -> _Response:
        """The conditional GET of one hop, up to its response headers."""
        remaining = watchdog.remaining()
        if remaining is None:
            raise _Failure(self._timed_out())
        watchdog.opened = False
        timeout = httpx.Timeout(remaining, connect=min(self._connect_timeout_s, remaining))
        send: Callable[[], _Response]
        if self._direct is not None and not target.userinfo:  # credentials take httpx's auth
            # The pool's connections are WatchedBackend's: the watchdog sees them without a trace.
            send = _Direct(self._direct, self._client.headers, target, old, timeout).send
        else:
            request = self._client.build_request(
                "GET", target, headers=_conditional_headers(old), timeout=timeout,
                extensions={"trace": watchdog.trace},  # a proxy's connections are not WatchedBackend's
            )
            send = partial(self._client.send, request, stream=True)
        try:
            return send()
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            if watchdog.opened or watchdog.remaining() is None:
                raise
            # A kept connection its server closed while it was idle, just as this request
            # went out on it. A GET can be asked again: once, as browsers do.
            return send()

    def _host_slot(self, host: str, watchdog: Watchdog) -> _HostSlot:
        return _HostSlot(self._semaphore(host.lower()), watchdog, self._timed_out())

    def _semaphore(self, host: str) -> threading.BoundedSemaphore:
        """The connection slots of `host` (lower-cased)."""
        with self._hosts_lock:
            semaphore = self._hosts.get(host)
            if semaphore is None:
                semaphore = self._hosts[host] = threading.BoundedSemaphore(self._max_per_host)
        return semaphore

    def _read_body(self, response: _Response, hop: _Hop) -> bytes:
        too_big = message("body_too_large", size=_size(self._max_bytes))
        length = response.headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > self._max_bytes:
            raise _Failure(too_big)
        inflater = _Inflater(response.headers.get("content-encoding", ""), self._max_bytes)
        body = bytearray()
        for raw in response.iter_raw():
            hop.bytes_read += len(raw)
            for piece in inflater.feed(raw):
                body += piece
            if inflater.overflowed:
                raise _Failure(too_big)
        return bytes(body)

    def _timed_out(self) -> str:
        return message("timed_out", seconds=f"{self._deadline_s:g}")

    def _describe(self, exc: Exception, watchdog: Watchdog) -> str:
        if watchdog.expired or isinstance(exc, httpx.TimeoutException | socket.timeout):
            if isinstance(exc, httpx.ConnectTimeout) and not watchdog.expired:
                return message("connect_timed_out", seconds=f"{self._connect_timeout_s:g}")
            return self._timed_out()
        if isinstance(exc, httpx.ConnectError):
            return one_line(message("connection_failed", reason=exc))
        return one_line(message("request_failed", kind=type(exc).__name__, reason=exc))

    def _result(
        self,
        url: str,
        old: Validators,
        hops: list[_Hop],
        failure: _Failure | None,
        elapsed: float,
    ) -> FetchResult:
        last = hops[-1] if hops else _Hop(url)
        status = last.status
        outcome, error = _outcome(status, failure)
        permanent = (
            len(hops) > 1
            and outcome in ("ok", "not_modified")
            and all(hop.status in _PERMANENT for hop in hops[:-1])
        )
        return FetchResult(
            outcome=outcome,
            status=status,
            url=url,
            final_url=last.url,
            permanent_url=last.url if permanent else None,
            body=last.body if outcome == "ok" else None,
            headers=last.headers,
            validators=_new_validators(outcome, old, last.raw_headers),
            retry_after=_retry_after(last.headers, status, self._clock),
            max_age=_max_age(last.headers) if outcome in ("ok", "not_modified") else None,
            error=error,
            elapsed_s=elapsed,
            bytes_read=last.bytes_read,
        )


class _Response(Protocol):
    """What a fetch reads of a response: httpx's, or `_Direct`'s."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> httpx.Headers: ...
    def iter_raw(self) -> Iterator[bytes]: ...
    def close(self) -> None: ...


class _Direct:
    """A conditional GET handed straight to the connection pool under httpx.

    The request is the one httpx's client would send (the same headers in the same
    order, the same timeouts); its errors are httpx's. Leaving out the client's request
    and response models and its redirect, auth and trace machinery takes the CPU of a
    kept-alive 304 from about 0.8 to 0.5 ms. Used without a proxy and without credentials.
    """

    def __init__(
        self, pool: PoolPerOrigin, defaults: httpx.Headers, target: httpx.URL, old: Validators,
        timeout: httpx.Timeout,
    ) -> None:
        headers = [(b"Host", target.netloc), *defaults.raw]
        headers += [(name.encode("ascii"), value) for name, value in _conditional_headers(old).items()]
        self._pool = pool
        self._request = httpcore.Request(
            b"GET",
            httpcore.URL(scheme=target.raw_scheme, host=target.raw_host, port=target.port,
                         target=target.raw_path),
            headers=headers,
            extensions={"timeout": timeout.as_dict()},
        )

    def send(self) -> _DirectResponse:
        with map_httpcore_exceptions():
            return _DirectResponse(self._pool.handle_request(self._request))


class _DirectResponse:
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response
        self.status_code = response.status
        self.headers = httpx.Headers(response.headers)

    def iter_raw(self) -> Iterator[bytes]:
        with map_httpcore_exceptions():
            yield from self._response.stream  # type: ignore[misc]

    def close(self) -> None:
        with map_httpcore_exceptions():
            self._response.close()


class _HostSlot:
    """One of a host's connection slots, waited for no longer than the deadline."""

    def __init__(self, semaphore: threading.BoundedSemaphore, watchdog: Watchdog, late: str) -> None:
        self._semaphore = semaphore
        self._watchdog = watchdog
        self._late = late

    def __enter__(self) -> None:
        remaining = self._watchdog.remaining()
        if remaining is None or not self._semaphore.acquire(timeout=remaining):
            raise _Failure(self._late)

    def __exit__(self, *exc_info: object) -> None:
        self._semaphore.release()


class _Inflater:
    """Decodes a Content-Encoding in bounded steps, stopping at the size cap.

    zlib is asked for at most `_STEP` bytes at a time, so a body that inflates
    a thousandfold never exists in memory beyond the cap.
    """

    _STEP = 1 * MiB

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _Failure(message("unsupported_encoding", encoding=one_line(content_encoding)[:60]))
        self._coding = codings[0] if codings else None
        self._zlib: Any = None
        if self._coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._coding == "deflate":
            self._zlib = zlib.decompressobj()
        self._started = False
        self._room = limit
        self.overflowed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of `data`; sets `overflowed` once the cap is passed."""
        if self._zlib is None:
            yield from self._take(data)
            return
        while data and not self.overflowed and not self._zlib.eof:
            piece = self._inflate(data, min(self._room + 1, self._STEP))
            data = self._zlib.unconsumed_tail
            yield from self._take(piece)

    def _inflate(self, data: bytes, most: int) -> bytes:
        try:
            piece = self._zlib.decompress(data, most)
        except zlib.error:
            if self._started or self._coding != "deflate":
                raise _Failure(message("undecodable_body", encoding=self._coding)) from None
            # Many servers send raw deflate without the zlib wrapper.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self._inflate(data, most)
        self._started = True
        return piece

    def _take(self, piece: bytes) -> Iterator[bytes]:
        if len(piece) > self._room:
            self.overflowed = True
            return
        self._room -= len(piece)
        yield piece


def _checked_url(value: str, hop: _Hop | None) -> httpx.URL:
    """`value` as an http(s) URL (resolved against the redirecting hop), else _Failure."""
    try:
        url = httpx.URL(hop.url).join(value) if hop else httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError):
        code = "invalid_redirect" if hop else "invalid_url"
        raise _Failure(one_line(message(code, url=value[:200]))) from None
    if url.scheme not in ("http", "https"):
        scheme = url.scheme or "a relative URL"
        raise _Failure(message("redirect_refused" if hop else "scheme_refused", scheme=scheme))
    if not url.host:
        raise _Failure(one_line(message("url_no_host", url=str(url)[:200])))
    return url


def _without_new_credentials(url: httpx.URL, own_userinfo: bytes) -> httpx.URL:
    """A redirect target stripped of a user name and password the feed's own URL did not carry.

    A server must not make us send credentials we were not given, nor store them as
    the feed's address through a permanent redirect.
    """
    if url.userinfo and url.userinfo != own_userinfo:
        return url.copy_with(userinfo=b"")
    return url


def _conditional_headers(old: Validators) -> dict[str, bytes]:
    # Sent back byte for byte: quotes, W/ prefixes and odd spellings included.
    headers = {}
    for name, value in (("If-None-Match", old.etag), ("If-Modified-Since", old.last_modified)):
        raw = _header_bytes(value)
        if raw:
            headers[name] = raw
    return headers


def _header_bytes(value: str | None) -> bytes | None:
    if not value or any(c in value for c in "\r\n\0"):
        return None
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def _new_validators(outcome: Outcome, old: Validators, raw: Mapping[bytes, bytes]) -> Validators:
    etag = raw.get(b"etag", b"").decode("latin-1").strip() or None
    modified = raw.get(b"last-modified", b"").decode("latin-1").strip() or None
    if outcome == "ok":
        return Validators(etag, modified)
    if outcome == "not_modified":
        return Validators(etag or old.etag, modified or old.last_modified)
    return old


def _outcome(status: int | None, failure: _Failure | None) -> tuple[Outcome, str | None]:
    if failure is not None:
        return "error", str(failure)
    assert status is not None  # no failure means a response arrived
    if 200 <= status < 300:
        return "ok", None
    if status == 304:
        return "not_modified", None
    if status == 410:
        return "gone", None
    phrase = _phrase(status)
    if status in _REDIRECTS:
        return "error", message("redirect_without_location", status=status, phrase=phrase)
    return "error", message("http_status", status=status, phrase=phrase) if phrase else message(
        "http_status_bare", status=status
    )


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after(
    headers: Mapping[str, str], status: int | None, clock: Callable[[], datetime]
) -> datetime | None:
    value = headers.get("retry-after", "").strip()
    if status not in (429, 503) or not value:
        return None
    now = clock()
    if value.isdigit():
        seconds = int(value) if len(value) < 10 else 10**9
        return now + min(timedelta(seconds=seconds), _MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return min(when, now + _MAX_RETRY_AFTER)


def _max_age(headers: Mapping[str, str]) -> int | None:
    for directive in headers.get("cache-control", "").split(","):
        name, _, value = directive.partition("=")
        if name.strip().lower() == "max-age":
            value = value.strip().strip('"')
            return min(int(value), 2**31 - 1) if value.isdigit() else None
    return None


def _size(n: int) -> str:
    if n % MiB == 0:
        return f"{n // MiB} MiB"
    if n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"
