"""The daily digest: yesterday's digest written into a folder, once a day, at a chosen local time.

Deciding which days are due is pure (`due_days`); `write_due_digests` does the
reading and writing, and is safe to call on every poll cycle: it writes nothing until
a day is due, and days missed while nothing ran are caught up, at most CATCH_UP_DAYS.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from db import Store
from monitor.digest.build import DigestError, build_digest
from monitor.digest.files import DigestWriteError, daily_file_name, write_digest
from monitor.digest.formats import FORMATS, PdfRenderer

ENABLED_KEY = "digest.daily.enabled"
FORMATS_KEY = "digest.daily.formats"
FOLDER_KEY = "digest.daily.folder"
TIME_KEY = "digest.daily.time"
LAST_DAY_KEY = "digest.daily.last_day"
KEYS = (ENABLED_KEY, FORMATS_KEY, FOLDER_KEY, TIME_KEY, LAST_DAY_KEY)
CATCH_UP_DAYS = 14
DEFAULT_TIME = time(7, 0)
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")

log = logging.getLogger(__name__)


class DailySettingsError(DigestError):
    """The daily digest settings cannot be followed (a bad time, format or folder)."""


@dataclass(frozen=True)
class DailySettings:
    enabled: bool = False
    formats: tuple[str, ...] = ("html",)
    folder: Path | None = None
    at: time = DEFAULT_TIME  # local wall-clock time
    last_day: date | None = None  # the last day whose digest was written


def parse_settings(values: Mapping[str, Any]) -> DailySettings:
    """The settings from their stored values (keys as in KEYS; missing ones take defaults)."""
    enabled = bool(values.get(ENABLED_KEY) or False)
    formats = tuple(values.get(FORMATS_KEY) or ("html",))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise DailySettingsError(f"unknown daily digest format {unknown[0]!r}")
    folder = values.get(FOLDER_KEY)
    clock = parse_clock(values.get(TIME_KEY) or DEFAULT_TIME.strftime("%H:%M"))
    last = values.get(LAST_DAY_KEY)
    try:
        last_day = date.fromisoformat(str(last)) if last else None
    except ValueError:
        last_day = None  # an unreadable mark only costs writing yesterday again
    return DailySettings(
        enabled=enabled,
        formats=tuple(dict.fromkeys(formats)),
        folder=Path(str(folder)).expanduser() if folder else None,
        at=clock,
        last_day=last_day,
    )


def parse_clock(value: object) -> time:
    """A wall-clock time from "HH:MM" (or "H:MM")."""
    match = _CLOCK.match(str(value))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise DailySettingsError(f"the daily digest time {value!r} is not HH:MM")
    return time(int(match[1]), int(match[2]))


def due_days(settings: DailySettings, now: datetime, catch_up: int = CATCH_UP_DAYS) -> list[date]:
    """The days whose digest is due at `now` (local wall-clock time), oldest first.

    A day is due once its next day reaches the chosen time. With nothing written yet,
    only the latest due day is; after a gap, each missed day, at most `catch_up` of them.
    """
    if not settings.enabled or settings.folder is None:
        return []
    today = now.date()
    latest = today - timedelta(days=1 if now.time().replace(tzinfo=None) >= settings.at else 2)
    if settings.last_day is None:
        return [latest]
    first = max(settings.last_day + timedelta(days=1), latest - timedelta(days=catch_up - 1))
    return [first + timedelta(days=n) for n in range((latest - first).days + 1)]


def local_midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The start of `day` in `tz` (the system's zone when None), as an aware datetime."""
    start = datetime.combine(day, time())
    return start.replace(tzinfo=tz) if tz is not None else start.astimezone()


def read_settings(store: Store) -> DailySettings:
    return parse_settings({key: store.settings.get(key) for key in KEYS})


def write_due_digests(
    store: Store, now: datetime, pdf_renderer: PdfRenderer | None = None, *, tz: tzinfo | None = None
) -> list[Path]:
    """Write every due day's digest in each chosen format; returns the files written.

    The day is marked done only once all its files are written, so a failure (raised
    as DigestError) is retried on the next call. PDF is skipped where no renderer is
    available (the headless `poll --watch`); the other formats are still written.
    """
    settings = read_settings(store)
    days = due_days(settings, now.astimezone(tz))
    folder = settings.folder
    if not days or folder is None:
        return []
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DigestWriteError(f"cannot create {folder}: {exc.strerror or exc}") from None
    formats = [f for f in settings.formats if f != "pdf" or pdf_renderer is not None]
    if len(formats) < len(settings.formats):
        log.warning("daily digest: PDF skipped, it needs Qt (the desktop app or cc-monitor)")
    written: list[Path] = []
    for day in days:
        since, until = local_midnight(day, tz), local_midnight(day + timedelta(days=1), tz)
        digest = build_digest(store, since, until, now=now)
        for fmt in formats:
            target = folder / daily_file_name(day, fmt)
            written.append(write_digest(digest, fmt, target, pdf_renderer=pdf_renderer))
        store.settings.set(LAST_DAY_KEY, day.isoformat())
    return written
