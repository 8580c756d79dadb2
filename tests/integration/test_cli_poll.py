"""`poll --once`, `poll --watch` and `feeds add` (which fetches the new feed once)."""

from __future__ import annotations

import json
import os
import pty
import re
import selectors
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from db import open_store
from monitor.settings import DEFAULTS, DailyDigestSettings, save
from tests.conftest import REPO, dump_database
from tests.integration.feedserver import FeedServer
from tests.integration.test_poller import (
    PANDAS,
    TARIFF,
    VISIT,
    Entry,
    Route,
    add_feed,
    rss,
    socket_that_refuses,
)

SUMMARY = re.compile(
    r"^\d+ feeds?: \d+ ok, \d+ not modified, \d+ failed(, \d+ skipped)?; \d+ new items?( \(.+\))?"
    r"(; \d+ stor(y|ies) grew)?$"
)


def serve(server: FeedServer, db: Path, path: str, route: Route) -> Route:
    server.route(path, route)
    add_feed(db, server.url(path))
    return route


def test_poll_once_prints_a_one_line_summary_and_exits_0_even_when_a_feed_fails(cli, server, db):
    serve(server, db, "/a", Route(rss(Entry("t", TARIFF), Entry("v", VISIT), Entry("p", PANDAS))))
    serve(server, db, "/broken", Route(status=503))

    result = cli("poll", "--once")

    assert result.code == 0
    assert result.out == (
        "2 feeds: 1 ok, 0 not modified, 1 failed; 3 new items (tariffs 1, visit 1); 2 stories grew\n"
    )
    assert SUMMARY.match(result.out.strip())


def test_poll_once_is_quiet_on_stderr_when_piped(cli, server, db):
    serve(server, db, "/a", Route(rss(Entry("t", TARIFF))))
    serve(server, db, "/broken", Route(status=500))
    result = cli("poll", "--once")
    assert result.err == ""


def test_poll_once_all_polls_feeds_that_are_not_due(cli, server, db):
    route = serve(server, db, "/a", Route(rss(Entry("t", TARIFF)), etag='"x"'))
    assert cli("poll", "--once").code == 0
    assert cli("poll", "--once").out.startswith("0 feeds")
    assert cli("poll", "--once", "--all").out.startswith("1 feed: 0 ok, 1 not modified")
    assert route.gets == 2


@pytest.mark.parametrize(
    "args",
    [
        ("poll",),
        ("poll", "--once", "--watch"),
        ("poll", "--watch", "--all"),
        ("poll", "--once", "--workers", "0"),
    ],
)
def test_bad_poll_arguments_exit_2_with_one_line_and_change_nothing(cli, db, args):
    before = dump_database(db)
    result = cli(*args)
    assert result.code == 2
    assert result.err.strip().splitlines()[-1].count("error") == 1
    assert dump_database(db) == before


def test_feeds_add_fetches_the_feed_exactly_once_and_stores_its_items(cli, server, db):
    route = Route(rss(Entry("t", TARIFF), Entry("v", VISIT)))
    server.route("/new", route)

    result = cli("feeds", "add", server.url("/new"))

    assert result.code == 0
    assert "2 new items" in result.out
    assert route.gets == 1
    assert len(server.requests) == 1
    articles = [json.loads(line) for line in cli("articles", "--json").out.splitlines()]
    assert {a["title"] for a in articles} == {TARIFF, VISIT}


def test_feeds_add_no_fetch_only_lists_the_feed(cli, server, db):
    route = Route(rss(Entry("t", TARIFF)))
    server.route("/new", route)
    assert cli("feeds", "add", "--no-fetch", server.url("/new")).code == 0
    assert route.gets == 0
    [feed] = [json.loads(line) for line in cli("feeds", "list", "--json").out.splitlines()]
    assert feed["last_status"] is None


def test_an_unreachable_feed_is_added_anyway_and_shows_failing(cli, db):
    with socket_that_refuses() as url:
        result = cli("feeds", "add", url)
    assert result.code == 0
    assert "failing" in result.err
    [feed] = [json.loads(line) for line in cli("feeds", "list", "--json").out.splitlines()]
    assert feed["last_status"] == "failing"
    assert feed["last_error"]


# --- as a separate process: a terminal, and signals -----------------------------------------------


def monitor_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "monitor", "--db", str(db), *args]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MONITOR_DB", None)
    env["PYTHONPATH"] = str(REPO)
    return env


def test_poll_once_draws_a_progress_bar_when_stderr_is_a_terminal(server, db):
    for i in range(3):
        serve(server, db, f"/f{i}", Route(rss(Entry(f"e{i}", TARIFF, f"https://x.example/{i}"))))
    serve(server, db, "/broken", Route(status=500))
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            monitor_command(db, "poll", "--once"), stdout=subprocess.PIPE, stderr=follower,
            env=child_env(), timeout=60, check=False,
        )
        os.close(follower)
        follower = -1
        terminal = read_all(leader)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert done.returncode == 0
    assert SUMMARY.match(done.stdout.decode().strip())
    assert "4/4" in terminal
    assert server.url("/broken") in terminal  # the failing feed is named on the terminal


def read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_poll_watch_polls_then_stops_cleanly_on_a_signal(server, db, signum):
    serve(server, db, "/a", Route(rss(Entry("t", TARIFF))))
    child = subprocess.Popen(
        monitor_command(db, "poll", "--watch"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        first = read_line(child, timeout=30)
        assert first.endswith("1 feed: 1 ok, 0 not modified, 0 failed; 1 new item (tariffs 1); 1 story grew")
        child.send_signal(signum)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    with open_store(db) as store:
        assert store.integrity_check() == "ok"
        assert store.ingest.total() == 1


def read_line(child: subprocess.Popen, timeout: float) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise AssertionError("no output from poll --watch")
    return child.stdout.readline().decode().strip()


def test_poll_watch_writes_the_daily_digest_that_is_due(server, db, tmp_path):
    serve(server, db, "/a", Route(rss(Entry("t", TARIFF))))
    folder = tmp_path / "digests"
    with open_store(db) as store:
        daily = DailyDigestSettings(enabled=True, formats=("md", "json"), folder=folder, at=time(0, 0))
        save(store, replace(DEFAULTS, daily=daily))
    child = subprocess.Popen(
        monitor_command(db, "poll", "--watch"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        first = read_line(child, timeout=30)
        child.send_signal(signal.SIGTERM)  # the digests due after this poll are still written
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    written = sorted(p.suffix for p in folder.iterdir())
    assert written == [".json", ".md"]
    lines = [first, *out.decode().splitlines()]
    assert sum(line.startswith("wrote daily digest") for line in lines) == 2
