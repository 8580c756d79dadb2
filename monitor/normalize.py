"""Small pure helpers that turn feed values into what the store keeps.

Everything here is total: odd input yields None or a cleaned string, never an
exception, because one bad field must not cost the rest of a feed.

They run several times for every item of every poll, so the common cases
(ASCII text, absolute links) take short cuts that give the same result as the
general path.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

# C0 controls other than tab and newline, DEL, C1 controls, lone surrogates and
# the two non-characters: none of them has a place in stored or displayed text.
_UNWANTED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The same set within ASCII, for bytes.translate (\r is gone by then).
_UNWANTED_ASCII = bytes(range(0x20)).translate(None, b"\t\n") + b"\x7f"
_TRACKING_KEYS = frozenset({"fbclid", "gclid"})
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
_WEB_SCHEMES = frozenset({"http", "https"})


def clean_text(value: str) -> str:
    """`value` with line breaks unified to \\n and control characters removed."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.isascii():
        # A C loop over bytes is several times faster than the pattern.
        encoded = value.encode("ascii")
        kept = encoded.translate(None, _UNWANTED_ASCII)
        return value if len(kept) == len(encoded) else kept.decode("ascii")
    return _UNWANTED_CHARS.sub("", value)


def one_line(value: object) -> str:
    """`value` as text on one line: cleaned, every run of whitespace folded into one space.

    The one way the app puts feed text, error messages and exceptions on a line; an
    exception without a message reads as its type's name.
    """
    # str.split() and the pattern \s agree on what whitespace is.
    text = " ".join(clean_text(value if isinstance(value, str) else str(value)).split())
    if not text and isinstance(value, BaseException):
        return type(value).__name__
    return text


def cap(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters."""
    return value if len(value) <= limit else value[:limit]


def sha256_hex(*parts: str) -> str:
    """Hex SHA-256 of the parts joined by a separator no cleaned text contains."""
    joined = "\x1f".join(parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def web_url(value: str | None, base: str | None = None) -> str | None:
    """`value` as an absolute http(s) URL (resolved against `base`), else None."""
    value = value.strip() if value else ""
    if not value:
        return None  # a blank link is no link, not a link to the base
    try:
        absolute = _joined(base, value) if base else value
        parts = urlsplit(absolute)  # memoised by urllib: canonical_url asks again
    except ValueError:
        return None
    # urlsplit lower-cases the scheme it finds.
    if parts.scheme not in _WEB_SCHEMES or not _has_host(parts.netloc):
        return None
    if _UNWANTED_CHARS.search(absolute) or " " in absolute:
        return None
    return absolute


def _joined(base: str, value: str) -> str:
    # urljoin keeps a URL whose scheme differs from the base's exactly as
    # given; it only gets there after parsing both, which costs more than this.
    scheme = urlsplit(value).scheme
    if scheme and scheme != urlsplit(base).scheme:
        return value
    return urljoin(base, value)


def _has_host(netloc: str) -> bool:
    # Whether SplitResult.hostname would be non-empty, without building it.
    hostinfo = netloc.rpartition("@")[2]
    _, bracket, bracketed = hostinfo.partition("[")
    hostname = bracketed.partition("]")[0] if bracket else hostinfo.partition(":")[0]
    return bool(hostname)


def canonical_url(value: str | None) -> str | None:
    """The URL used to recognise one story across feeds.

    Drops utm_*, fbclid and gclid parameters and the fragment, lower-cases the
    scheme and host and drops a default port; other parameters keep their
    spelling and order, since servers may depend on either.
    """
    url = web_url(value)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme
    userinfo, _, hostport = parts.netloc.rpartition("@")
    hostport = hostport.lower()
    hostport = hostport.removesuffix(_DEFAULT_PORTS[scheme])
    netloc = f"{userinfo}@{hostport}" if userinfo else hostport
    query = parts.query
    if query:
        query = "&".join(p for p in query.split("&") if p and not _is_tracking(p))
    # What urlunsplit builds here: the netloc is never empty (web_url saw a
    # host) and a path after a netloc always starts with "/".
    url = f"{scheme}://{netloc}{parts.path or '/'}"
    return f"{url}?{query}" if query else url


def _is_tracking(param: str) -> bool:
    key = param.split("=", 1)[0].lower()
    return key.startswith("utm_") or key in _TRACKING_KEYS


def utc_datetime(value: time.struct_time | None) -> datetime | None:
    """An aware UTC datetime from feedparser's UTC struct_time, else None."""
    if value is None:
        return None
    try:
        year, month, day, hour, minute, second = value[:6]
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None
