"""Finding rule terms in headline text: case and accents folded, offsets kept to the original.

Text is folded (lower case, accents and compatibility forms removed) and cut into
words once; every term is then found by dictionary look-ups on those words, so the
cost per item does not grow with the number of terms and overlapping terms of
different rules are all found. Scripts written without spaces (Chinese, Japanese)
are matched as plain substrings instead.

Term syntax (after folding; see `parse_term`):
  words separated by spaces    adjacent words, separated by spaces, dashes or line breaks
  `-` between words            a hyphen, a dash, a space or nothing ("anti-dumping")
  `'` between words            any apostrophe ("droits de l'homme")
  `.` between letters          an abbreviation ("u.s.", "b.c.")
  `*` ending a word            that word and every word it begins ("tariff*")
  `=` before a single word     exact case and accents ("=US" is not "us")
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count, filterfalse
from typing import NamedTuple

from monitor.messages import message

# Scripts written without spaces between words: terms in them match anywhere.
_NO_SPACE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_NO_SPACE_RE = re.compile(f"[{_NO_SPACE}]")
# A word: a run of letters and digits; text without spaces counts two characters a word.
_WORD_RE = re.compile(f"[{_NO_SPACE}]{{1,2}}|[^\\W_{_NO_SPACE}]+")
# What separates words in text without those scripts (the complement of _WORD_RE there).
_NOT_WORD_RE = re.compile(r"[\W_]")
# bytes.translate() table: ASCII letters and digits kept, every other byte a space.
_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_APOSTROPHES = "'\u2018\u2019\u02bc\u0060\u00b4\u2032"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_CLASS = "".join(re.escape(c) for c in _DASHES)
_SPACE_GAP_RE = re.compile(f"[\\s{_DASH_CLASS}]+")
_HYPHEN_GAP_RE = re.compile(f"\\s*[{_DASH_CLASS}]?\\s*")
_APOSTROPHE_GAP_RE = re.compile(f"\\s*[{re.escape(_APOSTROPHES)}]\\s*")
_DOT_GAP_RE = re.compile(r"\.\s?")
_TOKEN_CACHE_LIMIT = 200_000
_TOKEN_CACHE_MAX_WORD = 40  # longer "words" are rare and, in hostile text, huge
# Scores count each term once, so later repeats only explain; past this many they cost.
_MAX_HITS_PER_TERM = 20


class TermError(ValueError):
    """A term that cannot be matched as written."""


# --- folding -----------------------------------------------------------------------------


# Ligatures that compatibility decomposition keeps whole, folded as they are spelt out
# ("bœuf" is "boeuf", "Cæsar" is "caesar").
_LIGATURES = {"œ": "oe", "æ": "ae"}


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if len(base) > 1 and not any(c.isalnum() for c in base):
        # "…" → "..." would shift offsets for nothing: punctuation only separates words.
        return ch
    folded = base.lower()
    return _LIGATURES.get(folded, folded)


class _FoldTable(dict):
    """A str.translate table that learns each character the first time it is seen.

    Characters that fold to more or less than one character ("ﬁ", a lone combining
    accent) are remembered, so text without them can skip building an offset map.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self.irregular_re: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(ch)
        if len(folded) != 1:
            with self._lock:  # taggers on several threads share this table
                self.irregular.add(ch)
                chars = "".join(re.escape(c) for c in sorted(self.irregular))
                self.irregular_re = re.compile(f"[{chars}]")
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_ASCII_BYTES = bytes(range(128))
# Text with more non-ASCII than this (UTF-8 bytes) is folded and cut into words by the
# general means: the shortcuts (see fold, _spaced) look at each distinct such character.
_MAX_SPARSE_BYTES = 4_000
# Folding by replacement (see fold) makes a pass per character replaced: past this
# many, one translate() pass costs less.
_MAX_REPLACED = 12


class Folded(NamedTuple):  # a tuple: one is built for every field of every item
    """Folded text, and where each of its characters came from in the original."""

    text: str
    starts: tuple[int, ...] | None = None  # None: folding kept every offset
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """Lower case, accents and compatibility forms removed (é→e, ＣＡ→ca)."""
    if text.isascii():
        return Folded(text.lower())
    changes = _changes(text)
    if changes is not None:
        if any(len(piece) != 1 for piece in changes.values()):
            return _fold_with_offsets(text)
        # bytes.lower() lowers ASCII letters only; each other character that folds is
        # then replaced in one pass of its own, cheaper than translate()'s look-up of
        # every character when, as in most text, few distinct ones change
        folded = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
        for ch, piece in changes.items():
            folded = folded.replace(ch, piece)
        return Folded(folded)
    folded = text.translate(_TABLE)
    irregular = _TABLE.irregular_re
    if irregular is None or irregular.search(text) is None:
        return Folded(folded)
    return _fold_with_offsets(text)


def _changes(text: str) -> dict[str, str] | None:
    """What each distinct non-ASCII character of `text` that folds to something else folds
    to, or None when replacing them one after the other would cost more than translate()
    or give another result (a replacement bringing in a character replaced later)."""
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    if len(others) > _MAX_SPARSE_BYTES:
        return None
    changes: dict[str, str] = {}
    for ch in set(others.decode("utf-8", "surrogatepass")):
        piece = _TABLE[ord(ch)]
        if piece != ch:
            if len(changes) == _MAX_REPLACED:
                return None
            changes[ch] = piece
    if any(c in changes for piece in changes.values() for c in piece):
        return None
    return changes


def _fold_with_offsets(text: str) -> Folded:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, ch in enumerate(text):
        piece = _TABLE[ord(ch)]
        if piece:
            parts.append(piece)
            starts.extend([index] * len(piece))
            ends.extend([index + 1] * len(piece))
        elif ends:
            ends[-1] = index + 1  # a dropped accent belongs to the letter before it
    starts.append(len(text))  # lets an empty span at the very end map too
    return Folded("".join(parts), tuple(starts), tuple(ends))


def fold_term(text: str) -> str:
    return fold(text).text


# --- terms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One way of writing a term as words: each word exact or a prefix, and the gaps."""

    term_id: int
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    gaps: tuple[re.Pattern[str], ...]
    exact: str | None = None  # the original spelling, when case and accents must match


@dataclass(frozen=True)
class ParsedTerm:
    patterns: tuple[Pattern, ...]
    substring: str | None = None  # folded text matched anywhere (no-space scripts)


def parse_term(raw: str, term_id: int = 0) -> ParsedTerm:
    """Parse one rule term; TermError says what is wrong with it."""
    if not isinstance(raw, str):
        raise TermError(message("term_not_text", kind=type(raw).__name__))
    parsed = _parsed(raw)
    if not parsed.patterns:  # a substring term carries no id
        return parsed
    return ParsedTerm(tuple(replace(p, term_id=term_id) for p in parsed.patterns), parsed.substring)


# What _parsed numbers its patterns with; parse_term gives them the caller's number.
_CACHED_ID = -1


# Rules are read several times a run (checked, then compiled for the tagger and for the
# stories), and the same names recur across groups: a term is parsed once (about 11 µs).
@lru_cache(maxsize=32768)
def _parsed(raw: str) -> ParsedTerm:
    term_id = _CACHED_ID
    text = raw.strip()
    exact = text.startswith("=")
    if exact:
        text = text[1:].strip()
    if not text:
        raise TermError(message("term_empty"))
    folded = fold_term(text)
    if _NO_SPACE_RE.search(folded):
        if "*" in folded:
            raise TermError(message("term_star_anywhere", term=repr(raw)))
        return ParsedTerm(patterns=(), substring=folded)
    words, prefix, gaps = _split_words(folded, raw)
    if exact and (len(words) != 1 or prefix[0]):
        raise TermError(message("term_equals", term=repr(raw)))
    patterns = [Pattern(term_id, words, prefix, tuple(_gap_re(g) for g in gaps),
                        text if exact else None)]
    if any(g == "-" for g in gaps):
        patterns.append(_joined(term_id, words, prefix, gaps))
    return ParsedTerm(patterns=tuple(patterns))


def _split_words(folded: str, raw: str) -> tuple[tuple[str, ...], tuple[bool, ...], list[str]]:
    spans = [m.span() for m in _WORD_RE.finditer(folded)]
    if not spans:
        raise TermError(message("term_no_letters", term=repr(raw)))
    words: list[str] = []
    prefix: list[bool] = []
    gaps: list[str] = []
    for index, (start, end) in enumerate(spans):
        after_end = spans[index + 1][0] if index + 1 < len(spans) else len(folded)
        after = folded[end:after_end]
        star = after.startswith("*")
        rest = after[1:] if star else after
        if "*" in rest or (star and index + 1 < len(spans) and not rest):
            raise TermError(message("term_star_end", term=repr(raw)))
        if star and end - start < 2:
            raise TermError(message("term_star_short", term=repr(raw)))
        words.append(folded[start:end])
        prefix.append(star)
        if index + 1 < len(spans):
            gaps.append(_gap_kind(rest))
    if "*" in folded[: spans[0][0]]:
        raise TermError(message("term_star_end", term=repr(raw)))
    return tuple(words), tuple(prefix), gaps


def _gap_kind(between: str) -> str:
    mark = between.strip()
    if not mark:
        return " "
    if all(c in _DASHES for c in mark):
        return "-"
    if all(c in _APOSTROPHES for c in mark):
        return "'"
    if mark == ".":
        return "."
    return mark


def _gap_re(kind: str) -> re.Pattern[str]:
    if kind == " ":
        return _SPACE_GAP_RE
    if kind == "-":
        return _HYPHEN_GAP_RE
    if kind == "'":
        return _APOSTROPHE_GAP_RE
    if kind == ".":
        return _DOT_GAP_RE
    return re.compile(rf"\s*{re.escape(kind)}\s*")


def _joined(term_id: int, words: tuple[str, ...], prefix: tuple[bool, ...],
            gaps: list[str]) -> Pattern:
    """"anti-dumping" written as one word: "antidumping"."""
    out_words = [words[0]]
    out_prefix = [prefix[0]]
    out_gaps: list[re.Pattern[str]] = []
    for word, pre, gap in zip(words[1:], prefix[1:], gaps, strict=True):
        if gap == "-" and not out_prefix[-1]:
            out_words[-1] += word
            out_prefix[-1] = pre
        else:
            out_words.append(word)
            out_prefix.append(pre)
            out_gaps.append(_gap_re(gap))
    return Pattern(term_id, tuple(out_words), tuple(out_prefix), tuple(out_gaps))


# --- matching ----------------------------------------------------------------------------

# A hit: (term id, start, end, first word index, last word index); offsets into folded text.
Hit = tuple[int, int, int, int, int]


# Patterns that can start at a word: one-word ones (as term id and exact spelling),
# longer ones by their second word, and longer ones whose second word is a prefix;
# () when none can.
_Entry = tuple[()] | tuple[
    tuple[tuple[int, str | None], ...], dict[str, tuple[Pattern, ...]], tuple[Pattern, ...]
]


class ScannedText(NamedTuple):  # a tuple, as Folded
    folded: Folded
    hits: tuple[Hit, ...]


class TermMatcher:
    """All terms of a rule set, compiled into word indexes; finds every hit in one pass."""

    def __init__(self, terms: Iterable[str]) -> None:
        """Terms are numbered in the order given; TermError names the first bad one."""
        self.terms: list[str] = []
        self._exact: dict[str, list[Pattern]] = {}
        self._stems: dict[str, list[Pattern]] = {}
        self._substrings: list[tuple[str, int]] = []
        for term_id, raw in enumerate(terms):
            self.terms.append(raw)
            parsed = parse_term(raw, term_id)
            if parsed.substring is not None:
                self._substrings.append((parsed.substring, term_id))
            for pattern in parsed.patterns:
                index = self._stems if pattern.prefix[0] else self._exact
                index.setdefault(pattern.words[0], []).append(pattern)
        self._stem_lengths = sorted({len(stem) for stem in self._stems})
        # each word seen (up to a length and a number): the patterns that can start at it
        self._known: dict[str, _Entry] = {}
        by_first_char: dict[str, list[tuple[str, int]]] = {}
        for needle, term_id in self._substrings:
            by_first_char.setdefault(needle[0], []).append((needle, term_id))
        # the needles that can start where two given characters are, in term order: text
        # in those scripts has few distinct pairs, and most needles share a first character
        self._by_two_chars: dict[str, tuple[tuple[str, int], ...]] = {}
        self._by_one_char: dict[str, tuple[tuple[str, int], ...]] = {}
        for char, listed in by_first_char.items():
            self._by_one_char[char] = tuple(item for item in listed if len(item[0]) == 1)
            for pair in {needle[:2] for needle, _ in listed if len(needle) > 1}:
                self._by_two_chars[pair] = tuple(
                    item for item in listed if len(item[0]) == 1 or item[0].startswith(pair)
                )
        chars = "".join(re.escape(c) for c in sorted(by_first_char))
        self._first_chars = re.compile(f"[{chars}]" if chars else "(?!)")

    def scan(self, text: str) -> ScannedText:
        folded = fold(text)
        source = folded.text
        spaced = _spaced(source)
        starts: list[int] | None = None  # where each word starts, when found by _WORD_RE
        if spaced is not None:
            words = spaced.split()
        else:
            words = _WORD_RE.findall(source)
            starts = [m.start() for m in _WORD_RE.finditer(source)]
        hits = self._word_hits(text, folded, words, spaced, starts, self._entries(words))
        if starts is not None and self._substrings:
            hits.extend(self._substring_hits(source, starts))
        if len(hits) > _MAX_HITS_PER_TERM:
            hits = _first_hits_of_each_term(hits)
        return ScannedText(folded, tuple(hits))

    def _entries(self, words: list[str]) -> list[_Entry | None]:
        """The entry of each word: the patterns that can start at it, () when none can.

        Words are looked up in C (map): most words of an item start no term and were
        seen before, and a Python loop over every word was most of the cost.
        """
        entries = self._known  # this one throughout, though another scan may replace it
        try:
            return list(map(entries.__getitem__, words))
        except KeyError:  # words never seen (or not kept)
            pass
        unkept = self._learn(set(filterfalse(entries.__contains__, words)), entries)
        looked = list(map(entries.get, words))
        if unkept:  # a word too long to keep, or a full index: for this text only
            looked = [entry or unkept.get(word) for word, entry in zip(words, looked, strict=True)]
        return looked

    def _learn(self, words: Iterable[str], entries: dict[str, _Entry]) -> dict[str, _Entry]:
        """Enter words seen for the first time; those not kept that some pattern can start at."""
        unkept: dict[str, _Entry] = {}
        for word in words:
            entry = self._entry(word)
            if len(word) <= _TOKEN_CACHE_MAX_WORD and len(entries) < _TOKEN_CACHE_LIMIT:
                entries[word] = entry
            elif entry:
                unkept[word] = entry
        if len(entries) >= _TOKEN_CACHE_LIMIT:
            # hostile text with endless new words must not grow memory; replaced, not
            # cleared, so that a scan running on another thread keeps what it looked up
            self._known = {}
        return unkept

    def _word_hits(self, text: str, folded: Folded, words: list[str], spaced: str | None,
                   starts: list[int] | None, looked: list[_Entry | None]) -> list[Hit]:
        """The hits of word patterns, in the order of the words they start at.

        In spaced text (see _spaced) a word is located only when some pattern matches
        at it, by finding it whole after the last word located: a regex pass over
        every word, and a match object for each, cost several times more. Copies of
        the word in between can only be words passed over here, having its entry.
        """
        hits: list[Hit] = []
        last_index = len(words) - 1
        padded = ""  # f" {spaced} ", where " word " finds a word whole, at either end too
        cursor = 0  # where in padded to look for the next word to locate
        passed: list[str] = []  # the words passed over since the last one located
        for index in compress(count(), looked):  # the words some pattern can start at
            word = words[index]
            singles, by_next, next_stems = looked[index]
            longer: tuple[Pattern, ...] = ()
            if index < last_index and (by_next or next_stems):
                following = words[index + 1]
                longer = by_next.get(following, ())
                if next_stems:
                    longer = (*longer, *(p for p in next_stems if following.startswith(p.words[1])))
            if not singles and not longer:
                passed.append(word)
                continue  # the usual case for "a", "in", "on": no term goes on that way
            if starts is not None:
                start = starts[index]
            else:
                if not padded:
                    padded = f" {spaced} "
                needle = f" {word} "
                start = padded.find(needle, cursor)  # the space before it: where it is in spaced
                if passed:
                    for _ in range(passed.count(word)):  # the same word, earlier
                        start = padded.find(needle, start + len(word) + 1)
                    passed.clear()
                cursor = start + len(word) + 1
            end = start + len(word)
            for term_id, exact in singles:
                if exact is None or self._same_spelling(exact, text, folded, start, end):
                    hits.append((term_id, start, end, index, index))
            for pattern in longer:
                last_end = self._match_rest(pattern, words, spaced, starts, folded.text, index, end)
                if last_end >= 0:
                    hits.append(
                        (pattern.term_id, start, last_end, index, index + len(pattern.words) - 1)
                    )
        return hits

    def _entry(self, word: str) -> _Entry:
        """The patterns that can start at this word, split by length for a quick check."""
        found = list(self._exact.get(word, ()))
        for length in self._stem_lengths:
            if length > len(word):
                break
            found.extend(self._stems.get(word[:length], ()))
        entry: _Entry = ()
        if found:
            singles = tuple((p.term_id, p.exact) for p in found if len(p.words) == 1)
            by_next: dict[str, tuple[Pattern, ...]] = {}
            for p in found:
                if len(p.words) > 1 and not p.prefix[1]:
                    by_next[p.words[1]] = (*by_next.get(p.words[1], ()), p)
            next_stems = tuple(p for p in found if len(p.words) > 1 and p.prefix[1])
            entry = (singles, by_next, next_stems)
        return entry

    @staticmethod
    def _match_rest(pattern: Pattern, words: list[str], spaced: str | None,
                    starts: list[int] | None, source: str, index: int, end: int) -> int:
        """Where a match starting at word `index`, which ends at `end`, ends; or -1."""
        wanted_words = pattern.words
        if index + len(wanted_words) > len(words):
            return -1
        for offset in range(1, len(wanted_words)):
            word = words[index + offset]
            wanted = wanted_words[offset]
            if pattern.prefix[offset]:
                if not word.startswith(wanted):
                    return -1
            elif word != wanted:
                return -1
        for offset in range(1, len(wanted_words)):  # the words fit: now the gaps between them
            position = index + offset
            start = (
                spaced.find(words[position], end)  # only spaces lie between the two words
                if spaced is not None
                else starts[position]
            )
            if pattern.gaps[offset - 1].fullmatch(source, end, start) is None:
                return -1
            end = start + len(words[position])
        return end

    @staticmethod
    def _same_spelling(spelling: str, text: str, folded: Folded, start: int, end: int) -> bool:
        o_start, o_end = folded.original_span(start, end)
        return text[o_start:o_end] == spelling

    def _substring_hits(self, source: str, starts: list[int]) -> list[Hit]:
        hits: list[Hit] = []
        for found in self._first_chars.finditer(source):
            at = found.start()
            needles = self._by_two_chars.get(source[at : at + 2])
            if needles is None:
                needles = self._by_one_char[found.group()]
            for needle, term_id in needles:
                if source.startswith(needle, at):
                    end = at + len(needle)
                    first = max(bisect_right(starts, at) - 1, 0)
                    last = max(bisect_right(starts, end - 1) - 1, first)
                    hits.append((term_id, at, end, first, last))
        return hits


def _spaced(source: str) -> str | None:
    """Folded text with every character that is not part of a word a space, so that
    str.split() gives the words _WORD_RE finds, at the same offsets; None for text in
    a script written without spaces, where two characters count as a word."""
    if source.isascii():
        return _ascii_spaced(source)
    others = source.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    if len(others) <= _MAX_SPARSE_BYTES:
        chars = set(others.decode("utf-8", "surrogatepass"))
        if any(_NO_SPACE_RE.match(ch) for ch in chars):
            return None
        if not any(ch.isalnum() for ch in chars):
            return _ascii_spaced(source)  # the other characters are all gaps
    elif _NO_SPACE_RE.search(source) is not None:
        return None
    return _NOT_WORD_RE.sub(" ", source)


def _ascii_spaced(source: str) -> str:
    """Letters and digits kept, every other character a space; ASCII letters and digits
    being the only word characters of `source`. One byte a character keeps offsets."""
    return source.encode("ascii", "replace").translate(_ASCII_WORD_BYTES).decode("ascii")


def _first_hits_of_each_term(hits: list[Hit]) -> list[Hit]:
    counts: dict[int, int] = {}
    kept: list[Hit] = []
    for hit in hits:
        seen = counts.get(hit[0], 0)
        if seen < _MAX_HITS_PER_TERM:
            counts[hit[0]] = seen + 1
            kept.append(hit)
    return kept
