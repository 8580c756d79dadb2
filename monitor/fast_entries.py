"""The entries of a strictly well-formed RSS 2.0, RSS 1.0 or Atom 1.0 feed, read as feedparser reads them.

feedparser is pure Python: a 50-item feed costs it about 15 ms, while expat
reads the same document in well under one. This module reads, in one expat
pass, the fields monitor.parse uses, in feedparser's shape, for each entry made
only of elements whose handling it reproduces exactly: title, link, guid/id,
description/summary, content, dates, one author, and elements feedparser keeps
apart from those fields (categories, enclosures, comments, unknown extensions).
Any other entry comes back as None and feedparser reads it, as it reads every
document this module does not take (not well-formed, a DOCTYPE, RSS 0.90,
xml:base, another root). tests/unit/test_fast_entries.py compares both readers
over real, generated and mutated feeds.

feedparser's rules are followed to the letter, odd ones included: element names
resolved through its namespace table (by URI, then by first declared prefix),
relative guids resolved against the feed's URL, RSS plain text upgraded to HTML
when it looks like HTML, the Latin-1 round trip and the cp1252 mapping applied
to every text value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any
from xml.parsers import expat
from xml.sax.saxutils import escape as _xml_escape

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin, make_safe_absolute_uri

from monitor.entry_split import strict_expat

__all__ = ["Entries", "read_entries", "why_not_read"]

# Entry start offset (expat's byte index of its start tag) -> its fields, or None.
Entries = dict[int, dict[str, Any] | None]

_ATOM = "http://www.w3.org/2005/Atom"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_ABOUT = f"{_RDF} about"
_RSS10 = "http://purl.org/rss/1.0/"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_MATCH = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
_PLAIN, _HTML, _XHTML = "text/plain", "text/html", "application/xhtml+xml"
# HTML elements that feedparser writes back from an RSS description as they are, when it has no
# handler of its own for them (see _has_handler); a div it drops, svg and MathML it treats apart.
_HTML_TAGS = frozenset((
    "p", "br", "a", "b", "i", "em", "strong", "u", "s", "small", "sub", "sup", "span", "code", "pre",
    "cite", "q", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td",
    "th", "caption",
))
_QUOTE = {'"': "&quot;"}
_TEXT_TYPES = frozenset({_PLAIN, _HTML})
_HTML_TYPES = frozenset(_FeedParserMixin.html_types)
_EMAIL = re.compile(
    r"""(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))"""
    r"""([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"""
)
_ENTITY_IN_LINK = re.compile("&([A-Za-z0-9_]+);")
_C1_CONTROLS = re.compile("[\x80-\x9f]")  # the characters _cp1252 maps, and no others
_looks_like_html: Callable[[str], bool] = _FeedParserMixin.looks_like_html

# feedparser's element names (namespace prefix + "_" + lower-case local name) by role.
_TITLE = frozenset({"title", "dc_title"})
_DESCRIPTION = frozenset({"description", "dc_description", "media_description"})
_SUMMARY = frozenset({"summary"})
_CONTENT = frozenset({"content", "content_encoded", "fullitem"})
_PUBLISHED = frozenset({"published", "pubdate", "issued", "dcterms_issued"})
_UPDATED = frozenset({"updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"})
_AUTHOR = frozenset({"author", "managingeditor", "dc_author", "dc_creator"})
_GUID = frozenset({"guid", "id"})
_SINGLE = (_TITLE, _DESCRIPTION | _SUMMARY, _CONTENT, _PUBLISHED, _UPDATED, _AUTHOR, _GUID)
_FAMILY = {name: n for n, family in enumerate(_SINGLE) for name in family}  # at most one of each
# Handled by feedparser without touching any field read here (checked in its source).
_MEDIA = frozenset({"media_group", "media_content", "media_thumbnail", "media_credit", "media_player",
                    "media_category", "media_rating", "media_restriction", "media_license"})
_APART = _MEDIA | {"category", "dc_subject", "keywords", "enclosure", "source"}
# What monitor.parse reads, and the state keys the handlers above rely on: an
# unknown element of one of these names would write over it.
_READ_KEYS = frozenset({
    "id", "link", "links", "title", "title_detail", "summary", "summary_detail", "content",
    "published", "published_parsed", "updated", "updated_parsed", "author", "author_detail",
    "authors", "guidislink", "href", "email", "name", "url", "tags", "enclosures", "source",
})  # fmt: skip
_AUTHOR_PARTS = frozenset({"name", "email", "uri", "url", "homepage"})
_MAX_LEVELS = 6


class _Unsupported(Exception):
    """Something in the entry is not read here; feedparser reads it."""


class _NotTaken(Exception):
    """The document is not one this module reads."""


@dataclass(slots=True)
class _Element:
    name: str  # feedparser's name
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    kids: list[_Element] = field(default_factory=list)
    # Text and children in document order, kept in an RSS description that holds elements and
    # below it only: feedparser re-serialises elements written there unescaped (_inline_markup).
    mixed: list[str | _Element] | None = None


def read_entries(data: bytes, feed_url: str) -> Entries | None:
    """The entries of `data` by start offset, in document order, or None when the
    document is not one read here.

    `data` is UTF-8 free of entity declarations (monitor.sanitize.safe_xml); a
    DOCTYPE makes the document not taken.
    """
    reader = _run(data, feed_url)
    return reader.entries if isinstance(reader, _Reader) else None


def why_not_read(data: bytes, feed_url: str) -> str:
    """Why the document, or some of its entries, are left to feedparser (for profiles):
    the reasons with how many entries each sent there; "" when all are read here."""
    reader = _run(data, feed_url)
    if not isinstance(reader, _Reader):
        return reader
    counts: dict[str, int] = {}
    for reason in reader.why.values():
        counts[reason] = counts.get(reason, 0) + 1
    return ", ".join(f"{reason} x{n}" for reason, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def _run(data: bytes, feed_url: str) -> _Reader | str:
    """The reader after reading `data`, or why the document is not taken."""
    base = _base_uri(feed_url)
    if base is None:
        return "feed URL"
    reader = _Reader(base)
    parser = strict_expat(reader.refuse)
    parser.buffer_text = True
    parser.StartNamespaceDeclHandler = reader.namespace
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    reader.parser = parser
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, _NotTaken, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return reader


def _base_uri(feed_url: str) -> str | None:
    # feedparser starts from the Content-Location and makes it "safe" at each
    # start tag; past the first few levels it no longer changes.
    base = feed_url
    for _ in range(4):
        again = make_safe_absolute_uri(base, base) or base
        if again == base:
            return base
        base = again
    return None


class _Reader:
    def __init__(self, base: str) -> None:
        self.base = base
        self.parser: expat.XMLParserType | None = None
        self.entries: Entries = {}
        self.atom = False
        self.entry_name = "item"
        self.depth = 0
        self.entry_depth = 0  # depth of the entries (2 in RSS, 1 in Atom); 0 before the root
        self.entry: list[_Element] | None = None  # the children of the entry being read
        self.entry_start = -1
        self.about: str | None = None
        self.entry_ok = True
        self.stack: list[_Element] = []  # open elements inside the entry, below it
        # feedparser's namespace bookkeeping, fed in document order as it is
        self.namespacemap: dict[str | None, str] = {}
        self.in_use: dict[str, str] = {}
        self.names: dict[str, str] = {}  # name_of's answers until the next namespace declaration
        self.why: dict[int, str] = {}  # entry start -> why feedparser reads it

    def refuse(self, *_: object) -> None:
        raise _NotTaken("DOCTYPE or entity declaration")

    def namespace(self, prefix: str | None, uri: str | None) -> None:
        if not uri:
            return
        if self.stack and self._holds_markup(self.stack[-1]) and self.entry_ok:
            self.entry_ok = False  # inside a description: it would change how its markup reads
            self.why[self.entry_start] = "namespace declared in a description"
        self.names = {}
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            uri = lower = "http://backend.userland.com/rss"
        known = _MATCH.get(lower)
        if known is not None:
            self.namespacemap[prefix] = known
            self.in_use[known] = uri
        else:
            self.in_use[prefix or ""] = uri

    def name_of(self, expat_name: str) -> str:
        """feedparser's name for an element: its method suffix and its key."""
        namespace, _, local = expat_name.rpartition(" ")
        lower_ns = namespace.lower()
        if "backend.userland.com/rss" in lower_ns:
            namespace = lower_ns = "http://backend.userland.com/rss"
        prefix = _MATCH.get(lower_ns)
        qualified = local
        if prefix:
            qualified = f"{prefix.lower()}:{local}"
        elif namespace and prefix is None:
            for name, uri in self.in_use.items():
                if name and uri == namespace:
                    qualified = f"{name}:{local}"
                    break
        qualified = qualified.lower()
        given, colon, suffix = qualified.partition(":")
        if not colon:
            return qualified
        mapped = self.namespacemap.get(given, given)
        return f"{mapped}_{suffix}" if mapped else suffix

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        depth = self.depth
        if depth == 1:
            if name == "rss":
                self.entry_depth = 3
            elif name == f"{_ATOM} feed":
                self.entry_depth, self.atom, self.entry_name = 2, True, f"{_ATOM} entry"
            elif name == f"{_RDF} RDF":  # RSS 1.0: the items beside the channel, under the root
                self.entry_depth, self.entry_name = 2, f"{_RSS10} item"
            elif name.endswith(" rss") and self.name_of(name) == "rss":
                # RSS 2.0 in a namespace feedparser reads as none (UserLand's, or one it does not know)
                self.entry_depth, self.entry_name = 3, f"{name[:-4]} item"
            else:
                raise _NotTaken(f"root <{name}>")
        if depth < self.entry_depth:
            if _moves_base(attributes):
                raise _NotTaken("xml:base above the entries")  # they would read against another base
            return
        if self.entry is None:
            if depth == self.entry_depth and name == self.entry_name:
                if " " in name and self.name_of(name) not in ("item", "entry"):
                    raise _NotTaken(f"entries named <{name}>")  # a prefix bound to their namespace since
                assert self.parser is not None
                self.entry, self.stack = [], []
                self.entry_start = self.parser.CurrentByteIndex
                # feedparser takes an RSS 1.0 item's rdf:about as its id, as it is.
                self.about = attributes.get(_RDF_ABOUT) or None
                self.entry_ok = not any(_attribute_matters(k) for k in attributes if k != _RDF_ABOUT)
                if not self.entry_ok:
                    self.why[self.entry_start] = "attribute on the entry"
            elif _moves_base(attributes):
                raise _NotTaken("xml:base beside the entries")  # the rest reads against another base
            elif depth == self.entry_depth and name.rpartition(" ")[2] in ("item", "entry"):
                raise _NotTaken(f"entries named <{name}>")  # RSS 0.90's, say: feedparser reads them too
            return
        if not self.entry_ok:
            return
        if attributes and (
            _moves_base(attributes) or any(" " in key and not key.startswith(_XML_NS) for key in attributes)
        ):
            self.entry_ok = False
            self.why[self.entry_start] = "xml:base or namespaced attribute"
            return
        if depth - self.entry_depth > _MAX_LEVELS:
            self.entry_ok = False  # no news entry nests this deep
            self.why[self.entry_start] = "nesting"
            return
        known = self.names.get(name)
        if known is None:
            known = self.names[name] = self.name_of(name)
        element = _Element(known, _normalized(attributes) if attributes else {})
        parent = self.stack[-1] if self.stack else None
        if parent is not None and self._holds_markup(parent):
            if attributes and any(" " in key for key in attributes):
                self.entry_ok = False  # xml:lang and the like are written back with their prefix
                self.why[self.entry_start] = "namespaced attribute in a description"
                return
            if parent.mixed is None:  # its first element: the text so far came before it
                parent.mixed = list(parent.text)
            parent.mixed.append(element)
            element.mixed = []
        (parent.kids if parent is not None else self.entry).append(element)
        self.stack.append(element)

    def _holds_markup(self, element: _Element) -> bool:
        """An RSS description, or an element inside one: its elements are written back as text."""
        return element.mixed is not None or (element.name == "description" and not self.atom)

    def text(self, data: str) -> None:
        if self.stack and self.entry_ok:
            element = self.stack[-1]
            element.text.append(data)
            if element.mixed is not None:
                element.mixed.append(data)

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth -= 1
        if self.entry is None:
            return
        if depth > self.entry_depth:
            if self.entry_ok:
                self.stack.pop()
            return
        fields = None
        if self.entry_ok:
            try:
                fields = _fields(self.entry, self.atom, self.base, self.about)
            except _Unsupported as exc:
                self.why[self.entry_start] = str(exc)
                fields = None
        self.entries[self.entry_start] = fields
        self.entry = None
        self.stack = []


def _moves_base(attributes: dict[str, str]) -> bool:
    return "base" in attributes or f"{_XML_NS} base" in attributes


def _attribute_matters(key: str) -> bool:
    # On an entry element feedparser reads rdf:about, lastmod and href; only
    # xml:lang (which nothing here reads) is let through.
    return key not in (f"{_XML_NS} lang", "lang")


def _normalized(attributes: dict[str, str]) -> dict[str, str]:
    # feedparser lower-cases attribute names, and the values of rel and type.
    out = {}
    for key, value in attributes.items():
        local = key.rpartition(" ")[2].lower()
        out[local] = value.lower() if local in ("rel", "type") else value
    return out


# --- an entry's elements to feedparser's fields ------------------------------------------------


def _fields(children: list[_Element], atom: bool, base: str, about: str | None = None) -> dict[str, Any]:
    seen: set[int] = set()
    for child in _with_group_descriptions(children):
        family = _FAMILY.get(child.name)
        if family is not None:
            if family in seen:
                raise _Unsupported(f"two <{child.name}>")
            seen.add(family)
    out: dict[str, Any] = {"id": about} if about else {}
    titled = False  # a title with text came before: feedparser ignores deeper ones after it
    for child in children:
        name = child.name
        if child.kids and child.mixed is not None:
            out["summary_detail"] = {"type": _XHTML, "value": _inline_markup(child, base)}
            continue
        if child.kids and name not in _AUTHOR:
            if not (_apart(name) or (name == "link" and _href(child.attrs) is not None)):
                raise _Unsupported(f"<{name}> with children")
            _check_apart(child, titled, entry_group=name == "media_group")
            if name == "media_group":  # YouTube's: its description is the entry's
                for kid in child.kids:
                    if kid.name == "media_description":
                        value, kind = _content(kid, _HTML, atom, base)
                        out["summary_detail"] = {"type": kind, "value": value}
        if name == "media_title":
            if not titled:
                raise _Unsupported("<media_title> before the title")
            continue  # feedparser keeps the title that came first, with text
        if name == "source":
            titled = False  # feedparser forgets its title's depth there: a later nested title counts
        if name in _TITLE:
            value, kind = _content(child, _PLAIN, atom, base)
            out["title"], out["title_detail"] = value, {"type": kind, "value": value}
            titled = bool(value)
        elif name == "link":
            _link(child, out, base)
        elif name in _GUID:
            permalink = child.attrs.get("ispermalink", "true") == "true"
            value = _pop(_joined(child), "id", None, atom, base, permalink)[0]
            out["id"] = value
            if permalink and "link" not in out:
                out["link"] = value
        elif name in _DESCRIPTION:
            value, kind = _content(child, _HTML, atom, base)
            out["summary_detail"] = {"type": kind, "value": value}
        elif name in _SUMMARY:
            value, kind = _content(child, _PLAIN, atom, base)
            out["summary_detail"] = {"type": kind, "value": value}
        elif name in _CONTENT:
            if "src" in child.attrs:
                raise _Unsupported(f"<{name} src>")
            value, kind = _content(child, _HTML if name != "content" else _PLAIN, atom, base)
            out["content"] = [{"type": kind, "value": value}]
        elif name in _PUBLISHED:
            out["published"] = value = _pop(_joined(child), "published", None, atom, base)[0]
            out["published_parsed"] = _parse_date(value)
        elif name in _UPDATED:
            out["updated"] = value = _pop(_joined(child), "updated", None, atom, base)[0]
            out["updated_parsed"] = _parse_date(value)
        elif name in _AUTHOR:
            _author(child, out, atom, base)
        elif name in _APART:
            continue
        elif _has_handler(name) or name in _READ_KEYS:
            raise _Unsupported(f"<{name}>")
    return out


def _inline_markup(element: _Element, base: str) -> str:
    """An RSS description holding elements as they are, as feedparser reads it: from its
    first element on, the content is XHTML, each element written back as `<name attrs>`
    ... `</name>` and the text after it escaped (the text before it is not)."""
    if element.attrs:
        raise _Unsupported("<description> with attributes and children")  # type and mode change the path
    pieces: list[str] = []
    started = False

    def write(parent: _Element) -> None:
        nonlocal started
        assert parent.mixed is not None
        for part in parent.mixed:
            if isinstance(part, str):
                pieces.append(_xml_escape(part) if started else part)
                continue
            if part.name not in _HTML_TAGS or _has_handler(part.name):
                raise _Unsupported(f"<{part.name}> in a description")
            started = True
            attrs = "".join(f' {key}="{_xml_escape(value, _QUOTE)}"' for key, value in part.attrs.items())
            pieces.append(f"<{part.name}{attrs}>")
            write(part)
            pieces.append(f"</{part.name}>")

    write(element)
    return _pop("".join(pieces), "description", _XHTML, False, base)[0]


def _joined(element: _Element) -> str:
    return "".join(element.text)


def _content(element: _Element, default_type: str, atom: bool, base: str) -> tuple[str, str]:
    attrs = element.attrs
    if "mode" in attrs:
        raise _Unsupported(f"<{element.name} mode>")  # base64 and escaped modes
    kind = _FeedParserMixin.map_content_type(attrs.get("type", default_type))
    if kind not in _TEXT_TYPES:
        raise _Unsupported(f"<{element.name} type={kind}>")  # XHTML is re-serialised, others decoded
    return _pop(_joined(element), "content", kind, atom, base)


def _pop(
    text: str, element: str, kind: str | None, atom: bool, base: str, resolve_id: bool = True
) -> tuple[str, str | None]:
    """feedparser's `pop` for one text value: the value, and the content type it settles on."""
    output = text.strip()
    if element in ("link", "href", "id") and output and (element != "id" or resolve_id):
        output = _joined_uri(base, output)
    if not atom and kind == _PLAIN and _looks_like_html(output):
        kind = _HTML
    if output.isascii():
        return output, kind  # what follows leaves ASCII as it is
    try:
        output = output.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    # translate() looks every character up: only worth it when one would change
    return (output.translate(_cp1252) if _C1_CONTROLS.search(output) else output), kind


# feedparser's _urljoin, remembered: an RSS item's guid is mostly its link again.
_joined_uri = lru_cache(maxsize=1024)(_urljoin)


@cache
def _apart(name: str) -> bool:
    """feedparser keeps this element away from every field read here."""
    return name in _MEDIA or not (_has_handler(name) or name in _READ_KEYS)


def _with_group_descriptions(children: list[_Element]) -> list[_Element]:
    """The entry's children, and the media:description of each media:group among them."""
    nested = [kid for child in children if child.name == "media_group"
              for kid in child.kids if kid.name == "media_description"]
    return children + nested if nested else children


def _check_apart(element: _Element, titled: bool, entry_group: bool = False) -> None:
    # feedparser reads nested elements as if they were the entry's own: each must be apart
    # too, but for a title (as BBC's related links and YouTube's media:title carry) once the
    # entry's own title has text: feedparser then drops any title deeper than that one (its
    # title_depth), and a media:title anywhere. The media:description of a media:group that
    # is the entry's own child is read as the entry's description (see _fields).
    for kid in element.kids:
        if titled and kid.name in _TITLE | {"media_title"} and not kid.kids:
            continue
        if entry_group and kid.name == "media_description" and not kid.kids:
            continue
        if not _apart(kid.name):
            raise _Unsupported(f"<{kid.name}> inside <{element.name}>")
        _check_apart(kid, titled)


def _href(attrs: dict[str, str]) -> str | None:
    """The link target feedparser takes from a link's attributes (even empty), or None."""
    href = attrs.get("url", attrs.get("uri", attrs.get("href")))
    return href if href else attrs.get("href")


def _link(element: _Element, out: dict[str, Any], base: str) -> None:
    rel = element.attrs.get("rel", "alternate")
    kind = element.attrs.get("type", "application/atom+xml" if rel == "self" else _HTML)
    href = _href(element.attrs)
    if href is not None:  # even empty: feedparser then links to the base
        if rel == "alternate" and _FeedParserMixin.map_content_type(kind) in _HTML_TYPES:
            out["link"] = _joined_uri(base, href)
        return
    value = _pop(_joined(element), "link", None, False, base)[0]
    out["link"] = _ENTITY_IN_LINK.sub(r"&\g<1>", value.replace("&amp;", "&"))


def _author(element: _Element, out: dict[str, Any], atom: bool, base: str) -> None:
    if not element.kids:
        value = _pop(_joined(element), "author", None, atom, base)[0]
        out["author"] = value
        name, email = _split_author(value)
        if name or email:
            out["author_detail"] = {k: v for k, v in (("name", name), ("email", email)) if v}
        return
    if _joined(element).strip():
        raise _Unsupported("author with text and children")
    detail: dict[str, str] = {}
    seen: set[str] = set()
    for kid in element.kids:
        if kid.name not in _AUTHOR_PARTS or kid.name in seen or kid.kids:
            raise _Unsupported(f"author part <{kid.name}>")
        seen.add(kid.name)
        if kid.name in ("name", "email"):
            detail[kid.name] = _joined(kid).strip()
        else:
            detail["href"] = _pop(_joined(kid), "href", None, atom, base)[0]
    name, email = detail.get("name"), detail.get("email")
    author = f"{name} ({email})" if name and email else name or email or ""
    out["author"], out["author_detail"] = author, detail


def _split_author(author: str) -> tuple[str, str]:
    """feedparser's reading of "jane@example.com (Jane Doe)" into a name and an address."""
    if not author:
        return "", ""
    email = ""
    found = _EMAIL.search(author)
    if found:
        email = found.group(0)
        author = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "")
        author = author.strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    return author, email


@cache
def _has_handler(name: str) -> bool:
    return hasattr(_FeedParserMixin, "_start_" + name) or hasattr(_FeedParserMixin, "_end_" + name)
