"""What can move, read from baseline.toml: the figures with what they measure, and the
states with the words that report their change. Pure data, checked on reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "fr", "zh")
DEFAULT_WINDOW = 8


class MoveDataError(ValueError):
    """Baseline data that cannot say what has moved; the message names the fact."""


@dataclass(frozen=True)
class FigureWords:
    """How one language states a figure: subject groups, units, and what rules a sentence out."""

    subject: tuple[tuple[str, ...], ...]
    units: tuple[tuple[str, float], ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureSpec:
    fact: str
    label: str
    value: float
    unit: str
    qualifier: str | None
    same: tuple[float, float]
    window: int
    words: Mapping[str, FigureWords]

    @property
    def baseline(self) -> str:
        return " ".join(filter(None, (self.qualifier, format_value(self.value, self.unit))))


@dataclass(frozen=True)
class ChangeWords:
    trigger: tuple[str, ...]
    near: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeSpec:
    fact: str
    baseline: str
    reported: str
    after: dt.date | None
    before: dt.date | None
    window: int
    words: Mapping[str, ChangeWords]


@dataclass(frozen=True)
class MoveData:
    since: dt.date | None  # the source's date: older items report nothing new
    number_words: Mapping[str, float]
    from_words: tuple[str, ...]
    to_words: tuple[str, ...]
    figures: tuple[FigureSpec, ...]
    changes: tuple[ChangeSpec, ...]


def format_value(value: float, unit: str) -> str:
    number = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def read_move_data(doc: Mapping[str, Any]) -> MoveData:
    """The move data of a parsed baseline.toml; MoveDataError says what is wrong."""
    numbers = doc.get("numbers", {})
    figures: list[FigureSpec] = []
    changes: list[ChangeSpec] = []
    for entry in doc.get("facts", ()):
        fact = str(entry.get("id", "?"))
        figures.extend(_figure(fact, f) for f in entry.get("figures", ()) if "same" in f)
        changes.extend(_change(fact, c) for c in entry.get("changes", ()))
    return MoveData(
        since=_date(doc.get("source", {}).get("date"), "source"),
        number_words={str(k): float(v) for k, v in numbers.get("words", {}).items()},
        from_words=tuple(numbers.get("from", ())),
        to_words=tuple(numbers.get("to", ())),
        figures=tuple(figures),
        changes=tuple(changes),
    )


def _figure(fact: str, raw: Mapping[str, Any]) -> FigureSpec:
    where = f"fact {fact}, figure {raw.get('label')!r}"
    same = raw["same"]
    if not (isinstance(same, list) and len(same) == 2 and float(same[0]) <= float(same[1])):
        raise MoveDataError(f"{where}: same must be [low, high]")
    words = {lang: _figure_words(raw[lang], f"{where} ({lang})") for lang in LANGUAGES if lang in raw}
    if not words:
        raise MoveDataError(f"{where}: no words in any language")
    return FigureSpec(
        fact=fact, label=str(raw["label"]), value=float(raw["value"]), unit=str(raw.get("unit", "")),
        qualifier=raw.get("qualifier"), same=(float(same[0]), float(same[1])),
        window=_window(raw, where), words=words,
    )


def _figure_words(raw: Mapping[str, Any], where: str) -> FigureWords:
    units: list[tuple[str, float]] = []
    for unit in raw.get("units", ()):
        if isinstance(unit, str):
            units.append((unit, 1.0))
        elif isinstance(unit, list) and len(unit) == 2 and isinstance(unit[1], int | float):
            units.append((str(unit[0]), float(unit[1])))
        else:
            raise MoveDataError(f"{where}: a unit is a pattern or [pattern, factor], not {unit!r}")
    if not units:
        raise MoveDataError(f"{where}: no units")
    return FigureWords(_groups(raw.get("subject"), where, "subject"), tuple(units),
                       _terms(raw.get("exclude", ()), where))


def _change(fact: str, raw: Mapping[str, Any]) -> ChangeSpec:
    where = f"fact {fact}, change {raw.get('reported')!r}"
    words = {
        lang: ChangeWords(
            trigger=_terms(raw[lang].get("trigger"), f"{where} ({lang})", required=True),
            near=_groups(raw[lang].get("near", []), f"{where} ({lang})", "near", allow_empty=True),
            exclude=_terms(raw[lang].get("exclude", ()), f"{where} ({lang})"),
        )
        for lang in LANGUAGES
        if lang in raw
    }
    if not words or not raw.get("baseline") or not raw.get("reported"):
        raise MoveDataError(f"{where}: a change needs baseline, reported and words")
    return ChangeSpec(
        fact=fact, baseline=str(raw["baseline"]), reported=str(raw["reported"]),
        after=_date(raw.get("after"), where), before=_date(raw.get("before"), where),
        window=_window(raw, where), words=words,
    )


def _groups(raw: Any, where: str, key: str, allow_empty: bool = False) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or (not raw and not allow_empty):
        raise MoveDataError(f"{where}: {key} must be a list of term groups")
    return tuple(_terms(group, where, required=True) for group in raw)


def _terms(raw: Any, where: str, required: bool = False) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or not all(isinstance(t, str) and t.strip() for t in raw):
        raise MoveDataError(f"{where}: terms must be a list of text")
    if required and not raw:
        raise MoveDataError(f"{where}: an empty list of terms")
    return tuple(raw)


def _window(raw: Mapping[str, Any], where: str) -> int:
    window = raw.get("window", DEFAULT_WINDOW)
    if not isinstance(window, int) or window < 0:
        raise MoveDataError(f"{where}: window must be a whole number of words")
    return window


def _date(raw: Any, where: str) -> dt.date | None:
    if raw is None:
        return None
    try:
        return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))
    except ValueError:
        raise MoveDataError(f"{where}: not an ISO date: {raw!r}") from None
