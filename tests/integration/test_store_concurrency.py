"""Two connections writing one file: every write transaction begins IMMEDIATE."""

from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlite_utils

from db import Store, open_store
from db.records import BaselineFact


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


def test_stores_reading_then_writing_through_the_api_never_see_database_is_locked(db_path):
    """Four threads, each with its own Store, edit feeds, settings, issues, rules, searches and facts."""
    open_store(db_path).close()
    errors: list[BaseException] = []
    rounds = 15

    def editor(n: int) -> None:
        try:
            with open_store(db_path) as store:
                for i in range(rounds):
                    edit(store, n, i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    with open_store(db_path) as store:
        assert store.settings.get("edits") == 4 * rounds  # no increment was lost
        assert len(store.feeds.list()) == 4 * rounds
        assert not any(f.enabled for f in store.feeds.list())
        assert len(store.issues.list()) == 4 * rounds
        assert sorted(i.position for i in store.issues.list()) == list(range(4 * rounds))
        assert len(store.baseline.list()) == 4 * rounds
        assert store.searches.list() == []


def edit(store: Store, n: int, i: int) -> None:
    """One round of a reader's edits, each a read followed by a write."""
    with store.write():  # read, then write what was read, in one transaction
        store.settings.set("edits", store.settings.get("edits", 0) + 1)
    feed = store.feeds.add(f"https://example.org/{n}/{i}")
    store.feeds.update(feed.id, title=f"{len(store.feeds.list())} feeds")
    store.feeds.set_enabled(feed.id, False)
    search = store.searches.add(f"search {n}/{i}", "canola")
    store.searches.remove(search.id)
    store.issues.add(f"issue-{n}-{i}", "Issue")  # reads the last position, then inserts after it
    store.issues.update(f"issue-{n}-{i}", colour="#00838f")
    store.issues.save_rule(f"issue-{n}-{i}", {"any": [f"word{i}"]})
    store.baseline.put([BaselineFact(id=f"fact-{n}-{i}", issues=(), statement="A fact")])
