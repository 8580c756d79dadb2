"""Untrusted feed input made harmless: HTML made inert or plain, XML made entity-free.

Feed markup is untrusted. What survives is structure and links: no scripts,
styles, forms, frames, SVG/MathML, event handlers or images (the reader loads
nothing remote, so images would only ever be tracking pixels or broken boxes).
Links keep http, https and mailto only and are resolved against the item URL.
Feed XML loses its entity declarations before any parser sees it.
"""

from __future__ import annotations

import html
import html.entities
import re
from typing import Any

import nh3

from monitor.normalize import clean_text, web_url

_BLOCK_TAGS = frozenset(
    {
        "p", "br", "div", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "caption", "figure", "figcaption",
    }
)  # fmt: skip
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "i", "q", "s", "small", "strong", "sub", "sup", "u"}
)
ALLOWED_TAGS = _BLOCK_TAGS | _INLINE_TAGS
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed together with everything inside them: their content is code, a
# vector or a fallback that means nothing as text.
_DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "svg", "math", "iframe", "frame", "frameset", "noframes",
        "object", "embed", "applet", "noscript", "noembed", "template", "textarea",
        "select", "head", "title",
    }
)  # fmt: skip
_TAG = re.compile(r"<[^>]*>")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Elements that never nest: void ones, and ones the next sibling closes.
_FLAT = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
    }
)  # fmt: skip
# html5ever walks the stack of open elements for many start tags, so markup
# nested thousands deep costs quadratic time (100,000 <div>s: 20 s).
# No real article nests this deep; such markup is shown as text instead.
MAX_DEPTH = 256


def sanitize_html(markup: str, base_url: str | None = None) -> str:
    """Inert HTML for `markup`, relative links resolved against `base_url`."""
    if _too_deep(markup):
        return plain_to_html(_crude_text(markup))
    markup = clean_text(markup)
    # Most markup has no relative link, and then the base changes nothing:
    # a cleaner built once does the work (building one costs more than
    # cleaning a summary). It marks any relative link it keeps, so that such
    # markup is cleaned again against the base.
    cleaned = _MARKING_RELATIVE.clean(markup)
    if _RELATIVE_MARK not in cleaned:
        return cleaned
    base = web_url(base_url)
    if base:
        try:
            return _clean(markup, ("rewrite_with_base", base))
        except ValueError:
            pass  # a base Python accepts but nh3 does not (bad port, IDNA, IPv4)
    return _DENYING_RELATIVE.clean(markup)


def _clean(markup: str, relative: str | tuple[str, str]) -> str:
    return nh3.clean(markup, url_relative=relative, **_SANITIZE_OPTIONS)


_SANITIZE_OPTIONS: dict[str, Any] = {
    "tags": set(ALLOWED_TAGS),
    "clean_content_tags": set(_DROPPED_WITH_CONTENT),
    "attributes": {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    "url_schemes": set(URL_SCHEMES),
    "link_rel": "noopener noreferrer",
    "strip_comments": True,
}
# Noncharacters around it: markup that holds this text anyway is only cleaned twice.
_RELATIVE_MARK = "\ufdd0relative link\ufdd0"


def _mark_relative(url: str) -> str:
    return _RELATIVE_MARK


# Only relative links set these apart from `_clean`: absolute ones are checked
# against the schemes and kept as written whatever `url_relative` says (a
# behaviour of nh3 that tests/unit/test_sanitize_relative_links.py holds it to).
_MARKING_RELATIVE = nh3.Cleaner(url_relative=_mark_relative, **_SANITIZE_OPTIONS)
_DENYING_RELATIVE = nh3.Cleaner(url_relative="deny", **_SANITIZE_OPTIONS)
_SKELETON = nh3.Cleaner(
    tags=set(_BLOCK_TAGS),
    clean_content_tags=set(_DROPPED_WITH_CONTENT),
    attributes={},
    link_rel=None,
    strip_comments=True,
)


def html_to_text(markup: str) -> str:
    """Readable plain text of `markup`: tags gone, entities decoded, blocks on new lines."""
    if _too_deep(markup):
        return _lines(_crude_text(markup))
    # Keep only attribute-free block tags, so that a simple pattern finds every tag.
    skeleton = _SKELETON.clean(clean_text(markup))
    return _lines(html.unescape(_TAG.sub("\n", skeleton)))


def clean_html_to_text(markup: str) -> str:
    """`html_to_text` for markup that `sanitize_html` or `plain_to_html` made.

    Such markup is already parsed and re-written: every "<" in it opens a tag or
    a close tag (text and comments are gone or escaped), and attribute values are
    double-quoted, so a pattern finds every tag and a second clean would only
    repeat the first.
    """
    return _lines(html.unescape(_CLEAN_TAG.sub(_tag_as_text, markup)))


# A tag runs to the first ">" outside double quotes. Written as an unrolled
# loop, which the regex engine runs faster than a repeated alternation.
_CLEAN_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>"]*(?:"[^"]*"[^>"]*)*>')
_TAG_TEXT = {name: "\n" for name in _BLOCK_TAGS} | {name: "" for name in _INLINE_TAGS}


def _tag_as_text(match: re.Match[str]) -> str:
    name = match[2]
    text = _TAG_TEXT.get(name)
    if text is None:  # a name of another case, or one no sanitiser lets through
        text = "\n" if name.lower() in _BLOCK_TAGS else ""
    return text


def _lines(text: str) -> str:
    text = clean_text(text)
    # What one pattern for runs of [ \t\u00a0] does, in a few C-level passes.
    if "\t" in text or "\u00a0" in text:
        text = text.replace("\t", " ").replace("\u00a0", " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return "\n".join(filter(None, map(str.strip, text.split("\n"))))


_SPACE_RUN = re.compile(" {2,}")


def _too_deep(markup: str) -> bool:
    # Each level needs a start tag, and each start tag a "<".
    if markup.count("<") <= MAX_DEPTH:
        return False
    # An upper bound on the parser's stack: a close tag only pops its own name.
    open_counts: dict[str, int] = {}
    depth = 0
    for match in _TAG_NAME.finditer(markup):
        name = match.group(2).lower()
        if name in _FLAT:
            continue
        count = open_counts.get(name, 0)
        if match.group(1):
            if count:
                open_counts[name] = count - 1
                depth -= 1
        else:
            open_counts[name] = count + 1
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


def _crude_text(markup: str) -> str:
    # Only ever escaped afterwards, so a rough cut at tags is safe here.
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def plain_to_html(text: str) -> str:
    """Escaped HTML showing plain `text` as written, line breaks kept."""
    return html.escape(clean_text(text)).replace("\n", "<br>")


_CONTROL_BYTES = bytes(range(32)).translate(None, b"\t\n\r")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# A "&" that starts no reference, or the opening of a section that may hold one as it is
# (CDATA, a comment, a processing instruction). An HTML entity name without its ";" (`&nbsp `)
# is not escaped: feedparser's lenient parser decodes it, so escaping it would change the text.
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)([A-Za-z][A-Za-z0-9]*)?")
_AMPERSAND_OR_SECTION = re.compile(_BARE_AMPERSAND.pattern + rb"|<!\[CDATA\[|<!--|<\?")
_SECTION_END = {b"<![CDATA[": b"]]>", b"<!--": b"-->", b"<?": b"?>"}
_LEGACY_ENTITIES = frozenset(name.encode() for name in html.entities.html5 if not name.endswith(";"))
_DOCTYPE = b"<!DOCTYPE"
_ENTITY = b"<!ENTITY"
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_:]")
_HEAD_STOP = re.compile(rb"""[\[>"']""")
_SUBSET_STOP = re.compile(rb"""[\]"']|<!--|<\?""")
_CLOSERS = {b'"': b'"', b"'": b"'", b"<!--": b"-->", b"<?": b"?>"}
_DECLARATION_END = re.compile(rb"\s*>")


def safe_xml(data: bytes) -> tuple[bytes, bool]:
    """UTF-8 XML made safe to hand to feedparser; also says whether it declared entities.

    Characters XML forbids are removed, raw or as references (feedparser's
    lenient parser crashes on a reference to a surrogate), and entity
    declarations are neutralised (see `neutralise_dtd`).
    """
    data = data.translate(None, _CONTROL_BYTES)
    if b"&#" in data:
        data = _CHAR_REF.sub(_valid_char_ref, data)
    return neutralise_dtd(data)


def _valid_char_ref(match: re.Match[bytes]) -> bytes:
    hexadecimal, decimal = match.groups()
    if len(hexadecimal or decimal) > 8:
        return b""  # far past U+10FFFF (and past what int() will read)
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match.group() if allowed and code not in (0xFFFE, 0xFFFF) else b""


def escape_bare_ampersands(data: bytes) -> tuple[bytes, int]:
    """`data` (ASCII-compatible XML) with each "&" that starts no reference written `&amp;`,
    and how many there were.

    A bare "&" (most often in a URL's query) is enough to make a whole feed not
    well-formed, so that feedparser reads all of it with its lenient parser, which reads
    such an "&" as text: escaped, the feed reads the same on the strict parser, faster
    and cut into entries (so that a later poll skips the ones already stored).
    """
    if _BARE_AMPERSAND.search(data) is None:
        return data, 0
    pieces, count, at = [], 0, 0
    while (found := _AMPERSAND_OR_SECTION.search(data, at)) is not None:
        start, end = found.span()
        closer = _SECTION_END.get(found.group())
        if closer is not None:
            # One search for its end, so that unclosed sections cost linear time.
            end = data.find(closer, end)
            if end < 0:
                break  # the rest is inside it (and the document not well-formed anyway)
            end += len(closer)
        elif found[1] not in _LEGACY_ENTITIES:
            pieces += (data[at:start], b"&amp;")
            at, count = start + 1, count + 1
        pieces.append(data[at:end])
        at = end
    if not count:
        return data, 0
    pieces.append(data[at:])
    return b"".join(pieces), count


def neutralise_dtd(data: bytes) -> tuple[bytes, bool]:
    """`data` (ASCII-compatible XML) with no entity declarations left in it.

    The internal DTD subset of the prolog's DOCTYPE is removed (its external
    identifier stays, so RSS 0.91 is still recognised), and any other
    `<!ENTITY` is escaped into text. Entity declarations are what billion
    laughs, quadratic blow-up and XXE are made of; feeds use them only to
    spell HTML entities, which the lenient parser decodes without them.
    Returns the data and whether it declared entities. Runs in linear time.
    """
    declared = _ENTITY in data
    data = _drop_internal_subset(data)
    # Cutting the subset out adds only a ">", so it cannot make a declaration.
    if declared and _ENTITY in data:
        data = data.replace(_ENTITY, b"&lt;!ENTITY")
    return data, declared


def _drop_internal_subset(data: bytes) -> bytes:
    # Only a DOCTYPE before the first element counts; the element is near the
    # top, so this reads the prolog rather than the whole document.
    element = _FIRST_ELEMENT.search(data)
    start = data.find(_DOCTYPE, 0, element.start() if element else len(data))
    if start == -1:
        return data
    opening = _subset_start(data, start + len(_DOCTYPE))
    if opening is None:
        return data
    end = _subset_end(data, opening + 1)
    closing = _DECLARATION_END.match(data, end)
    return data[:opening].rstrip() + b">" + data[closing.end() if closing else end :]


def _subset_start(data: bytes, pos: int) -> int | None:
    # The '[' opening the subset, unless the declaration ends (or breaks off) first.
    while match := _HEAD_STOP.search(data, pos):
        char = match.group()
        if char == b"[":
            return match.start()
        if char == b">":
            return None
        pos = data.find(char, match.end()) + 1
        if pos == 0:
            return None
    return None


def _subset_end(data: bytes, pos: int) -> int:
    # Just past the ']' closing the subset, skipping literals, comments and
    # processing instructions; an unclosed subset runs to the end.
    while match := _SUBSET_STOP.search(data, pos):
        token = match.group()
        if token == b"]":
            return match.end()
        closer = _CLOSERS[token]
        found = data.find(closer, match.end())
        if found == -1:
            return len(data)
        pos = found + len(closer)
    return len(data)
