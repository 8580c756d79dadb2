"""A full disk and a lock held by another program: the data holds, and so does the poller.

A full disk is SQLite's `max_page_count` on the poller's own connection (SQLite then
says "database or disk is full", as on a full disk), or, for the CLI in a process of
its own, a file size limit (RLIMIT_FSIZE: the small disk the process may write).
A lock is a second real connection in `BEGIN IMMEDIATE`, released by the test.
"""

from __future__ import annotations

import resource
import selectors
import signal
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db import DatabaseBusyError, DiskFullError, Patience, Store, open_store
from monitor.cli import main
from monitor.poller import Poller
from tests.integration.feedserver import FeedServer
from tests.integration.test_cli_poll import child_env, monitor_command
from tests.integration.test_poller import TARIFF, Clock, Entry, Route, add_feed, fresh_db, rss

FEEDS = 18
ENTRIES = 5
QUICK = Patience(busy_timeout_s=0.05, give_up_after_s=0.3)  # a lock held longer than this is given up


@pytest.fixture
def db(db_path: Path, server: FeedServer) -> Path:
    """18 feeds of 5 long items each, every one with an ETag."""
    fresh_db(db_path)
    for i in range(FEEDS):
        entries = [Entry(f"g{i}-{j}", f"{TARIFF} ({i}.{j})", summary="Canola tariffs. " * 200)
                   for j in range(ENTRIES)]
        server.route(f"/f{i}", Route(rss(*entries), etag=f'"v{i}"'))
        add_feed(db_path, server.url(f"/f{i}"))
    return db_path


def feed_states(db: Path) -> list[tuple[str | None, str | None, str | None, int]]:
    """(last attempt, etag, lease owner, stored items) of every feed."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT last_attempt_at, etag, lease_owner, "
            "(SELECT count(*) FROM article_feeds a WHERE a.feed_id = feeds.id) FROM feeds"
        ).fetchall()
    finally:
        conn.close()


def capped(extra_pages: int) -> Callable[[Path], Store]:
    """Opens the store on a disk with room for `extra_pages` more pages."""

    def open_db(path: Path) -> Store:
        store = open_store(path)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
        return store

    return open_db


# --- a full disk --------------------------------------------------------------------------------------


def test_a_full_disk_ends_the_poll_and_the_feeds_it_could_not_store_stay_due(db):
    clock = Clock()
    with (
        Poller(db, clock=clock, parse_processes=0, fetch_workers=4, open_db=capped(40)) as poller,
        pytest.raises(DiskFullError, match="the disk is full"),
    ):
        poller.poll(all_feeds=True)
    states = feed_states(db)
    unstored = [s for s in states if s[3] == 0]
    assert unstored, "the cap left room for every feed: the test proves nothing"
    assert all(attempt is None and etag is None for attempt, etag, _, _ in unstored)  # not marked polled
    assert all(owner is None for _, _, owner, _ in states)  # no lease left behind

    with Poller(db, clock=clock, parse_processes=0, fetch_workers=4) as poller:
        summary = poller.poll()  # only the feeds that are due
    assert summary.total == len(unstored)
    assert all(items == ENTRIES and etag for _, etag, _, items in feed_states(db))


def limited_to(size: int) -> Callable[[], None]:
    """In the child: files may not grow past `size` bytes, as on a nearly full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # then a write past it fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def run_limited(db: Path, size: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        monitor_command(db, *args), env=child_env(), preexec_fn=limited_to(size),
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_poll_once_on_a_full_disk_says_so_in_one_line_and_a_later_poll_stores_the_rest(db):
    done = run_limited(db, db.stat().st_size // 2, "poll", "--once", "--all")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"python -m monitor: error: could not use {db}: disk I/O error (is the disk full or failing?)"
    ]
    assert any(items == 0 for *_, items in feed_states(db))

    again = subprocess.run(monitor_command(db, "poll", "--once"), env=child_env(), capture_output=True,
                           text=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr
    assert all(items == ENTRIES for *_, items in feed_states(db))


@pytest.mark.parametrize("room", [16 * 1024, 300 * 1024], ids=["while-migrating", "while-seeding"])
def test_a_database_that_cannot_be_made_on_a_full_disk_leaves_no_file(tmp_path, room):
    db = tmp_path / "new.db"
    done = run_limited(db, room, "feeds", "list")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_feeds_add_on_a_full_disk_says_so_in_one_line(db, server):
    server.route("/new", Route(rss(*[Entry(f"n{j}", TARIFF, summary="Canola. " * 400) for j in range(20)])))
    done = run_limited(db, db.stat().st_size // 2, "feeds", "add", server.url("/new"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "disk" in done.stderr


def test_poll_watch_on_a_full_disk_says_so_and_keeps_running(db):
    child = subprocess.Popen(
        monitor_command(db, "poll", "--watch"), env=child_env(),
        preexec_fn=limited_to(db.stat().st_size // 2), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        line = read_line(child.stderr, timeout=60)
        assert "poll: could not use" in line and line.endswith("trying again in 30 s")
        assert child.poll() is None  # still watching
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0
    assert b"Traceback" not in err


def read_line(stream, timeout: float) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise AssertionError("nothing written in time")
    return stream.readline().decode().strip()


# --- a lock held by another program ---------------------------------------------------------------------


@pytest.fixture
def lock(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection that holds the write lock until the test releases it."""
    if not db_path.exists():
        fresh_db(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_write_waits_for_another_programs_lock_and_goes_on_once_it_is_released(db_path, lock):
    waits: list[str] = []

    def released() -> None:
        waits.append("waiting")
        lock.execute("ROLLBACK")

    patience = Patience(busy_timeout_s=0.05, give_up_after_s=30, on_wait=released)
    with open_store(db_path, patience=patience) as store:
        feed = store.feeds.add("https://example.org/rss")
        assert [f.url for f in store.feeds.list()] == [feed.url]
    assert waits == ["waiting"]


def test_a_write_gives_up_on_a_lock_held_too_long(db_path, lock):
    with open_store(db_path, patience=QUICK) as store, pytest.raises(
        DatabaseBusyError, match="the database is busy: another program holds it"
    ):
        store.feeds.add("https://example.org/rss")


@pytest.mark.parametrize(
    "command",
    [
        ("feeds", "add", "https://example.org/rss", "--no-fetch"),
        ("feeds", "import", "FILE"),
        ("poll", "--once"),
    ],
)
def test_a_one_shot_command_under_a_lock_held_too_long_gives_up_in_one_line(
    capsys, db_path, tmp_path, lock, command
):
    opml = tmp_path / "feeds.opml"
    opml.write_text('<opml version="2.0"><body><outline type="rss" xmlUrl="https://example.org/a"/></body></opml>')
    argv = ["--db", str(db_path), *[str(opml) if a == "FILE" else a for a in command]]
    capsys.readouterr()
    code = main(argv, patience=QUICK)
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err == [
        "cc-monitor: the database is busy: another program holds it; waiting up to 0.3 s",
        f"cc-monitor: error: the database is busy: another program holds it ({db_path}); "
        "try again when it is done",
    ]


def test_a_poller_kept_out_by_a_lock_polls_again_once_it_is_released(db, lock):
    with Poller(db, parse_processes=0, fetch_workers=4, patience=QUICK) as poller:
        with pytest.raises(DatabaseBusyError):
            poller.poll()
        lock.execute("ROLLBACK")
        summary = poller.poll()
    assert summary.ok == FEEDS
