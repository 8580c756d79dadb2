"""A bad database file: an empty or odd --db, a foreign or newer schema, a damaged or read-only file.

Each ends a command with one line on stderr and status 2, and leaves the file as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from db import DatabaseCorruptError, migrations, open_store
from monitor.cli import main
from monitor.poller import Poller
from monitor.seed import seed
from tests.digest_support import NOW, Entry, add_feed, ingest
from tests.integration.feedserver import FeedServer
from tests.integration.test_poller import TARIFF, Route, rss
from tests.integration.test_poller import Entry as FeedEntry


def run(capsys, *argv: str) -> tuple[int, list[str]]:
    """Run the CLI in-process: its status and the lines it wrote on stderr."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err.splitlines()


def assert_one_error_line(err: list[str], *words: str) -> None:
    assert len(err) == 1, err
    assert err[0].startswith("cc-monitor: error: ")
    for word in words:
        assert word in err[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- --db and MONITOR_DB ---------------------------------------------------------------------------


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch) -> Path:
    """The user's data folder, moved under tmp_path so that the test can see it stay empty."""
    home = tmp_path / "data-home"
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_an_empty_db_option_is_refused_and_the_users_own_database_is_not_made(capsys, user_data):
    code, err = run(capsys, "--db", "", "feeds", "list")
    assert code == 2
    assert_one_error_line(err, "--db is empty")
    assert list(user_data.iterdir()) == []


def test_an_empty_monitor_db_variable_is_refused_too(capsys, user_data, monkeypatch):
    monkeypatch.setenv("MONITOR_DB", "")
    code, err = run(capsys, "articles")
    assert code == 2
    assert_one_error_line(err, "MONITOR_DB is empty")
    assert list(user_data.iterdir()) == []


def test_a_pipe_given_as_the_database_is_refused_before_sqlite_opens_it(capsys, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, err = run(capsys, "--db", str(pipe), "feeds", "list")
    assert code == 2
    assert_one_error_line(err, "is not a regular file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no pipe-journal, no pipe-wal


def test_dev_null_as_the_database_is_refused(capsys):
    companions = [Path(os.devnull + suffix) for suffix in ("-journal", "-wal", "-shm")]
    before = [p.exists() and p.stat().st_mtime_ns for p in companions]  # another program may have left one
    code, err = run(capsys, "--db", os.devnull, "feeds", "list")
    assert code == 2
    assert_one_error_line(err, os.devnull, "is not a regular file")
    assert [p.exists() and p.stat().st_mtime_ns for p in companions] == before


# --- schema versions this build does not know ---------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (-5, "is not a Canada–China Monitor database"),
        (migrations.LATEST + 1, "was made by a newer version"),
    ],
)
def test_a_database_of_a_version_this_build_does_not_know_is_refused_untouched(
    capsys, db_path, version, words
):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = snapshot(db_path.parent)
    for command in (("feeds", "list"), ("poll", "--once"), ("feeds", "add", "https://example.org/rss")):
        code, err = run(capsys, "--db", str(db_path), *command)
        assert code == 2
        assert_one_error_line(err, words)
    assert snapshot(db_path.parent) == before


def test_another_programs_database_is_not_filled_with_our_tables(capsys, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.close()
    before = snapshot(db_path.parent)
    code, err = run(capsys, "--db", str(db_path), "feeds", "list")
    assert code == 2
    assert_one_error_line(err, "is not a Canada–China Monitor database")
    assert snapshot(db_path.parent) == before


# --- a damaged file -------------------------------------------------------------------------------------


@pytest.fixture
def damaged_db(db_path: Path) -> Path:
    """A database of 400 items whose middle pages were overwritten, as a failing disk would."""
    with open_store(db_path) as store:
        seed(store, NOW)
        feed = add_feed(store, "Wire", "https://wire.example/rss")
        ingest(store, feed, [
            Entry(f"Canada and China talk canola tariffs, round {i}", NOW - timedelta(hours=i),
                  {"tariffs": ("canola",)}, text=f"Round {i} of talks. " * 40, url=f"https://wire.example/{i}")
            for i in range(400)
        ])
    size = db_path.stat().st_size
    with db_path.open("r+b") as file:
        file.seek(size // 3)
        file.write(b"\xa5" * (size // 3))
    return db_path


@pytest.mark.parametrize(
    "command",
    [
        ("articles", "--search", "canola"),
        ("articles",),
        ("digest", "--since", "3650d", "--format", "md"),
        ("retag",),
        ("poll", "--once"),
    ],
)
def test_a_command_on_a_damaged_database_says_what_to_do_in_one_line(capsys, damaged_db, command):
    before = damaged_db.read_bytes()
    code, err = run(capsys, "--db", str(damaged_db), *command)
    assert code == 2
    assert_one_error_line(err, "is damaged", "restore the last good copy", ".recover")
    assert damaged_db.read_bytes() == before


def test_a_poller_that_met_a_damaged_file_writes_nothing_more_into_it(damaged_db):
    with FeedServer() as server:
        server.route("/rss", Route(rss(FeedEntry("n", TARIFF))))
        conn = sqlite3.connect(damaged_db)
        conn.execute("INSERT INTO feeds(url, enabled) VALUES (?, 1)", (server.url("/rss"),))
        conn.commit()
        conn.close()
        before = damaged_db.read_bytes()
        with Poller(damaged_db, parse_processes=0, fetch_workers=1) as poller:
            for _ in range(2):  # the second poll is refused without a look at the file
                with pytest.raises(DatabaseCorruptError, match="is damaged"):
                    poller.poll(all_feeds=True)
            assert damaged_db.read_bytes() == before
    assert server.requests == []


def test_the_whole_file_is_read_for_damage_at_most_once_an_hour(damaged_db):
    """A poll every few minutes would otherwise read every page each time. When the file
    was last found sound is kept in it (its settings page is early in the file, unharmed)."""
    conn = sqlite3.connect(damaged_db)
    conn.execute("INSERT INTO settings(key, value) VALUES ('store.checked_at', ?)",
                 (f'"{NOW.isoformat(timespec="seconds")}"',))
    conn.commit()
    conn.close()
    with open_store(damaged_db) as store:
        store.check(NOW + timedelta(minutes=30), timedelta(hours=1))  # found sound half an hour ago
        with pytest.raises(DatabaseCorruptError, match="is damaged"):
            store.check(NOW + timedelta(minutes=61), timedelta(hours=1))
        with pytest.raises(DatabaseCorruptError, match="is damaged"):
            store.check()  # a command that asks for the check itself always gets it


# --- a read-only file --------------------------------------------------------------------------------


@pytest.fixture
def read_only_db(db_path: Path) -> Iterator[Path]:
    """A seeded database the app may not write: chmod 444, or immutable where we run as root."""
    with open_store(db_path) as store:
        seed(store, NOW)
    if os.geteuid() != 0:
        db_path.chmod(0o444)
        yield db_path
        db_path.chmod(0o644)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(db_path)], check=False).returncode != 0:
        pytest.skip("running as root without chattr: no way to make a file read-only")
    try:
        yield db_path
    finally:
        subprocess.run([chattr, "-i", str(db_path)], check=True)


def test_a_read_only_database_is_read_but_a_write_says_read_only_in_one_line(capsys, read_only_db):
    code, _ = run(capsys, "--db", str(read_only_db), "feeds", "list")
    assert code == 0
    add = ("feeds", "add", "https://example.org/rss", "--no-fetch")
    code, err = run(capsys, "--db", str(read_only_db), *add)
    assert code == 2
    assert_one_error_line(err, "is read-only")
