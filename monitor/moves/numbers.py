"""Numbers written with their unit ("15%", "C$2.6 billion", "百分之十五", "double"), found
in folded text (see monitor.textmatch.fold) by patterns that are data.

A unit pattern is text with `#` where the number goes; a pattern without `#` stands for
a fixed number (its factor). Patterns are folded like the text, so "décembre #" finds
"Décembre 2017", and any run of spaces or dashes in a pattern matches any such run,
or none ("#%" finds "15 %", "#-largest" finds "second largest").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from monitor.textmatch import fold_term

# Digits with thousands separators or a decimal mark; a space separates thousands only
# before exactly three digits ("49 000", "1 019").
_DIGITS = r"(?<![\d.,])\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*"
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_POWERS = {"十": 10, "百": 100, "千": 1000}
_HAN_NUMBER = f"[{''.join(_HAN_DIGITS)}{''.join(_HAN_POWERS)}]+"
_GAP = r"[\s\-\u2010-\u2015]*"
_JOIN = _GAP  # between a number and its unit: "15%", "15 %", "third-largest"
_APOSTROPHE = "['\u2018\u2019\u02bc]"


class UnitError(ValueError):
    """A unit pattern that cannot be used as written."""


@dataclass(frozen=True)
class Quantity:
    """A number found with one of a figure's units; offsets into the folded text."""

    value: float
    start: int
    end: int


@dataclass(frozen=True)
class _Unit:
    pattern: str
    factor: float
    fixed: bool  # no `#`: the pattern is the number

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled when an item first names the figure's subject: each unit embeds every
        number word, and compiling them all costs a parser process 0.2 s it rarely needs."""
        return re.compile(self.pattern)


class NumberWords:
    """How numbers are written in words: the number words of each language (folded)."""

    def __init__(self, words: Mapping[str, float]) -> None:
        self.values = {fold_term(word): float(value) for word, value in words.items()}
        alternatives = "|".join(re.escape(w) for w in sorted(self.values, key=len, reverse=True))
        spelled = rf"|(?<![^\W\d_]){'(?:' + alternatives + ')'}(?![^\W\d_])" if alternatives else ""
        self.pattern = f"(?P<num>{_DIGITS}|{_HAN_NUMBER}{spelled})"

    def value(self, text: str, lang: str | None) -> float | None:
        if text in self.values:
            return self.values[text]
        if text[0].isdigit():
            return _digits_value(text, lang)
        return _han_value(text)


class UnitReader:
    """The numbers written with any of one figure's units."""

    def __init__(self, units: Iterable[tuple[str, float]], words: NumberWords) -> None:
        self._words = words
        self._units = tuple(_compile(pattern, factor, words.pattern) for pattern, factor in units)

    def quantities(self, folded: str, lang: str | None) -> list[Quantity]:
        """Every number written with a unit, longest first where two overlap."""
        found: list[Quantity] = []
        for unit in self._units:
            for match in unit.regex.finditer(folded):
                if unit.fixed:
                    found.append(Quantity(unit.factor, match.start(), match.end()))
                    continue
                value = self._words.value(match.group("num"), lang)
                if value is not None:
                    found.append(Quantity(value * unit.factor, match.start(), match.end()))
        found.sort(key=lambda q: (q.start, q.start - q.end))
        kept: list[Quantity] = []
        for quantity in found:
            if not kept or quantity.start >= kept[-1].end:
                kept.append(quantity)
        return kept


def _compile(pattern: str, factor: float, number: str) -> _Unit:
    folded = fold_term(pattern).strip()
    if folded.count("#") > 1:
        raise UnitError(f"a unit has one '#' at most: {pattern!r}")
    if not folded.replace("#", "").strip():
        raise UnitError(f"a unit needs words or signs besides '#': {pattern!r}")
    before, sep, after = folded.partition("#")
    parts = [_literal(before)]
    if sep:
        parts += [_JOIN if before else "", number, _JOIN if after else "", _literal(after)]
    body = "".join(parts)
    if _spaced_word(folded[0]):
        body = r"(?<![^\W_])" + body
    if _spaced_word(folded[-1]):
        body += r"(?![^\W_])"
    return _Unit(body, float(factor), fixed=not sep)


def _spaced_word(char: str) -> bool:
    """A letter or digit of a script written with spaces: a unit ending in one ends a word."""
    return char.isalnum() and char < "\u3000"


def _literal(text: str) -> str:
    pieces = re.split(r"[\s\-\u2010-\u2015]+", text.strip())
    escaped = (re.escape(piece).replace("'", _APOSTROPHE) for piece in pieces if piece)
    return _GAP.join(escaped)


def _digits_value(text: str, lang: str | None) -> float | None:
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    marks = re.findall(r"[.,]", text)
    if not marks:
        return float(text)
    groups = re.split(r"[.,]", text)
    if len(set(marks)) == 2:  # "1,019.5" or "1.019,5": the last mark is the decimal one
        decimal = marks[-1]
        return float(text.replace("." if decimal == "," else ",", "").replace(",", "."))
    mark = marks[0]
    thousands = all(len(g) == 3 for g in groups[1:]) and not (mark == "," and lang == "fr")
    if len(marks) > 1 and not thousands:
        return None  # "1.2.3": no number
    if thousands and (len(marks) > 1 or mark == ","):
        return float("".join(groups))
    return float(text.replace(",", "."))


def _han_value(text: str) -> float | None:
    """"十五" 15, "七十" 70, "一百" 100, "二〇一七" 2017 (digit by digit)."""
    if not any(c in _HAN_POWERS for c in text):
        return float("".join(str(_HAN_DIGITS[c]) for c in text))
    total, digit = 0, None
    for char in text:
        if char in _HAN_DIGITS:
            if digit is not None:
                return None  # "三四十": a range, not a number
            digit = _HAN_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _HAN_POWERS[char]
            digit = None
    return float(total + (digit or 0))
