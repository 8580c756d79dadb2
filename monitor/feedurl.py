"""Which addresses may be a feed: http and https only, `feed:` spelled out."""

from __future__ import annotations

import unicodedata
from urllib.parse import SplitResult, urlsplit, urlunsplit

from monitor.messages import message

_WEB = ("http", "https")
MAX_URL_LENGTH = 2048  # what browsers and servers reliably accept; longer is not a feed address


class BadFeedURLError(ValueError):
    """The text is not an http(s) address; the message says why in one line."""


def normalise_feed_url(text: str) -> str:
    """The http(s) URL to store for what the user typed, or BadFeedURLError."""
    url = text.strip()
    if not url:
        raise BadFeedURLError(message("url_empty"))
    if len(url) > MAX_URL_LENGTH:
        raise BadFeedURLError(message("url_too_long", length=f"{len(url):,}", limit=f"{MAX_URL_LENGTH:,}"))
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[len("feed://") :]
    elif lowered.startswith("feed:"):
        url = url[len("feed:") :]
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise BadFeedURLError(message("url_invalid", text=text)) from None
    scheme = parts.scheme.lower()
    if scheme not in _WEB:
        if scheme and (host or ":" in url and not url.split(":", 1)[1][:1].isdigit()):
            raise BadFeedURLError(message("url_other_scheme", text=text, scheme=scheme))
        raise BadFeedURLError(message("url_not_web", text=text))
    if not host:
        raise BadFeedURLError(message("url_hostless", text=text, scheme=scheme))
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in url):
        raise BadFeedURLError(message("url_spaces", text=text))
    _check_port(text, parts)
    host_port = parts.netloc.rsplit("@", 1)[-1]
    netloc = parts.netloc[: len(parts.netloc) - len(host_port)] + host_port.lower()
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _check_port(text: str, parts: SplitResult) -> None:
    try:
        port = parts.port  # ValueError for "abc", "-1" and anything past 65535
    except ValueError:
        port = 0
    if port == 0:
        raise BadFeedURLError(message("url_bad_port", text=text))
