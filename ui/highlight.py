"""Which parts of an article to highlight, and why: the tagger's matches and the search words.

Tags carry (field, start, end) offsets into the title or the plain text. The title is
drawn from those offsets directly; the summary is shown as sanitised HTML whose text
is not the stored plain text character for character, so the matched strings are
looked up in the rendered document instead (see ArticleView).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from db.records import Match, Tag
from ui.i18n import translate


def merged_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to [0, length], sorted, overlapping or touching ones merged."""
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s))
    out: list[tuple[int, int]] = []
    for start, end in clipped:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def marked_html(text: str, spans: Iterable[tuple[int, int]], style: str) -> str:
    """`text` escaped for HTML with each span wrapped in a styled <span>."""
    parts: list[str] = []
    position = 0
    for start, end in merged_spans(spans, len(text)):
        parts.append(html.escape(text[position:start]))
        parts.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def field_spans(tags: Sequence[Tag], field: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for tag in tags for m in tag.matches if m.field == field]


def matched_strings(text: str, matches: Iterable[Match]) -> list[str]:
    """The distinct strings the tagger matched in `text` (the summary's plain text), longest first."""
    found = {
        text[m.start : m.end].strip()
        for m in matches
        if m.field == "summary" and 0 <= m.start < m.end <= len(text)
    }
    return sorted((s for s in found if s), key=lambda s: (-len(s), s))


def reason(tag: Tag, title: str, text: str) -> str:
    """Why an item carries a tag, in words: the distinct terms that matched, as found."""
    if tag.source == "manual":
        return translate("Highlight", "tagged by hand")
    seen: list[str] = []
    for m in tag.matches:
        source = title if m.field == "title" else text
        found = source[m.start : m.end] if 0 <= m.start < m.end <= len(source) else m.term
        if found.lower() not in (s.lower() for s in seen):
            seen.append(found)
    return (
        ", ".join(seen[:8]) + (" …" if len(seen) > 8 else "")
        if seen
        else translate("Highlight", "matched the rules")
    )
