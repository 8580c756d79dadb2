"""Making feed text inert in each output: links, Markdown and spreadsheet cells.

HTML needs nothing here: the templates autoescape. Everything else a feed wrote is
treated as plain text that must come out as plain text.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

from monitor.terminal import BIDI_CONTROLS

# Everything Markdown (CommonMark, GFM) gives a meaning to inside a line; ( ) and ! only
# mean something next to [ ], which are escaped, and & only when it starts an entity.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~])|&(?=#?\w+;)")
# ...and at the start of a line: headings, quotes, list markers, setext underlines.
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
# Spreadsheets read a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters a URL may keep as they are inside a Markdown link destination.
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link to a host, else None: anything else stays text."""
    if not url:
        return None
    # Bidirectional controls make a link read as another address ("https://x.example/\u202egpj.exe").
    url = BIDI_CONTROLS.sub("", url).strip()
    if any(ord(ch) < 0x21 or ch in '"<>\\`' for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def md_text(text: str, *, line_start: bool = False) -> str:
    """Text that a Markdown renderer shows as exactly that text."""
    escaped = _MD_INLINE.sub(lambda m: "\\" + m.group(), text)
    if line_start:
        escaped = _MD_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), escaped)
    return escaped


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def md_url(url: str) -> str:
    """A link destination that cannot close the link early: parentheses and spaces percent-encoded."""
    return quote(url, safe=_URL_SAFE)


def md_link(text: str, url: str | None) -> str:
    """`[text](url)` for an http(s) link; the escaped text alone for anything else."""
    label = md_text(text) or md_text(url or "")
    link = safe_url(url)
    return f"[{label}]({md_url(link)})" if link else label


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs: formula starters get a leading quote.

    The starter is looked for past spaces and invisible characters (U+200B, U+FEFF, ...),
    and in its compatibility form, since spreadsheets read a full-width "＝" as "=".
    """
    text = "" if value is None else str(value)
    first = _first_visible(text)
    if first and unicodedata.normalize("NFKC", first).startswith(_FORMULA_START):
        return "'" + text
    return text


def _first_visible(text: str) -> str:
    for ch in text:
        if ch in _FORMULA_START:  # tab and line breaks start formulas themselves
            return ch
        if not (ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs")):
            return ch
    return ""
