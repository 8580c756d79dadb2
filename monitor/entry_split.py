"""A strictly well-formed feed document cut into its entries, before feedparser reads it.

A poll then hands feedparser the channel and only the entries it has not
stored: each entry is known by the digest of its own bytes and of what
feedparser reads them with (the enclosing elements' names, attributes and
namespace declarations). The cut removes byte ranges and re-serialises
nothing, so prefixes, namespaces and text stay exactly as the feed wrote them.

Only documents that expat reads without error, with no DOCTYPE (hence no
entity beyond XML's five and nothing external), and whose entries sit where
RSS 2.0, RSS 1.0 or Atom put them are cut; for anything else `entry_spans`
returns None and the document is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.parsers import expat

from feedparser.mixin import _FeedParserMixin

__all__ = ["EntrySpan", "entry_spans", "strict_expat", "without_spans"]

_ATOM = "http://www.w3.org/2005/Atom"
_ATOM03 = "http://purl.org/atom/ns#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS10 = "http://purl.org/rss/1.0/"
# Root element -> (the element holding the entries, or None for the root itself; the entry),
# as expat names them with namespace_separator " ".
_LAYOUTS: dict[str, tuple[str | None, str]] = {
    "rss": ("channel", "item"),
    f"{_ATOM} feed": (None, f"{_ATOM} entry"),
    f"{_ATOM03} feed": (None, f"{_ATOM03} entry"),
    f"{_RDF} RDF": (None, f"{_RSS10} item"),
}
_NAMESPACES = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
# feedparser starts an entry at any element with one of these local names, so
# one found anywhere else makes the cut uncertain.
_ENTRY_NAMES = frozenset({"item", "entry"})
# A start tag of well-formed XML (expat has read it): attribute values are quoted.
_START_TAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")


def _layout(root: str) -> tuple[str | None, str] | None:
    known = _LAYOUTS.get(root)
    if known is not None:
        return known
    namespace, _, local = root.rpartition(" ")
    if local == "rss" and namespace and _NAMESPACES.get(namespace.lower(), "") == "":
        # RSS 2.0 in a namespace feedparser reads as none: UserLand's, or one it does not know.
        return f"{namespace} channel", f"{namespace} item"
    return None


@dataclass(frozen=True)
class EntrySpan:
    """One entry element: its bytes are data[start:end]; `context` describes its ancestors."""

    start: int
    end: int
    context: str


class _Uncertain(Exception):
    """The document is not one this module cuts."""


def entry_spans(data: bytes) -> tuple[EntrySpan, ...] | None:
    """The entry elements of `data` in document order, or None when it is not cut.

    `data` must already be free of entity declarations (monitor.sanitize.safe_xml);
    a DOCTYPE still makes the document uncut, and no entity is ever resolved.
    """
    walker = _Walker(data)
    parser = strict_expat(walker.doctype)
    parser.ordered_attributes = True
    parser.StartNamespaceDeclHandler = walker.namespace
    parser.StartElementHandler = walker.start
    parser.EndElementHandler = walker.end
    walker.parser = parser
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, _Uncertain, ValueError):
        return None
    return tuple(walker.spans) if walker.spans else None


def strict_expat(refuse: Callable[..., None]) -> expat.XMLParserType:
    """An expat parser with namespaces ("uri local" names) that calls `refuse` at
    any DOCTYPE or entity declaration, and never reads external entities."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SkippedEntityHandler = refuse
    return parser


def without_spans(data: bytes, spans: list[EntrySpan]) -> bytes:
    """`data` with the given entries (in document order) cut out."""
    parts: list[bytes] = []
    pos = 0
    for span in spans:
        parts.append(data[pos : span.start])
        pos = span.end
    parts.append(data[pos:])
    return b"".join(parts)


class _Walker:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.parser: expat.XMLParserType | None = None
        self.spans: list[EntrySpan] = []
        self.ancestors: list[tuple[str, tuple[str, ...], tuple[tuple[str | None, str], ...]]] = []
        self.declared: list[tuple[str | None, str]] = []
        self.layout: tuple[str | None, str] | None = None
        self.entry_start = -1
        self.entry_context = ""
        self.inner = 0  # depth inside the current entry, or below an element left alone

    def doctype(self, *_: object) -> None:
        raise _Uncertain

    def namespace(self, prefix: str | None, uri: str) -> None:
        self.declared.append((prefix, uri))

    def start(self, name: str, attributes: list[str]) -> None:
        declared, self.declared = tuple(self.declared), []
        if self.inner:
            if name.rpartition(" ")[2] in _ENTRY_NAMES:
                raise _Uncertain
            if declared and self.entry_start >= 0:
                self._check(declared)
            self.inner += 1
            return
        depth = len(self.ancestors)
        if depth == 0:
            self.layout = _layout(name)
            if self.layout is None:
                raise _Uncertain
        else:
            assert self.layout is not None
            holder, entry = self.layout
            holding = depth == 1 if holder is None else depth == 2 and self.ancestors[1][0] == holder
            if holding and name == entry:
                assert self.parser is not None
                if declared:
                    self._check(declared)
                self.entry_start = self.parser.CurrentByteIndex
                self.entry_context = repr(self.ancestors)
                self.inner = 1
                return
            if name.rpartition(" ")[2] in _ENTRY_NAMES:
                raise _Uncertain
            if not (holder is not None and depth == 1 and name == holder):
                # Channel-level elements are kept whole; only their names are checked.
                self.entry_start = -1
                self.inner = 1
                return
        self.ancestors.append((name, tuple(attributes), declared))

    def _check(self, declared: tuple[tuple[str | None, str], ...]) -> None:
        # feedparser keeps a prefix's meaning once declared, for the rest of the
        # document: an entry binding a prefix anew could change how later
        # entries read, so leaving it out would change them too.
        bound = {p: u for _, _, decls in self.ancestors for p, u in decls}
        if any(prefix is not None and bound.get(prefix) != uri for prefix, uri in declared):
            raise _Uncertain

    def end(self, name: str) -> None:
        if not self.inner:
            self.ancestors.pop()
            return
        self.inner -= 1
        if self.inner or self.entry_start < 0:
            return
        assert self.parser is not None
        start, here = self.entry_start, self.parser.CurrentByteIndex
        self.entry_start = -1
        tag = _START_TAG.match(self.data, start)
        if tag is None:
            raise _Uncertain
        if tag.group(1):  # <item/>
            end = tag.end()
        elif self.data.startswith(b"</", here):
            end = self.data.index(b">", here) + 1
        else:
            raise _Uncertain
        self.spans.append(EntrySpan(start, end, self.entry_context))
