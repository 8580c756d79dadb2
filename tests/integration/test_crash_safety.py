"""`poll --once --all` killed with SIGKILL at random moments never corrupts or loses anything.

Each round, the feeds move on by one version (new items in, old ones out) and a
poller process is killed at a seeded random moment (after the n-th request reached
the feed server, plus a random delay), its parser processes with it.
After every kill: the file passes `PRAGMA integrity_check`, every item seen before
is still there, and no stored validator covers items that were not stored (a crash
between the two would let a later 304 hide those items for good). A last, uninterrupted
poll then completes with no duplicate article.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.feedserver import FeedServer, respond
from tests.integration.test_poller import PANDAS, TARIFF, VISIT, Entry, add_feed, fresh_db, rss

pytestmark = pytest.mark.slow

FEEDS = 30
LARGE = {0, 7, 14, 21, 28}  # over a hundred long items each: ~120 KB
STATIC = {3, 10, 17}  # never change: answered with 304 once stored
ROUNDS = 20
SEED = 20260112
TITLES = (TARIFF, VISIT, PANDAS)


class ChangingFeeds:
    """Feed k at version v lists a window of items that slides on by a few per version."""

    def __init__(self) -> None:
        self.version = 0
        self._requests = 0
        self._changed = threading.Condition()

    def next_round(self, version: int) -> None:
        with self._changed:
            self.version, self._requests = version, 0

    def wait_for_request(self, n: int, child: subprocess.Popen, timeout: float) -> None:
        """Wait until the n-th request of this round has arrived, or the poller has exited."""

        def reap() -> None:
            child.wait()
            with self._changed:
                self._changed.notify_all()

        threading.Thread(target=reap, daemon=True).start()
        with self._changed:
            self._changed.wait_for(lambda: self._requests >= n or child.returncode is not None, timeout)

    def window(self, k: int, version: int) -> range:
        if k in STATIC:
            version = 0
        size, step = (120, 20) if k in LARGE else (25, 3)
        return range(version * step, version * step + size)

    def etag(self, k: int, version: int) -> str:
        return f'"{k}-{0 if k in STATIC else version}"'

    def body(self, k: int, version: int) -> bytes:
        filler = " Ottawa and Beijing trade talks continue." * (20 if k in LARGE else 2)
        return rss(*(
            Entry(f"k{k}-i{j}", f"{TITLES[j % 3]} #{j}", f"https://news.example.org/{k}/{j}",
                  f"Item {j} of feed {k}.{filler}")
            for j in self.window(k, version)
        ))

    def handler(self, k: int):
        def answer(request, server) -> None:
            with self._changed:
                version = self.version
                self._requests += 1
                self._changed.notify_all()
            etag = self.etag(k, version)
            if request.headers.get("If-None-Match") == etag:
                respond(b"", status=304, headers={"ETag": etag})(request, server)
                return
            headers = {"Content-Type": "application/rss+xml", "ETag": etag}
            respond(self.body(k, version), headers=headers)(request, server)

        return answer


def stored_items(db: Path) -> tuple[str, set[tuple[int, str]], dict[int, str | None]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        items = set(conn.execute("SELECT feed_id, guid FROM article_feeds"))
        etags = dict(conn.execute("SELECT id, etag FROM feeds"))
        return integrity, items, etags
    finally:
        conn.close()


def assert_validators_cover_stored_items(feeds: ChangingFeeds, ids: dict[int, int], items, etags) -> None:
    for k, feed_id in ids.items():
        etag = etags[feed_id]
        if etag is None:
            continue
        version = int(etag.strip('"').split("-")[1])
        missing = {f"k{k}-i{j}" for j in feeds.window(k, version)} - {g for f, g in items if f == feed_id}
        assert not missing, f"feed {k} stored validator {etag} without {len(missing)} of its items"


def poll_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "monitor", "--db", str(db), "poll", "--once", "--all"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MONITOR_DB", None)
    env["PYTHONPATH"] = str(REPO)
    return env


def test_a_poller_killed_at_random_moments_never_corrupts_or_loses_committed_items(db_path):
    fresh_db(db_path)
    feeds = ChangingFeeds()
    rng = random.Random(SEED)
    with FeedServer() as server:
        ids = {}
        for k in range(FEEDS):
            server.route(f"/feed/{k}", feeds.handler(k))
            ids[k] = add_feed(db_path, server.url(f"/feed/{k}"))
        seen: set[tuple[int, str]] = set()
        killed = 0
        for round_no in range(ROUNDS):
            feeds.next_round(round_no)
            with tempfile.TemporaryFile() as errors:
                child = subprocess.Popen(
                    poll_command(db_path), env=child_env(), stdout=subprocess.DEVNULL, stderr=errors,
                    start_new_session=True,
                )
                # A random moment in the poll, measured in its progress rather than in
                # seconds, so that a slow machine still sees kills from start to end.
                feeds.wait_for_request(rng.randint(1, FEEDS), child, timeout=30)
                try:
                    child.wait(timeout=rng.uniform(0.0, 0.3))
                except subprocess.TimeoutExpired:
                    killed += 1
                finally:
                    with contextlib.suppress(ProcessLookupError):  # the group may be gone already
                        os.killpg(child.pid, signal.SIGKILL)  # the poller and its parser processes
                    child.wait()
                errors.seek(0)
                assert child.returncode in (0, -signal.SIGKILL), errors.read().decode()
            integrity, items, etags = stored_items(db_path)
            assert integrity == "ok"
            assert seen <= items, f"round {round_no}: {len(seen - items)} committed items vanished"
            assert_validators_cover_stored_items(feeds, ids, items, etags)
            seen = items
        assert killed >= ROUNDS // 2  # most rounds really were interrupted

        feeds.next_round(ROUNDS)
        done = subprocess.run(poll_command(db_path), env=child_env(), capture_output=True, timeout=60,
                              check=False)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout.decode().startswith(f"{FEEDS} feeds: ")
        integrity, items, etags = stored_items(db_path)
    assert integrity == "ok"
    assert seen <= items
    assert_validators_cover_stored_items(feeds, ids, items, etags)
    assert all(etags[feed_id] == feeds.etag(k, ROUNDS) for k, feed_id in ids.items())
    assert_no_duplicates_or_leases(db_path)


def assert_no_duplicates_or_leases(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        duplicates = conn.execute(
            "SELECT count(*) FROM (SELECT feed_id, guid FROM articles "
            "GROUP BY feed_id, guid HAVING count(*) > 1)"
        ).fetchone()[0]
        same_url = conn.execute(
            "SELECT count(*) FROM (SELECT url FROM articles WHERE url IS NOT NULL "
            "GROUP BY url HAVING count(*) > 1)"
        ).fetchone()[0]
        leases = conn.execute("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL").fetchone()[0]
    finally:
        conn.close()
    assert (duplicates, same_url, leases) == (0, 0, 0)
