"""Text from feeds made fit for a digest: one clean line, and a short summary cut at a sentence end."""

from __future__ import annotations

import re

# Bidirectional overrides and isolates can make a title read differently from what it says;
# line and paragraph separators break lines where every format expects one line.
_INVISIBLE = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")  # no-break spaces kept: French colons, digit groups
# Unicode's control characters (category Cc) and the line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|[。！？]+[」』”’）]*")
# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est",
    "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mt", "ft", "ave", "blvd",
})


def clean_text(text: str | None) -> str:
    """One line of visible text: control characters gone, whitespace runs made one space."""
    if not text:
        return ""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text.translate(_INVISIBLE))).strip()


def sentence_ends(text: str, limit: int | None = None) -> list[int]:
    """Offsets just past each sentence end in `text` (up to `limit`), by punctuation and what follows."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if limit is not None and end > limit:
            break
        if match.group()[0] in ".!?…":
            rest = text[end:].lstrip()
            if rest and (rest[0].islower() or _is_abbreviation(text, match.start())):
                continue
        ends.append(end)
    return ends


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = text[:dot].rsplit(maxsplit=1)[-1] if text[:dot].strip() else ""
    word = word.lstrip("\"'“‘([")
    # Initials ("J. Smith") and dotted forms ("U.S.") end in a dot without ending a sentence.
    return len(word) == 1 or "." in word or word.casefold() in _ABBREVIATIONS


def cut_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when there is one, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:–—-") + "…"


def summarize(text: str, *, title: str = "", limit: int = 280, sentences: int = 2) -> str:
    """The first one or two sentences of `text`, never longer than `limit` characters.

    Many feeds open the summary with the headline again; that repetition is dropped.
    """
    heading = clean_text(title)
    # Only the opening of a long text can end up in the summary.
    body = clean_text(text[: 4 * limit + len(title or "")])
    if heading and body.casefold().startswith(heading.casefold()):
        body = body[len(heading) :].lstrip(" .:–—-|")
    if not body:
        return ""
    ends = sentence_ends(body, limit)
    if not ends:
        return cut_words(body, limit)
    # A second sentence only when the first is short: a summary, not the article.
    chosen = ends[0]
    if sentences > 1 and len(ends) > 1 and chosen < limit // 2:
        chosen = ends[1]
    return body[:chosen].strip()
