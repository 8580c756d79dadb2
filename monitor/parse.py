"""Feed bytes and headers in, plain records out (feedparser underneath).

`parse_feed` is a top-level function over plain data so that a process pool
can run it. It never reads files or the network: feedparser only ever gets a
BytesIO, with its own sanitiser and relative-URI pass off (ours are stricter).

An entry's raw hash (stored as article_feeds.raw_hash) is of one kind only: the
digest of its XML bytes in a document monitor.entry_split cuts into entries,
of what those bytes are read against (feed URL, headers, enclosing elements),
of RAW_HASH_VERSION and of feedparser's version. A stored entry whose hash
comes round again is cut out before any reader sees it, which is where a
steady poll saves its time (a 66-entry Atom feed: 20 ms instead of 340).
Entries of a document that is not cut (not well-formed, a DOCTYPE, another
root) carry no raw hash and are cleaned on every read: feedparser reads such
a document whole either way, and cleaning costs little beside it, so a second
kind of hash made from feedparser's fields saved almost nothing there while
making the column mean two things.

RAW_HASH_VERSION must change whenever cleaning does, or stored entries would be
skipped with their old cleaning: tests/unit/test_parse_clean_golden.py fails
when cleaned output departs from its recording under an unchanged version.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any
from xml.sax import SAXParseException

import feedparser
from feedparser.encodings import convert_to_utf8

from monitor.entry_split import EntrySpan, entry_spans, without_spans
from monitor.fast_entries import read_entries
from monitor.language import primary_language
from monitor.messages import message
from monitor.normalize import canonical_url, cap, one_line, sha256_hex, utc_datetime, web_url
from monitor.sanitize import (
    clean_html_to_text,
    escape_bare_ampersands,
    html_to_text,
    plain_to_html,
    safe_xml,
    sanitize_html,
)

__all__ = ["RAW_HASH_VERSION", "FeedParseError", "ParsedEntry", "ParsedFeed", "clean_entry", "parse_feed"]

TITLE_CAP = 1_000
SUMMARY_HTML_CAP = 100_000
TEXT_CAP = 50_000
AUTHOR_CAP = 200
URL_CAP = 2_000
MAX_ENTRIES = 5_000  # more is an archive or an attack; each costs parse time downstream
WARNING_CAP = 500
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_UTF16_LE = re.compile(rb"(?:[\t\n\r ]\x00)*<\x00[!?A-Za-z_]\x00")
_UTF16_BE = re.compile(rb"(?:\x00[\t\n\r ])*\x00<\x00[!?A-Za-z_]")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_XML_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*>")
_HTML_PAGE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)


class FeedParseError(Exception):
    """The document holds no feed; the message is one line for the feed's status."""


@dataclass(frozen=True)
class ParsedEntry:
    """One item as the store keeps it; every text field is clean and capped."""

    guid: str
    link: str | None
    url: str | None
    title: str
    summary_html: str
    text: str
    author: str | None
    published: datetime | None
    content_hash: str
    raw_hash: str | None = None  # see the module docstring


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed document says; `warning` keeps the parser's complaint, if any."""

    title: str | None
    site_url: str | None
    entries: tuple[ParsedEntry, ...]
    warning: str | None
    language: str | None = None  # as the feed declares it (RSS <language>, Atom xml:lang)


def parse_feed(
    body: bytes, headers: Mapping[str, str], url: str, known: Mapping[str, str] | None = None,
    *, fast: bool = True,
) -> ParsedFeed:
    """Parse a fetched feed; raise FeedParseError when it holds no feed at all.

    `known` maps the guids of entries already stored to their `raw_hash`: an
    entry that hashes the same is left out, since cleaning it again would only
    yield what is stored. Only a strictly well-formed RSS or Atom document
    gives its entries raw hashes, over their XML bytes (see monitor.entry_split);
    the stored ones are cut out before anything reads the rest.

    In such a document the entries monitor.fast_entries reads are read there,
    and feedparser reads the channel and the rest; `fast=False` leaves every
    entry to feedparser (the tests compare both).
    """
    if not body or body.isspace():
        raise FeedParseError(message("empty_body"))
    data, feed_headers, notes = _prepare(body, headers)
    response_headers = {**feed_headers, "content-location": url}
    guids = _guids_by_hash(known or {})
    spans = entry_spans(data)
    if spans is not None and len(spans) > MAX_ENTRIES:
        spans = None  # which entries are kept is feedparser's count to make
    planned = _plan(data, spans or (), url, feed_headers, guids, fast)
    result = None
    cut = [e.span for e in planned if e.source is not Source.FEEDPARSER]
    if cut:
        result = _feedparse(without_spans(data, cut), response_headers)
        if len(result.entries) != _count(planned, Source.FEEDPARSER):
            result = None  # the cut document did not read as expected: read it whole
    if result is None:
        planned = [_RawEntry(e.span, e.raw_hash, Source.FEEDPARSER) for e in planned]
        result = _feedparse(data, response_headers)
    if not result.get("version") and not result.entries:
        page = _HTML_PAGE.search(data, 0, 4096)
        raise FeedParseError(message("html_page" if page else "not_a_feed"))
    if result.get("bozo"):
        notes.append(_bozo_note(result.get("bozo_exception")))
    if len(result.entries) > MAX_ENTRIES:
        notes.append(message("items_cut", kept=MAX_ENTRIES, count=len(result.entries)))
    feed = dict(result.feed)
    return ParsedFeed(
        title=_plain(feed.get("title"), feed.get("title_detail"), TITLE_CAP) or None,
        site_url=_capped_url(web_url(feed.get("link"), url)),
        entries=_entries(_filled(planned, result.entries[:MAX_ENTRIES]), url, guids),
        warning=cap(one_line("; ".join(dict.fromkeys(notes))), WARNING_CAP) or None,
        language=_declared_language(feed, feed_headers),
    )


def _declared_language(feed: Mapping[str, Any], headers: Mapping[str, str]) -> str | None:
    """The feed's language: RSS <language> or <dc:language>, the xml:lang of an Atom
    feed's title, else the response's Content-Language (its first tag)."""
    detail = feed.get("title_detail") or {}
    for value in (feed.get("language"), detail.get("language"),
                  headers.get("content-language", "").split(",")[0]):
        language = primary_language(value if isinstance(value, str) else None)
        if language:
            return language
    return None


def _feedparse(data: bytes, response_headers: dict[str, str]) -> Any:
    try:
        return feedparser.parse(
            io.BytesIO(data),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # hostile input must not escape as a crash
        raise FeedParseError(message("parser_failed", kind=type(exc).__name__)) from exc


def _bozo_note(exc: object) -> str:
    """What feedparser found wrong, as a sentence of the catalogue where it has one."""
    if isinstance(exc, SAXParseException):
        return message("xml_error_at", line=exc.getLineNumber(), column=exc.getColumnNumber(),
                       problem=exc.getMessage())
    return str(exc or message("not_well_formed"))


def _guids_by_hash(known: Mapping[str, str]) -> dict[str, str]:
    # A raw hash fixes the guid its entry gets; one claimed by two guids is not trusted.
    guids: dict[str, str] = {}
    doubtful: set[str] = set()
    for guid, raw_hash in known.items():
        if raw_hash in guids and guids[raw_hash] != guid:
            doubtful.add(raw_hash)
        guids[raw_hash] = guid
    for raw_hash in doubtful:
        del guids[raw_hash]
    return guids


class Source(Enum):
    """Where an entry's fields come from."""

    STORED = "stored"  # nowhere: its raw hash is known, so it is left out before any reading
    FAST = "fast"  # monitor.fast_entries, from the document's bytes
    FEEDPARSER = "feedparser"


@dataclass(frozen=True)
class _RawEntry:
    """One entry of the document, in document order, before cleaning."""

    span: EntrySpan | None  # its bytes, when the document is cut into entries
    raw_hash: str | None  # see the module docstring; None outside a cut document
    source: Source
    fields: Mapping[str, Any] | None = None  # in feedparser's shape; None while stored or unread


def _plan(
    data: bytes, spans: tuple[EntrySpan, ...], url: str, feed_headers: Mapping[str, str],
    guids: Mapping[str, str], fast: bool,
) -> list[_RawEntry]:
    """Each entry of a cut document: stored, read by the fast reader, or left to feedparser."""
    hashes = _span_hashes(data, spans, url, feed_headers)
    stored = [h in guids for h in hashes]
    read = _read_fast(data, spans, url, stored) if fast else [None] * len(spans)
    return [
        _RawEntry(span, h, Source.STORED) if out
        else _RawEntry(span, h, Source.FAST, fields) if fields is not None
        else _RawEntry(span, h, Source.FEEDPARSER)
        for span, h, out, fields in zip(spans, hashes, stored, read, strict=True)
    ]


def _filled(planned: list[_RawEntry], raws: list[Mapping[str, Any]]) -> list[_RawEntry]:
    """The plan with feedparser's entries in their places."""
    if len(raws) != _count(planned, Source.FEEDPARSER):
        # feedparser saw the entries otherwise than the cut did: no span is known to be whose.
        return [_RawEntry(None, None, Source.FEEDPARSER, raw) for raw in raws]
    parsed = iter(raws)
    return [
        _RawEntry(e.span, e.raw_hash, e.source, next(parsed)) if e.source is Source.FEEDPARSER else e
        for e in planned
    ]


def _count(planned: list[_RawEntry], source: Source) -> int:
    return sum(e.source is source for e in planned)


def _read_fast(
    data: bytes, spans: tuple[EntrySpan, ...], url: str, left_out: list[bool]
) -> list[dict[str, Any] | None]:
    """The fields of each entry not left out that monitor.fast_entries reads, else None."""
    wanted = left_out.count(False)
    if not wanted:
        return [None] * len(spans)
    # Read without the entries left out: a steady poll's document is then mostly channel.
    gone = [span for span, out in zip(spans, left_out, strict=True) if out]
    read = read_entries(without_spans(data, gone) if gone else data, url)
    if read is None or len(read) != wanted:
        return [None] * len(spans)
    fields = iter(read.values())  # in document order
    return [None if out else next(fields) for out in left_out]


def _span_hashes(
    data: bytes, spans: Iterable[EntrySpan], feed_url: str, feed_headers: Mapping[str, str]
) -> list[str]:
    prefixes: dict[str, bytes] = {}
    hashes = []
    for span in spans:
        prefix = prefixes.get(span.context)
        if prefix is None:
            described = repr((RAW_HASH_VERSION, feedparser.__version__, feed_url,
                              sorted(feed_headers.items()), span.context))
            prefix = prefixes[span.context] = f"{len(described)}:{described}".encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(prefix)
        digest.update(data[span.start : span.end])
        hashes.append(digest.hexdigest())
    return hashes


def _prepare(body: bytes, headers: Mapping[str, str]) -> tuple[bytes, dict[str, str], list[str]]:
    """The body as UTF-8 free of entity declarations, the headers that now
    describe it, and notes on what had to be changed."""
    lowered = {k.lower(): v for k, v in headers.items()}
    feed_headers = {k: lowered[k] for k in ("content-type", "content-language") if k in lowered}
    data, converted, notes = _to_utf8(_with_utf16_bom(body), feed_headers)
    if converted:
        # UTF-8 now, whatever the server said: tell feedparser so.
        feed_headers = _as_utf8(feed_headers, None)
    # Stray control bytes removed here keep a feed on the strict parser.
    data, declared = safe_xml(data)
    if declared:
        notes.append(message("entity_declarations_ignored"))
    data, ampersands = escape_bare_ampersands(data)
    if ampersands:
        notes.append(message("bare_ampersands", count=ampersands))
    return data, feed_headers, notes


def _to_utf8(body: bytes, headers: dict[str, str]) -> tuple[bytes, bool, list[str]]:
    # feedparser's own charset rules (HTTP header, BOM, XML declaration, RFC 3023)
    # run here, before the entity check, so that the check reads exactly the
    # text the parser will: no encoding trick can hide a declaration from it.
    try:
        return _convert(body, headers)
    except (UnicodeError, ValueError, LookupError):
        pass  # feedparser chokes on an encoding name that is not text
    try:
        return _convert(_XML_DECLARATION.sub(b'<?xml version="1.0"?>', body, count=1), headers)
    except (UnicodeError, ValueError, LookupError):
        raise FeedParseError(message("unreadable_encoding")) from None


def _convert(body: bytes, headers: dict[str, str]) -> tuple[bytes, bool, list[str]]:
    result: dict[str, Any] = {}
    data = convert_to_utf8(headers, body, result)
    encoding = result.get("encoding") or ""
    if _misdeclared_utf8(body, encoding):
        data = convert_to_utf8(_as_utf8(headers, "application/xml"), body, {})
        return data, True, [message("misdeclared_utf8", encoding=encoding)]
    notes = [_bozo_note(result["bozo_exception"])] if result.get("bozo_exception") else []
    return data, bool(encoding), notes


def _with_utf16_bom(body: bytes) -> bytes:
    # Without a BOM, UTF-16 that does not open with '<?xml' goes unrecognised.
    if body.startswith(_BOMS):
        return body
    if _UTF16_LE.match(body):
        return codecs.BOM_UTF16_LE + body
    if _UTF16_BE.match(body):
        return codecs.BOM_UTF16_BE + body
    return body


def _misdeclared_utf8(body: bytes, encoding: str) -> bool:
    # Servers often label UTF-8 feeds ISO-8859-1 or windows-1252; non-ASCII
    # text that is valid UTF-8 is almost never anything else.
    encoding = encoding.lower().replace("_", "-")
    if not encoding or encoding.startswith(("utf", "u16", "u32", "ucs")) or body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_utf8(headers: dict[str, str], default_type: str | None) -> dict[str, str]:
    media_type = headers.get("content-type", "").split(";", 1)[0].strip() or default_type
    if not media_type:
        return headers
    return {**headers, "content-type": f"{media_type}; charset=utf-8"}


def _entries(
    raw_entries: Iterable[_RawEntry], feed_url: str, guids: Mapping[str, str]
) -> tuple[ParsedEntry, ...]:
    # Feeds list newest first, so the first of two items sharing a guid wins.
    seen: set[str] = set()
    entries: list[ParsedEntry] = []
    for given in raw_entries:
        if given.source is Source.STORED:  # left out before parsing: stored and unchanged
            seen.add(guids[given.raw_hash or ""])
            continue
        raw = dict(given.fields or {})  # plain keys: FeedParserDict's aliases warn and guess
        link = _item_link(raw.get("link"), feed_url)
        raw_hash = given.raw_hash
        known_guid = guids.get(raw_hash) if raw_hash is not None else None
        if known_guid is not None:  # stored and unchanged; it still claims its guid
            seen.add(known_guid)
            continue
        guid = _given_guid(raw.get("id"), link)
        if guid is not None:  # else the guid is made from the cleaned text, below
            if guid in seen:
                continue
            seen.add(guid)
        entry = _entry(raw, feed_url, link, raw_hash)
        if entry is None:
            continue
        if guid is None:
            if entry.guid in seen:
                continue
            seen.add(entry.guid)
        entries.append(entry)
    return tuple(entries)


# Part of every raw hash: a release that cleans or judges entries differently
# changes it, so that stored entries are cleaned again rather than skipped.
# tests/unit/test_parse_clean_golden.py fails until it does.
RAW_HASH_VERSION = "2"


def clean_entry(raw: Mapping[str, Any], feed_url: str) -> ParsedEntry | None:
    """One entry's fields, in feedparser's shape, cleaned as the store keeps them
    (without a raw hash); None when it has nothing to show or recognise it by."""
    return _entry(raw, feed_url, _item_link(raw.get("link"), feed_url), None)


def _entry(
    raw: Mapping[str, Any], feed_url: str, link: str | None, raw_hash: str | None
) -> ParsedEntry | None:
    base = link or feed_url
    title = _plain(raw.get("title"), raw.get("title_detail"), TITLE_CAP)
    summary_html = _summary_html(raw, base)
    text = cap(clean_html_to_text(summary_html), TEXT_CAP) if summary_html else ""
    date_text = one_line(str(raw.get("published") or raw.get("updated") or ""))
    guid = _guid(raw.get("id"), link, title or text, date_text)
    if guid is None:
        return None
    author = _author(raw)
    return ParsedEntry(
        guid=guid,
        link=link,
        url=_capped_url(canonical_url(link)),
        title=title,
        summary_html=summary_html,
        text=text,
        author=author,
        published=utc_datetime(raw.get("published_parsed") or raw.get("updated_parsed")),
        content_hash=sha256_hex(title, link or "", summary_html),
        raw_hash=raw_hash,
    )


def _guid(given: object, link: str | None, label: str, date_text: str) -> str | None:
    guid = _given_guid(given, link)
    if guid is None:
        if not label:
            return None  # nothing to show and nothing to recognise it by
        return "sha256:" + sha256_hex(label, date_text)
    return guid


def _item_link(value: object, feed_url: str) -> str | None:
    # feedparser resolves a blank link to the feed's own URL, which links no item:
    # taken as the item's link it would make every such item one and the same.
    link = _capped_url(web_url(value if isinstance(value, str) else None, feed_url))
    return None if link == feed_url else link


def _given_guid(given: object, link: str | None) -> str | None:
    """The guid from the entry's id or link, if it has either."""
    guid = one_line(given) if isinstance(given, str) else ""
    guid = guid or link or ""
    if not guid:
        return None
    # A cut identifier could collide with another; a digest of it cannot.
    return guid if len(guid) <= URL_CAP else "sha256:" + sha256_hex(guid)


def _plain(value: object, detail: Mapping[str, Any] | None, limit: int) -> str:
    if not isinstance(value, str):
        return ""
    kind = (detail or {}).get("type", "text/plain")
    text = html_to_text(value[: limit * 20]) if kind in _HTML_TYPES else value
    return cap(one_line(text), limit)


def _summary_html(raw: Mapping[str, Any], base: str) -> str:
    candidates = [*raw.get("content", ()), raw.get("summary_detail") or {}]
    best = max(candidates, key=lambda c: len(c.get("value") or ""), default={})
    value = best.get("value") or ""
    if not isinstance(value, str) or not value.strip():
        return ""
    value = value[: SUMMARY_HTML_CAP * 4]
    markup = value if best.get("type", "text/html") in _HTML_TYPES else plain_to_html(value)
    return _cap_html(sanitize_html(markup, base), base)


def _cap_html(markup: str, base: str) -> str:
    limit = SUMMARY_HTML_CAP
    while len(markup) > SUMMARY_HTML_CAP:
        cut = markup[:limit]
        if cut.rfind("<") > cut.rfind(">"):
            cut = cut[: cut.rfind("<")]  # never leave half a tag behind
        # Re-sanitising closes the tags the cut left open, which adds a little.
        markup = sanitize_html(cut, base)
        limit -= SUMMARY_HTML_CAP // 20
    return markup


def _author(raw: Mapping[str, Any]) -> str | None:
    detail = raw.get("author_detail") or {}
    name = detail.get("name") or raw.get("author")
    return cap(one_line(name), AUTHOR_CAP) or None if isinstance(name, str) else None


def _capped_url(value: str | None) -> str | None:
    # A cut URL leads nowhere; better none than a broken one.
    return value if value is not None and len(value) <= URL_CAP else None
