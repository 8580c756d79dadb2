"""Small pure helpers that turn feed values into what the store keeps.

Everything here is total: odd input yields None or a cleaned string, never an
exception, because one bad field must not cost the rest of a feed.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

# C0 controls other than tab and newline, DEL, C1 controls, lone surrogates and
# the two non-characters: none of them has a place in stored or displayed text.
_UNWANTED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_TRACKING_KEYS = frozenset({"fbclid", "gclid"})
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
_WEB_SCHEMES = frozenset({"http", "https"})


def clean_text(value: str) -> str:
    """`value` with line breaks unified to \\n and control characters removed."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED_CHARS.sub("", value)


def one_line(value: str) -> str:
    """`value` cleaned, with every run of whitespace folded into one space."""
    return _SPACES.sub(" ", clean_text(value)).strip()


def cap(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters."""
    return value if len(value) <= limit else value[:limit]


def sha256_hex(*parts: str) -> str:
    """Hex SHA-256 of the parts joined by a separator no cleaned text contains."""
    joined = "\x1f".join(parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def web_url(value: str | None, base: str | None = None) -> str | None:
    """`value` as an absolute http(s) URL (resolved against `base`), else None."""
    if not value:
        return None
    value = value.strip()
    try:
        absolute = urljoin(base, value) if base else value
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        return None
    if _UNWANTED_CHARS.search(absolute) or " " in absolute:
        return None
    return absolute


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
    scheme = parts.scheme.lower()
    userinfo, _, hostport = parts.netloc.rpartition("@")
    hostport = hostport.lower()
    hostport = hostport.removesuffix(_DEFAULT_PORTS[scheme])
    netloc = f"{userinfo}@{hostport}" if userinfo else hostport
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


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
