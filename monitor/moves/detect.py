"""Which baseline figure or state an item says has moved, with the words that say so.

Built once from the baseline data (`MoveDetector.from_baseline`), then `detect` is a pure
function of one item. Precision comes before recall: a number counts only when written
with one of the figure's units, in the same sentence as a term of every subject group,
within a few words, and the number nearest each of those terms; a state counts only when a trigger sits
beside its subject terms in a sentence without a word that makes it future, conditional
or a request. A move always carries the exact span of text that states it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from monitor.language import primary_language
from monitor.moves.numbers import NumberWords, Quantity, UnitReader
from monitor.moves.spec import (
    LANGUAGES,
    ChangeSpec,
    FigureSpec,
    MoveData,
    format_value,
    read_move_data,
)
from monitor.textmatch import Folded, TermMatcher, fold_term

Span = tuple[int, int]
_NO_SPACE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORDISH = re.compile(f"([{_NO_SPACE}])|[^\\W_]+")
# A sentence ends at a full stop, question or exclamation mark followed by a space (not
# after a lone letter: "U.S. exports"), at Chinese sentence marks, or at a line break.
# Punctuation that opens another clause: a subject term and its number never lie across it
# ("25% on pork, canola duties kept": the 25% is not canola's).
_CLAUSE_MARK = re.compile(r"[,;:()\uff0c\uff1b\uff1a\uff08\uff09\u3001]")
# Spans further apart than this are never bound, however few words lie between: counting
# the words of a long gap, for every number of a long text, would cost without end.
_MAX_GAP = 300
_SENTENCE_END = re.compile(r"(?<!\b[a-z])(?<!\bmr)(?<!\bdr)(?<!\bst)[.!?](?=\s)|[。！？；;\n]")


@dataclass(frozen=True)
class Move:
    """A baseline figure or state that an item says has changed.

    `figure` is the figure's label, or None for a change of state; `words` is the text
    that states the move, `field[start:end]` of the item ("title" or "summary").
    """

    fact: str
    figure: str | None
    baseline: str
    reported: str
    words: str
    field: str
    start: int
    end: int
    value: float | None = None  # the reported number, in the figure's unit


def move_to_json(move: Move) -> dict[str, Any]:
    return {"fact": move.fact, "figure": move.figure, "baseline": move.baseline,
            "reported": move.reported, "words": move.words, "field": move.field,
            "start": move.start, "end": move.end}


@dataclass(frozen=True)
class _Figure:
    spec: FigureSpec
    subject: tuple[frozenset[int], ...]
    exclude: frozenset[int]
    reader: UnitReader


@dataclass(frozen=True)
class _Change:
    spec: ChangeSpec
    trigger: frozenset[int]
    near: tuple[frozenset[int], ...]
    exclude: frozenset[int]


class _Text:
    """One field, folded and scanned once: its term hits and its sentences."""

    def __init__(self, folded: Folded, hits: Iterable[tuple[int, int, int, int, int]]) -> None:
        self.folded = folded
        self.text = folded.text
        self.hits: dict[int, list[Span]] = {}
        for term_id, start, end, _, _ in hits:
            self.hits.setdefault(term_id, []).append((start, end))
        self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def has_any(self, terms: frozenset[int]) -> bool:
        return not terms.isdisjoint(self.hits)

    def sentence(self, position: int) -> int:
        return bisect_right(self._ends, position)

    def hits_in(self, terms: frozenset[int], sentence: int) -> list[Span]:
        return [span for term in terms for span in self.hits.get(term, ())
                if self.sentence(span[0]) == sentence]

    def distance(self, a: Span, b: Span) -> float:
        """Words between two spans (a Chinese character counts half); 0 when they touch,
        infinite across a clause mark or a long gap."""
        start, end = min(a[1], b[1]), max(a[0], b[0])
        if end - start > _MAX_GAP:
            return math.inf
        gap = self.text[start:end] if a[1] <= b[0] or b[1] <= a[0] else ""
        if _CLAUSE_MARK.search(gap):
            return math.inf
        return sum(0.5 if m.group(1) else 1.0 for m in _WORDISH.finditer(gap))


class MoveDetector:
    """The baseline's movable figures and states, compiled once for every item to come."""

    def __init__(self, data: MoveData) -> None:
        self._since = data.since
        self._terms: dict[str, int] = {}
        words = NumberWords(data.number_words)
        self._from = tuple(fold_term(w) for w in data.from_words)
        self._to = frozenset(fold_term(w) for w in data.to_words)
        self._figures = {lang: [self._figure(f, lang, words) for f in data.figures if lang in f.words]
                         for lang in LANGUAGES}
        self._changes = {lang: [self._change(c, lang) for c in data.changes if lang in c.words]
                         for lang in LANGUAGES}
        self._matcher = TermMatcher(self._terms)

    @classmethod
    def from_baseline(cls, doc: Mapping[str, Any]) -> MoveDetector:
        """From a parsed baseline.toml; MoveDataError or TermError say what is wrong."""
        return cls(read_move_data(doc))

    def detect(self, title: str, summary: str = "", lang: str | None = None,
               published: dt.datetime | dt.date | None = None) -> list[Move]:
        """The moves one item reports; none for an item published before the baseline."""
        day = published.date() if isinstance(published, dt.datetime) else published
        if day is not None and self._since is not None and day < self._since:
            return []
        langs = _languages(lang)
        moves: list[Move] = []
        seen: set[int] = set()  # one move per figure or change and item, the first found
        for field, text in (("title", title), ("summary", summary)):
            if text:
                moves.extend(self._field_moves(text, field, langs, lang, day, seen))
        figure_facts = {m.fact for m in moves if m.figure is not None}
        # a figure says more than the change of state beside it
        return [m for m in moves if m.figure is not None or m.fact not in figure_facts]

    def _field_moves(self, text: str, field: str, langs: tuple[str, ...], lang: str | None,
                     day: dt.date | None, seen: set[int]) -> Iterable[Move]:
        scanned = self._matcher.scan(text)
        fields = _Text(scanned.folded, scanned.hits)
        for figure in (f for each in langs for f in self._figures[each]):
            if id(figure.spec) not in seen and (move := self._figure_move(figure, fields, text, field, lang)):
                seen.add(id(figure.spec))
                yield move
        for change in (c for each in langs for c in self._changes[each]):
            if id(change.spec) not in seen and _in_period(change.spec, day) and (
                    move := self._change_move(change, fields, text, field)):
                seen.add(id(change.spec))
                yield move

    # --- compiling ---------------------------------------------------------------------

    def _ids(self, terms: Iterable[str]) -> frozenset[int]:
        return frozenset(self._terms.setdefault(t, len(self._terms)) for t in terms)

    def _figure(self, spec: FigureSpec, lang: str, words: NumberWords) -> _Figure:
        w = spec.words[lang]
        return _Figure(spec, tuple(self._ids(g) for g in w.subject), self._ids(w.exclude),
                       UnitReader(w.units, words))

    def _change(self, spec: ChangeSpec, lang: str) -> _Change:
        w = spec.words[lang]
        return _Change(spec, self._ids(w.trigger), tuple(self._ids(g) for g in w.near),
                       self._ids(w.exclude))

    # --- figures -----------------------------------------------------------------------

    def _figure_move(self, figure: _Figure, fields: _Text, text: str, field: str,
                     lang: str | None) -> Move | None:
        spec = figure.spec
        if not all(fields.has_any(group) for group in figure.subject):
            return None  # the usual case, decided without looking for numbers
        quantities = figure.reader.quantities(fields.text, lang)
        old_values = self._old_values(fields.text, quantities)
        # each number that may be reported, by sentence, and where it stands ("from X to Y":
        # Y stands where X is)
        by_sentence: dict[int, dict[Quantity, Span]] = {}
        for quantity in quantities:
            if quantity not in old_values.values():
                where = old_values.get(quantity, quantity)
                by_sentence.setdefault(fields.sentence(quantity.start), {})[quantity] = _span(where)
        for sentence, rivals in by_sentence.items():
            for quantity in rivals:
                span = self._bound(figure, fields, rivals, quantity, sentence)
                if span is None or spec.same[0] <= quantity.value <= spec.same[1]:
                    continue
                return _move(spec.fact, spec.label, spec.baseline, format_value(quantity.value, spec.unit),
                             fields, text, field, span, quantity.value)
        return None

    def _bound(self, figure: _Figure, fields: _Text, rivals: Mapping[Quantity, Span],
               quantity: Quantity, sentence: int) -> Span | None:
        """The span from the subject terms to the number, when the number is bound to them."""
        if fields.hits_in(figure.exclude, sentence):
            return None
        here = (quantity.start, quantity.end)
        window = figure.spec.window
        spans = [here]
        for group in figure.subject:
            hits = [h for h in fields.hits_in(group, sentence) if fields.distance(h, here) <= window]
            if not hits:
                return None
            nearest = min(hits, key=lambda h: fields.distance(h, here))
            if min(rivals, key=lambda q: fields.distance(nearest, rivals[q])) != quantity:
                return None  # another number is this subject term's
            spans.append(nearest)
        return min(s[0] for s in spans), max(s[1] for s in spans)

    def _old_values(self, text: str, quantities: Sequence[Quantity]) -> dict[Quantity, Quantity]:
        """{new: old} for each "from <old> to <new>"."""
        pairs: dict[Quantity, Quantity] = {}
        for old, new in zip(quantities, quantities[1:], strict=False):
            between = text[old.end:new.start].strip()
            if between in self._to and _ends_with_word(text[:old.start], self._from):
                pairs[new] = old
        return pairs

    # --- states ------------------------------------------------------------------------

    def _change_move(self, change: _Change, fields: _Text, text: str, field: str) -> Move | None:
        if not fields.has_any(change.trigger):
            return None
        for trigger in sorted(span for t in change.trigger for span in fields.hits.get(t, ())):
            sentence = fields.sentence(trigger[0])
            if fields.hits_in(change.exclude, sentence):
                continue
            spans = [trigger]
            for group in change.near:
                hits = [h for h in fields.hits_in(group, sentence)
                        if fields.distance(h, trigger) <= change.spec.window]
                if not hits:
                    break
                spans.append(min(hits, key=lambda h: fields.distance(h, trigger)))
            else:
                span = (min(s[0] for s in spans), max(s[1] for s in spans))
                spec = change.spec
                return _move(spec.fact, None, spec.baseline, spec.reported, fields, text, field, span)
        return None


def _move(fact: str, figure: str | None, baseline: str, reported: str, fields: _Text, text: str,
          field: str, span: Span, value: float | None = None) -> Move:
    start, end = fields.folded.original_span(*span)
    return Move(fact, figure, baseline, reported, text[start:end], field, start, end, value)


def _span(quantity: Quantity) -> Span:
    return quantity.start, quantity.end


def _languages(lang: str | None) -> tuple[str, ...]:
    """The item's language when the data has it ("zh-TW" is zh), else every language."""
    base = primary_language(lang)
    return (base,) if base in LANGUAGES else LANGUAGES


def _in_period(spec: ChangeSpec, day: dt.date | None) -> bool:
    if spec.after is None and spec.before is None:
        return True
    if day is None:
        return False  # a dated change needs a dated item
    return (spec.after is None or day >= spec.after) and (spec.before is None or day < spec.before)


def _ends_with_word(text: str, words: Iterable[str]) -> bool:
    tail = text.rstrip()
    for word in words:
        if tail.endswith(word):
            before = tail[: len(tail) - len(word)]
            if not before or not (before[-1].isalnum() and word[0].isascii()):
                return True
    return False
