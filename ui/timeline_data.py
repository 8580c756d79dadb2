"""The numbers behind the timeline: items per tracked issue in buckets of a day, a week or a
month (chosen from the period's length), and the baseline's dated events."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from db import Store
from ui.i18n import long_date, shown_facts, shown_issues, translate
from ui.sidebar_counts import baseline_date

Unit = Literal["day", "week", "month"]
# Up to about six weeks a bar per day stays wider than a few pixels; up to about seven
# months a bar per week; beyond, a bar per month.
DAILY_UP_TO, WEEKLY_UP_TO = 45, 215


@dataclass(frozen=True)
class Bucket:
    first: date
    last: date  # inclusive; the first and last buckets are cut to the period

    def label(self, unit: Unit) -> str:
        """How the x axis names it: "14 Jan", "12 Jan" (the week's first day), "Jan 2026"."""
        return long_date(self.first, "%b %Y" if unit == "month" else "%d %b").lstrip("0")

    def describe(self, unit: Unit) -> str:
        """How a tooltip names it: "14 January 2026", "Week of 12–18 January 2026", "January 2026"."""
        if unit == "day":
            return _long(self.first)
        if unit == "month":
            return long_date(self.first, "%B %Y")
        if self.first.month == self.last.month:
            return translate("Timeline", "Week of {}").format(f"{self.first.day}–{_long(self.last)}")
        start = f"{self.first.day} {long_date(self.first, '%B')}"
        return translate("Timeline", "Week of {}").format(f"{start} – {_long(self.last)}")


@dataclass(frozen=True)
class Series:
    slug: str
    name: str
    colour: str
    counts: tuple[int, ...]  # one per bucket of TimelineData.buckets

    @property
    def total(self) -> int:
        return sum(self.counts)


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
    buckets: tuple[Bucket, ...] = ()
    unit: Unit = "day"

    @property
    def peak(self) -> int:
        """The tallest stack: the most items of all issues in one bucket."""
        return max((sum(column) for column in zip(*(s.counts for s in self.series), strict=True)), default=0)

    def bucket_of(self, day: date) -> int:
        """The index of the bucket that holds `day` (clamped to the period)."""
        for index, bucket in enumerate(self.buckets):
            if day <= bucket.last:
                return index
        return len(self.buckets) - 1


def day_range(last: date, days: int) -> tuple[date, ...]:
    return tuple(last - timedelta(days=days - 1 - n) for n in range(days))


def unit_for(days: int) -> Unit:
    return "day" if days <= DAILY_UP_TO else "week" if days <= WEEKLY_UP_TO else "month"


def buckets(span: tuple[date, ...], unit: Unit) -> tuple[Bucket, ...]:
    """Calendar days, weeks (Monday to Sunday) or months, cut to the span."""
    result: list[Bucket] = []
    for day in span:
        if result and _key(day, unit) == _key(result[-1].first, unit):
            result[-1] = Bucket(result[-1].first, day)
        else:
            result.append(Bucket(day, day))
    return tuple(result)


def load_timeline(store: Store, last: date, days: int | None) -> TimelineData:
    """The period ending with `last`: `days` UTC days, or (None) every day since the baseline."""
    with store.read():
        facts = shown_facts(store.baseline.list())
        if days is None:
            start = baseline_date(facts) or last
            days = max(1, (last - start).days + 1)
        span = day_range(last, days)
        since = datetime.combine(span[0], time(0), tzinfo=UTC)
        until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=UTC)
        unit = unit_for(days)
        cuts = buckets(span, unit)
        series = []
        for issue in shown_issues(store.issues.list()):
            per_day = store.articles.daily_counts(issue.slug, since, until)
            series.append(Series(issue.slug, issue.name, issue.colour, _per_bucket(per_day, cuts)))
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
    return TimelineData(span, tuple(series), tuple(sorted(events, key=lambda e: e.day)), cuts, unit)


def _per_bucket(per_day: Mapping[str, int], cuts: tuple[Bucket, ...]) -> tuple[int, ...]:
    def days_of(bucket: Bucket) -> list[str]:
        length = (bucket.last - bucket.first).days + 1
        return [(bucket.first + timedelta(days=n)).isoformat() for n in range(length)]

    return tuple(sum(per_day.get(day, 0) for day in days_of(b)) for b in cuts)


def _key(day: date, unit: Unit) -> tuple[int, ...]:
    if unit == "day":
        return (day.toordinal(),)
    if unit == "week":
        return (day.toordinal() - day.weekday(),)
    return (day.year, day.month)


def _long(day: date) -> str:
    return f"{day.day} {long_date(day, '%B %Y')}"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
