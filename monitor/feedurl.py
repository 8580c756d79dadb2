"""Which addresses may be a feed: http and https only, `feed:` spelled out."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


class BadFeedURLError(ValueError):
    """The text is not an http(s) address; the message says why in one line."""


def normalise_feed_url(text: str) -> str:
    """The http(s) URL to store for what the user typed, or BadFeedURLError."""
    url = text.strip()
    if not url:
        raise BadFeedURLError("the feed address is empty")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise BadFeedURLError(f"'{text}' contains spaces or control characters")
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[len("feed://") :]
    elif lowered.startswith("feed:"):
        url = url[len("feed:") :]
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise BadFeedURLError(f"'{text}' is not a valid web address") from None
    scheme = parts.scheme.lower()
    if not scheme or (scheme not in ("http", "https") and not host and "/" not in parts.path[:1]):
        if scheme in ("file", "data", "javascript", "ftp", "mailto"):
            raise BadFeedURLError(f"'{text}' uses {scheme}:, but only http and https feeds can be followed")
        raise BadFeedURLError(f"'{text}' is not a web address (it must start with http:// or https://)")
    if scheme not in ("http", "https"):
        raise BadFeedURLError(f"'{text}' uses {scheme}:, but only http and https feeds can be followed")
    if not host:
        raise BadFeedURLError(f"'{text}' has no host name")
    host_port = parts.netloc.rsplit("@", 1)[-1]
    netloc = parts.netloc[: len(parts.netloc) - len(host_port)] + host_port.lower()
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
