"""Two connections writing one file: every write transaction begins IMMEDIATE."""

from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlite_utils

from db import open_store


def test_a_deferred_read_then_write_fails_at_once_when_another_connection_committed(db_path):
    """The race the store is built to avoid, reproduced with sqlite-utils' atomic()."""
    open_store(db_path).close()
    reader = sqlite_utils.Database(sqlite3.connect(db_path, timeout=5))
    other = open_store(db_path)
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):  # noqa: SIM117
        with reader.atomic():
            reader.execute("SELECT count(*) FROM feeds").fetchone()  # snapshot taken
            other.feeds.add("https://example.org/a")  # someone else commits
            reader.execute("INSERT INTO feeds(url) VALUES ('https://example.org/b')")
    other.close()


def test_the_store_survives_the_same_race_by_taking_the_write_lock_first(db_path):
    first = open_store(db_path)
    second = open_store(db_path)
    started = threading.Event()
    finished = threading.Event()
    errors: list[BaseException] = []

    def hold_the_lock_then_commit() -> None:
        try:
            other = open_store(db_path)
            with other.write() as conn:
                conn.execute("INSERT INTO feeds(url) VALUES ('https://example.org/a')")
                started.set()
                finished.wait(5)
            other.close()
        except BaseException as exc:  # surfaced below
            errors.append(exc)
            started.set()

    thread = threading.Thread(target=hold_the_lock_then_commit)
    thread.start()
    started.wait(5)
    count_before = first.feeds.count()
    finished.set()  # the other writer commits while we are about to write
    with second.write() as conn:
        seen = conn.execute("SELECT count(*) FROM feeds").fetchone()[0]
        conn.execute("INSERT INTO feeds(url) VALUES ('https://example.org/b')")
    thread.join(5)
    assert not errors
    assert count_before == 0
    assert seen == 1  # the write transaction saw the other commit: no stale snapshot
    assert {f.url for f in first.feeds.list()} == {"https://example.org/a", "https://example.org/b"}
    first.close()
    second.close()


def test_many_threads_writing_at_once_never_see_database_is_locked(db_path):
    open_store(db_path).close()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            store = open_store(db_path)
            for i in range(25):
                with store.write() as conn:
                    conn.execute("SELECT count(*) FROM feeds").fetchone()
                    conn.execute("INSERT INTO feeds(url) VALUES (?)", (f"https://example.org/{n}/{i}",))
            store.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    store = open_store(db_path)
    assert store.feeds.count() == 100
    store.close()
