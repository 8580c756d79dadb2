"""The numbers behind the timeline: items per day per tracked issue, and the baseline's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from db import Store


@dataclass(frozen=True)
class Series:
    slug: str
    name: str
    colour: str
    counts: tuple[int, ...]  # one per day of TimelineData.days


@dataclass(frozen=True)
class Event:
    day: date
    label: str
    end: date | None = None  # the last day of an event that lasts several days


@dataclass(frozen=True)
class TimelineData:
    days: tuple[date, ...]
    series: tuple[Series, ...]
    events: tuple[Event, ...]

    @property
    def peak(self) -> int:
        return max((max(s.counts, default=0) for s in self.series), default=0)


def day_range(last: date, days: int) -> tuple[date, ...]:
    return tuple(last - timedelta(days=days - 1 - n) for n in range(days))


def load_timeline(store: Store, last: date, days: int) -> TimelineData:
    """The `days` UTC days ending with `last`, per issue, with the dated baseline events in range."""
    span = day_range(last, days)
    since = datetime.combine(span[0], time(0), tzinfo=UTC)
    until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=UTC)
    with store.read():
        series = []
        for issue in store.issues.list():
            per_day = store.articles.daily_counts(issue.slug, since, until)
            counts = tuple(per_day.get(d.isoformat(), 0) for d in span)
            series.append(Series(issue.slug, issue.name, issue.colour, counts))
        facts = store.baseline.list()
    events = []
    for fact in facts:
        if not fact.event or not fact.date:
            continue
        day, end = _day(fact.date), _day(fact.date_end)
        if day is None:
            continue
        if end is not None and (end <= day or (end - day).days > 31):
            end = None  # a month or a year is a period of reference, not a span to draw
        if span[0] <= day <= span[-1] or (end is not None and day < span[0] <= end):
            events.append(Event(day, fact.date_label or _short(fact.statement), end))
    return TimelineData(span, tuple(series), tuple(sorted(events, key=lambda e: e.day)))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
