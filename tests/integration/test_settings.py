"""The settings record against a real database: defaults, round trip, refusals, bad stored values."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from monitor.settings import (
    DEFAULTS,
    DailyDigestSettings,
    Settings,
    SettingsError,
    last_daily_digest,
    load,
    mark_daily_digest,
    save,
)
from tests.conftest import dump_database

CHANGED = Settings(
    poll_interval_s=300,
    notify=False,
    minimise_to_tray=True,
    retention_days=7,
    daily=DailyDigestSettings(
        enabled=True, formats=("md", "pdf"), folder=Path("/srv/digests"), at=time(6, 5)
    ),
)


def stored_raw(db_path: Path, key: str, text: str) -> None:
    """A value written behind the app's back (by hand, or by an older or broken version)."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, text))


def test_an_empty_database_has_the_defaults(store):
    settings = load(store)
    assert settings == DEFAULTS
    assert (settings.poll_interval_s, settings.notify, settings.minimise_to_tray) == (900, True, False)
    assert settings.retention.days == 30
    assert settings.daily == DailyDigestSettings(enabled=False, formats=("html",), folder=None, at=time(7, 0))


def test_saved_settings_load_back_the_same(store, db_path):
    save(store, CHANGED)
    assert load(store) == CHANGED
    from db import open_store

    with open_store(db_path) as other:  # another connection, as the poller has
        assert load(other) == CHANGED


@pytest.mark.parametrize(
    "change, words",
    [
        ({"poll_interval_s": 5}, "poll interval"),
        ({"poll_interval_s": 3 * 24 * 3600}, "poll interval"),
        ({"retention_days": 0}, "retention"),
        ({"retention_days": 10_000}, "retention"),
        ({"notify": "yes"}, "notifications"),
        ({"minimise_to_tray": 1}, "tray"),
        ({"daily": DailyDigestSettings(formats=("docx",))}, "'docx'"),
        ({"daily": DailyDigestSettings(formats=())}, "formats"),
        ({"daily": DailyDigestSettings(folder="  ")}, "folder"),
    ],
)
def test_an_invalid_value_is_refused_in_one_line_and_nothing_is_written(store, db_path, change, words):
    save(store, CHANGED)
    before = dump_database(db_path)
    with pytest.raises(SettingsError) as refused:
        # valid changes beside the bad one must not be written either
        save(store, replace(CHANGED, **{"poll_interval_s": 600, "notify": True, **change}))
    assert words in str(refused.value) and "\n" not in str(refused.value)
    assert dump_database(db_path) == before
    assert load(store) == CHANGED


@pytest.mark.parametrize(
    "key, text",
    [
        ("poll.interval_s", '"fifteen minutes"'),
        ("poll.interval_s", "-5"),
        ("poll.interval_s", "true"),
        ("notify.enabled", '"no"'),
        ("retention.irrelevant_days", "1e9"),
        ("digest.daily.formats", '["docx"]'),
        ("digest.daily.formats", '"html"'),
        ("digest.daily.time", '"25:00"'),
        ("digest.daily.time", '"7am"'),
        ("digest.daily.folder", "42"),
        ("digest.daily.enabled", "{not json"),
    ],
)
def test_a_stored_garbage_value_falls_back_to_its_default_alone(store, db_path, key, text):
    save(store, replace(DEFAULTS, minimise_to_tray=True))
    stored_raw(db_path, key, text)
    settings = load(store)
    assert settings == replace(DEFAULTS, minimise_to_tray=True)


def test_stored_values_are_read_as_older_versions_wrote_them(store):
    store.settings.set_many({"digest.daily.formats": ["md", "json", "md"], "digest.daily.time": "6:05"})
    daily = load(store).daily
    assert (daily.formats, daily.at) == (("md", "json"), time(6, 5))


def test_the_daily_digest_mark_is_kept_apart_from_the_settings(store, db_path):
    assert last_daily_digest(store) is None
    mark_daily_digest(store, date(2026, 1, 19))
    save(store, CHANGED)  # a dialog opened before the mark must not move it back
    assert last_daily_digest(store) == date(2026, 1, 19)
    stored_raw(db_path, "digest.daily.last_day", '"yesterday"')
    assert last_daily_digest(store) is None
