"""OPML 2.0 in and out: nested outlines are categories ("World/Asia")."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from monitor.bounded_read import UserFileError, read_user_file
from monitor.feedurl import BadFeedURLError, normalise_feed_url
from monitor.messages import message
from monitor.terminal import terminal_line

MAX_OPML_BYTES = 10 * 1024 * 1024
# Folders in folders: real lists nest two or three deep; the walk must stay far from
# Python's recursion limit.
MAX_OPML_DEPTH = 50


class OPMLError(ValueError):
    """The file is not OPML we can read; one line."""


@dataclass(frozen=True)
class OPMLFeed:
    url: str
    title: str | None = None
    site_url: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class OPMLReadResult:
    feeds: tuple[OPMLFeed, ...]
    problems: tuple[str, ...]  # one line per skipped outline
    title: str | None = None


def read_opml_file(path: Path | str) -> OPMLReadResult:
    """The feeds of the OPML file at `path`: a regular file of at most MAX_OPML_BYTES."""
    try:
        data = read_user_file(path, MAX_OPML_BYTES, "OPML file")
    except UserFileError as exc:
        raise OPMLError(str(exc)) from None
    return read_opml(data)


def read_opml(data: bytes) -> OPMLReadResult:
    """Feeds in an OPML document; bad rows are reported and skipped, the rest kept."""
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(message("opml_too_large"))
    root = _parse(data)
    if root.tag.lower() != "opml":
        raise OPMLError(message("opml_wrong_root", tag=root.tag))
    body = root.find("body")
    if body is None:
        raise OPMLError(message("opml_no_body"))
    title = root.findtext("head/title")
    feeds: list[OPMLFeed] = []
    problems: list[str] = []
    seen: set[str] = set()
    _walk(body, [], feeds, problems, seen)
    return OPMLReadResult(tuple(feeds), tuple(problems), title.strip() if title else None)


def _parse(data: bytes) -> ET.Element:
    """The document's root; a DTD or entity is refused whatever the encoding hides it in."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise OPMLError(message("opml_dtd")) from None
    except ET.ParseError as exc:
        raise OPMLError(message("opml_not_xml", reason=exc)) from None
    except (ValueError, LookupError) as exc:  # an encoding expat cannot read: GBK, UTF-7, ...
        raise OPMLError(message("opml_encoding", reason=exc)) from None


def _walk(
    node: ET.Element, path: list[str], feeds: list[OPMLFeed], problems: list[str], seen: set[str],
    depth: int = 0,
) -> None:
    if depth > MAX_OPML_DEPTH:
        raise OPMLError(message("opml_too_deep", depth=MAX_OPML_DEPTH))
    for outline in node.findall("outline"):
        text = (outline.get("title") or outline.get("text") or "").strip() or None
        xml_url = outline.get("xmlUrl") or outline.get("xmlurl") or outline.get("url")
        if xml_url is None:
            _walk(outline, [*path, text] if text else path, feeds, problems, seen, depth + 1)
            continue
        if text == xml_url.strip():
            text = None  # the address stands in for a missing title; the first poll finds the real one
        try:
            url = normalise_feed_url(xml_url)
        except BadFeedURLError as exc:
            skipped = message("opml_skipped", title=_shown(text or xml_url), problem=exc)
            problems.append(terminal_line(skipped))
            continue
        if url in seen:
            problems.append(terminal_line(message("opml_listed_twice", title=_shown(text or url))))
            continue
        seen.add(url)
        feeds.append(
            OPMLFeed(
                url=url,
                title=text,
                site_url=outline.get("htmlUrl") or None,
                category="/".join(path) or None,
            )
        )


def _shown(value: str, limit: int = 200) -> str:
    """A title or address as a warning quotes it: short enough for one line of a terminal."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def write_opml(feeds: Iterable[OPMLFeed], title: str = "Canada–China Monitor feeds") -> bytes:
    """An OPML 2.0 document; categories become nested outlines so that import gives them back."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        path = tuple(p for p in (feed.category or "").split("/") if p)
        parent = _folder(folders, path)
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _folder(folders: dict[tuple[str, ...], ET.Element], path: tuple[str, ...]) -> ET.Element:
    if path not in folders:
        parent = _folder(folders, path[:-1])
        folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
    return folders[path]
