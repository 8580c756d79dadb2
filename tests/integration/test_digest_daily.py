"""The daily digest written into a folder from a real database, on an injected clock and zone."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from monitor.digest.daily import write_due_digests
from monitor.digest.files import DigestWriteError
from monitor.settings import last_daily_digest, load, mark_daily_digest, save
from tests.digest_support import Entry, add_feed, add_issues, ingest

TORONTO = timezone(timedelta(hours=-5))


def set_daily(store, **changes) -> None:
    settings = load(store)
    save(store, replace(settings, daily=replace(settings.daily, **changes)))


def toronto(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=TORONTO)


@pytest.fixture
def store(store, tmp_path):
    add_issues(store)
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, [
        # 23:30 in Toronto on the 18th is 04:30 UTC on the 19th: it belongs to the 18th.
        Entry("Late on the 18th", toronto(18, 23, 30), {"tariffs": ("tariff",)}),
        Entry("Early on the 19th", toronto(19, 0, 30), {"tariffs": ("tariff",)}),
        Entry("Late on the 19th", toronto(19, 23, 59), {"tariffs": ("tariff",)}),
        Entry("On the 20th", toronto(20, 1), {"tariffs": ("tariff",)}),
    ], now=toronto(20, 2).astimezone(UTC))
    set_daily(store, enabled=True, formats=("json", "md"), folder=tmp_path / "digests", at=time(7, 0))
    return store


def items_of(path) -> list[str]:
    return [i["title"] for s in json.loads(path.read_text())["issues"] for i in s["items"]]


def test_yesterdays_digest_is_written_once_the_time_has_come(store, tmp_path):
    mark_daily_digest(store, date(2026, 1, 18))
    assert write_due_digests(store, toronto(20, 6, 59), tz=TORONTO) == []
    written = write_due_digests(store, toronto(20, 7, 0), tz=TORONTO)
    folder = tmp_path / "digests"
    assert written == [folder / f"cc-monitor-digest-2026-01-19.{ext}" for ext in ("json", "md")]
    assert items_of(written[0]) == ["Late on the 19th", "Early on the 19th"]
    assert last_daily_digest(store) == date(2026, 1, 19)


def test_the_first_run_writes_the_latest_complete_day(store):
    written = write_due_digests(store, toronto(20, 6, 59), tz=TORONTO)
    assert [p.name for p in written] == [f"cc-monitor-digest-2026-01-18.{ext}" for ext in ("json", "md")]


def test_a_day_is_written_only_once(store):
    assert write_due_digests(store, toronto(20, 8), tz=TORONTO)
    assert write_due_digests(store, toronto(20, 23), tz=TORONTO) == []


def test_days_missed_while_nothing_ran_are_written_on_the_next_start(store, tmp_path):
    mark_daily_digest(store, date(2026, 1, 16))
    written = write_due_digests(store, toronto(20, 8), tz=TORONTO)
    days = sorted({p.name[18:28] for p in written})
    assert days == ["2026-01-17", "2026-01-18", "2026-01-19"]
    assert items_of(tmp_path / "digests" / "cc-monitor-digest-2026-01-18.json") == ["Late on the 18th"]
    assert last_daily_digest(store) == date(2026, 1, 19)


def test_pdf_is_skipped_without_a_renderer_and_the_other_formats_still_written(store, caplog):
    set_daily(store, formats=("pdf", "json"))
    written = write_due_digests(store, toronto(20, 8), tz=TORONTO)
    assert [p.suffix for p in written] == [".json"]
    assert "PDF" in caplog.text


def test_pdf_is_written_with_the_renderer_it_is_given(store):
    set_daily(store, formats=("pdf",))
    calls = []

    def renderer(html, path, page_size):
        calls.append(page_size)
        path.write_bytes(b"%PDF-1.4 fake")
        return 1

    [written] = write_due_digests(store, toronto(20, 8), renderer, tz=TORONTO)
    assert (written.read_bytes(), calls) == (b"%PDF-1.4 fake", ["A4"])


def test_an_unwritable_folder_fails_and_the_day_stays_due(store, tmp_path):
    (tmp_path / "blocker").write_text("a file, not a folder")
    set_daily(store, folder=tmp_path / "blocker" / "digests")
    with pytest.raises(DigestWriteError):
        write_due_digests(store, toronto(20, 8), tz=TORONTO)
    assert last_daily_digest(store) is None


def test_nothing_is_written_when_the_daily_digest_is_off(store, tmp_path):
    set_daily(store, enabled=False)
    assert write_due_digests(store, toronto(20, 8), tz=TORONTO) == []
    assert not (tmp_path / "digests").exists()
