"""The daily digest: yesterday's digest written into a folder, once a day, at a chosen local time.

Deciding which days are due is pure (`due_days`); `write_due_digests` does the
reading and writing, and is safe to call on every poll cycle: it writes nothing until
a day is due, and days missed while nothing ran are caught up, at most CATCH_UP_DAYS.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from db import Store
from monitor.digest.build import build_digest
from monitor.digest.files import DigestWriteError, daily_file_name, write_digest
from monitor.digest.formats import PdfRenderer
from monitor.digest.lang import language_for
from monitor.messages import message
from monitor.settings import DailyDigestSettings, last_daily_digest, mark_daily_digest
from monitor.settings import load as load_settings

CATCH_UP_DAYS = 14

log = logging.getLogger(__name__)


def due_days(
    settings: DailyDigestSettings, last_day: date | None, now: datetime, catch_up: int = CATCH_UP_DAYS
) -> list[date]:
    """The days whose digest is due at `now` (local wall-clock time), oldest first.

    A day is due once its next day reaches the chosen time. With nothing written yet
    (`last_day` None), only the latest due day is; after a gap, each missed day, at most
    `catch_up` of them.
    """
    if not settings.enabled or settings.folder is None:
        return []
    today = now.date()
    latest = today - timedelta(days=1 if now.time().replace(tzinfo=None) >= settings.at else 2)
    if last_day is None:
        return [latest]
    first = max(last_day + timedelta(days=1), latest - timedelta(days=catch_up - 1))
    return [first + timedelta(days=n) for n in range((latest - first).days + 1)]


def local_midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The start of `day` in `tz` (the system's zone when None), as an aware datetime."""
    start = datetime.combine(day, time())
    return start.replace(tzinfo=tz) if tz is not None else start.astimezone()


def write_due_digests(
    store: Store, now: datetime, pdf_renderer: PdfRenderer | None = None, *, tz: tzinfo | None = None
) -> list[Path]:
    """Write every due day's digest in each chosen format; returns the files written.

    The day is marked done only once all its files are written, so a failure (raised
    as DigestError) is retried on the next call. PDF is skipped where no renderer is
    available (the headless `poll --watch`); the other formats are still written.
    """
    stored = load_settings(store)
    settings, lang = stored.daily, language_for(stored.language)
    days = due_days(settings, last_daily_digest(store), now.astimezone(tz))
    folder = settings.folder
    if not days or folder is None:
        return []
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DigestWriteError(message("cannot_create", path=folder, reason=exc.strerror or exc)) from None
    formats = [f for f in settings.formats if f != "pdf" or pdf_renderer is not None]
    if len(formats) < len(settings.formats):
        log.warning("daily digest: PDF skipped, it needs Qt (the desktop app or cc-monitor)")
    written: list[Path] = []
    for day in days:
        since, until = local_midnight(day, tz), local_midnight(day + timedelta(days=1), tz)
        digest = build_digest(store, since, until, now=now, lang=lang)
        for fmt in formats:
            target = folder / daily_file_name(day, fmt)
            written.append(write_digest(digest, fmt, target, pdf_renderer=pdf_renderer))
        mark_daily_digest(store, day)
    return written
