"""Finding the feed behind an address: the address itself, or the feeds a web page announces
with `<link rel="alternate" type="application/rss+xml|atom+xml" href=...>`.

`feed_links` and `looks_like_feed` are pure; `discover` fetches once with a Fetcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Protocol
from urllib.parse import urljoin

from monitor.feedurl import BadFeedURLError, normalise_feed_url
from monitor.messages import message

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
     "application/xml", "text/xml"}
)  # fmt: skip
HTML_SCAN_LIMIT = 1024 * 1024  # the links live in <head>; never parse a huge page whole
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(rss|feed|RDF)[\s>/]")
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class FeedLink:
    url: str
    title: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class Discovery:
    """What an address led to: feeds to offer (the address itself when it is one), or an error."""

    url: str
    feeds: tuple[FeedLink, ...] = ()
    is_feed: bool = False
    error: str | None = None


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "link":
            self.links.append(values)

    handle_startendtag = handle_starttag


def feed_links(page: str, base_url: str) -> list[FeedLink]:
    """The feeds a page announces, in page order, resolved to absolute http(s) URLs, once each."""
    parser = _LinkParser()
    try:
        parser.feed(page[:HTML_SCAN_LIMIT])
        parser.close()
    except Exception:  # html.parser is lenient; anything it still chokes on yields no links
        pass
    base = urljoin(base_url, parser.base) if parser.base else base_url
    found: list[FeedLink] = []
    seen: set[str] = set()
    for link in parser.links:
        rels = link.get("rel", "").lower().split()
        kind = link.get("type", "").lower().split(";")[0].strip()
        if "alternate" not in rels or kind not in FEED_TYPES or not link.get("href", "").strip():
            continue
        try:
            url = normalise_feed_url(urljoin(base, link["href"].strip()))
        except (BadFeedURLError, ValueError):
            continue
        if url not in seen:
            seen.add(url)
            found.append(FeedLink(url, link.get("title", "").strip() or None, kind))
    return found


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """True for an RSS, Atom or RDF document (by its root element, whatever the server calls it)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_ROOT.search(head) and not head.lower().startswith((b"<!doctype html", b"<html")):
        return True
    return content_type.split(";")[0].strip().lower() in {"application/rss+xml", "application/atom+xml"}


def _decode(body: bytes, content_type: str) -> str:
    match = _CHARSET.search(content_type) or _CHARSET.search(body[:2048].decode("ascii", "replace"))
    try:
        return body.decode(match.group(1) if match else "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


class FetcherLike(Protocol):
    def fetch(self, url: str, validators: Any) -> Any: ...


def discover(text: str, fetcher: FetcherLike) -> Discovery:
    """Fetch what the user typed once and say which feeds it offers. Blocking: run it off the GUI thread."""
    from monitor.fetch import Validators

    try:
        url = normalise_feed_url(text)
    except BadFeedURLError as exc:
        return Discovery(text.strip(), error=str(exc))
    result = fetcher.fetch(url, Validators())
    if result.outcome != "ok" or result.body is None:
        return Discovery(url, error=result.error or message("could_not_fetch", url=url))
    content_type = result.headers.get("content-type", "")
    final = result.final_url or url
    if looks_like_feed(result.body, content_type):
        return Discovery(url, (FeedLink(url),), is_feed=True)
    links = feed_links(_decode(result.body, content_type), final)
    if not links:
        return Discovery(url, error=message("no_feed_found", url=url))
    return Discovery(url, tuple(links))


def discover_with_new_client(text: str) -> Discovery:
    """`discover` with a client and fetcher of its own, closed afterwards (for one-off use)."""
    from monitor.fetch import Fetcher, make_client

    client = make_client()
    try:
        return discover(text, Fetcher(client))
    finally:
        client.close()
