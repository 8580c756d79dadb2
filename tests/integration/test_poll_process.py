"""The desktop app's poller in a process of its own (monitor.poll_process), against a real
HTTP server on 127.0.0.1 and a real SQLite file. The child runs on the real clock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.poll_process import NICENESS, PollProcess, PollProcessError
from monitor.poller import FeedResult
from tests.integration.feedserver import never_answer, respond
from tests.integration.test_poller import PANDAS, RSS_TYPE, TARIFF, VISIT, Entry, add_feed, all_articles, rss

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def poll_process(db: Path) -> Iterator[PollProcess]:
    with PollProcess(db, {"fetch_workers": 4, "parse_processes": 1}) as process:
        yield process


@pytest.fixture
def news_and_slow(server, db) -> int:
    """A feed whose server never answers, and a news feed of one item (its id): the host's two
    connections, one each."""
    server.route("/slow", never_answer())
    server.route("/news", respond(rss(Entry("a", TARIFF)), headers={**RSS_TYPE, "ETag": '"v1"'}))
    add_feed(db, server.url("/slow"))
    return add_feed(db, server.url("/news"))


def app_command(tmp_path: Path, source: str, db: Path) -> list[str]:
    """A small app of `source` (its argument: the database), as a command to run."""
    script = tmp_path / "app.py"
    script.write_text(source)
    return [sys.executable, str(script), str(db)]


REPO = Path(__file__).resolve().parents[2]


def wait_gone(pid: int, seconds: float = 15.0) -> bool:
    """True once no process has `pid` (reaped or a zombie of someone else's)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_a_poll_in_its_own_process_stores_the_items_and_reports_each_feed(server, db, poll_process):
    server.route("/news", respond(rss(Entry("a", TARIFF), Entry("b", VISIT), Entry("c", PANDAS)),
                                  headers=RSS_TYPE))
    server.route("/missing", respond(b"no", status=404))
    news, missing = add_feed(db, server.url("/news")), add_feed(db, server.url("/missing"))
    results: list[FeedResult] = []
    progress: list[tuple[int, int]] = []

    summary = poll_process.poll(all_feeds=True, on_result=results.append,
                                on_progress=lambda done, total: progress.append((done, total)))

    assert (summary.total, summary.ok, summary.failed, summary.new_items) == (2, 1, 1, 3)
    assert summary.new_by_issue.get("tariffs") == 1
    by_feed = {r.feed_id: r for r in results}
    assert by_feed[news].status == "ok" and len(by_feed[news].new_ids) == 3
    assert by_feed[missing].status == "failing" and by_feed[missing].error == "HTTP 404 Not Found"
    assert progress[-1] == (2, 2)
    assert sorted(a.title for a in all_articles(db)) == sorted([TARIFF, VISIT, PANDAS])


def test_the_process_is_kept_for_the_next_poll(server, db, poll_process):
    server.route("/news", respond(rss(Entry("a", TARIFF)), headers={**RSS_TYPE, "ETag": '"v1"'}))
    add_feed(db, server.url("/news"))
    poll_process.poll(all_feeds=True)
    first = poll_process._process.pid

    again = poll_process.poll(all_feeds=True)

    assert poll_process._process.pid == first
    # below the caller's priority, so that the caller's GUI gets the processor first
    assert os.getpriority(os.PRIO_PROCESS, first) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICENESS)
    assert (again.total, again.new_items) == (1, 0)
    assert server.requests[-1].headers.get("if-none-match") == '"v1"'


def test_cancelling_ends_the_poll_in_the_process_and_keeps_what_was_stored(news_and_slow, db, poll_process):
    cancel = threading.Event()
    results: list[FeedResult] = []

    def cancel_after_the_news(result: FeedResult) -> None:
        results.append(result)
        cancel.set()

    started = time.monotonic()
    summary = poll_process.poll(all_feeds=True, cancel=cancel, on_result=cancel_after_the_news)

    assert summary.cancelled
    assert time.monotonic() - started < 15  # not the 45 s a fetch may take
    assert [a.title for a in all_articles(db)] == [TARIFF]
    assert [r.status for r in results] == ["ok"]
    again = poll_process.poll(feed_ids=[])  # the same process takes the next poll
    assert not again.cancelled


def test_a_process_that_dies_during_a_poll_is_one_line_and_the_next_poll_gets_a_fresh_one(
    server, news_and_slow, db, poll_process
):
    def kill_the_child(result: FeedResult) -> None:
        os.kill(poll_process._process.pid, signal.SIGKILL)

    with pytest.raises(PollProcessError) as caught:
        poll_process.poll(all_feeds=True, on_result=kill_the_child)

    assert str(caught.value) == "the poll process stopped unexpectedly (exit status -9)"
    assert [a.title for a in all_articles(db)] == [TARIFF]  # stored before the kill: kept
    server.route("/slow", respond(rss(Entry("b", VISIT)), headers=RSS_TYPE))
    summary = poll_process.poll(all_feeds=True)
    assert summary.failed == 0 and summary.new_items == 1


def test_a_database_the_poller_cannot_use_is_said_in_one_line_and_changes_nothing(tmp_path):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with PollProcess(folder) as process, pytest.raises(PollProcessError) as caught:
        process.poll(all_feeds=True)
    assert str(caught.value) == f"{folder} is a folder, not a database file"
    assert list(folder.iterdir()) == []


_ORPHAN = """
import sys
from pathlib import Path
from monitor.poll_process import PollProcess

if __name__ == "__main__":
    process = PollProcess(Path(sys.argv[1]), {"fetch_workers": 2, "parse_processes": 1})
    def tell(result):
        print(process._process.pid, flush=True)
    process.poll(all_feeds=True, on_result=tell)
"""


def test_the_process_leaves_when_the_app_is_killed_mid_poll(news_and_slow, db, tmp_path):
    app = subprocess.Popen(app_command(tmp_path, _ORPHAN, db), stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        child = int(app.stdout.readline())
        app.kill()
        app.wait(10)
        assert wait_gone(child), "the poll process outlived the app"
    finally:
        app.kill()
        app.stdout.close()
    assert [a.title for a in all_articles(db)] == [TARIFF]


def test_a_callback_that_raises_ends_the_poll_and_the_next_poll_reads_only_its_own_results(
    news_and_slow, poll_process
):
    news = news_and_slow

    class Stop(Exception):
        pass

    def stop(result: FeedResult) -> None:
        raise Stop

    with pytest.raises(Stop):
        poll_process.poll(all_feeds=True, on_result=stop)

    results: list[FeedResult] = []
    summary = poll_process.poll(feed_ids=[news], on_result=results.append)
    assert summary.total == 1 and [r.feed_id for r in results] == [news]
    assert results[0].status == "not_modified"


_LEFT_RUNNING = """
import sys, threading
from pathlib import Path
from monitor.poll_process import PollProcess

if __name__ == "__main__":
    process = PollProcess(Path(sys.argv[1]), {"fetch_workers": 2, "parse_processes": 1})
    first = threading.Event()
    def tell(result):
        print(process._process.pid, flush=True)
        first.set()
    threading.Thread(target=process.poll, kwargs={"all_feeds": True, "on_result": tell}, daemon=True).start()
    first.wait(60)
    # the app ends here without closing its poller, a fetch still waiting on a slow server
"""


def test_an_app_that_exits_without_closing_its_poller_does_not_wait_for_slow_fetches(
    news_and_slow, db, tmp_path
):
    started = time.monotonic()
    done = subprocess.run(app_command(tmp_path, _LEFT_RUNNING, db), capture_output=True, text=True,
                          timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 20  # not the 45 s the slow fetch may take
    assert wait_gone(int(done.stdout.split()[0]))
