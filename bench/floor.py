"""The bare floor: what any Python feed poller costs at least, to compare the app with.

The same URLs fetched with httpx (conditional GET from stored validators), each
body passed through a default `feedparser.parse`, entries stored with plain sqlite3,
by a few threads. No relevance, no tagging, no sanitising of our own, no full-text
index. It keeps its own two-table schema, so it holds its own SQL: it is a stand-in
for "some other program", not part of the app.

    python -m bench.floor --urls urls.txt --db floor.db [--threads 8]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import httpx

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS items (
    feed TEXT NOT NULL, guid TEXT NOT NULL, title TEXT, link TEXT, summary TEXT, published TEXT,
    PRIMARY KEY (feed, guid)
);
"""

_local = threading.local()


def _conn(db: Path) -> sqlite3.Connection:
    if getattr(_local, "conn", None) is None:
        # WAL is set once by main(): switching it from 8 threads at once can fail with "locked"
        _local.conn = sqlite3.connect(db, timeout=60, isolation_level=None)
    return _local.conn


def poll_one(client: httpx.Client, db: Path, url: str) -> tuple[int, int]:
    """(HTTP status, new entries) for one feed."""
    conn = _conn(db)
    row = conn.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
    headers = {}
    if row and row[0]:
        headers["If-None-Match"] = row[0]
    if row and row[1]:
        headers["If-Modified-Since"] = row[1]
    reply = client.get(url, headers=headers)
    if reply.status_code != 200:
        return reply.status_code, 0
    parsed = feedparser.parse(reply.content, response_headers=dict(reply.headers))
    rows = [
        (url, e.get("id") or e.get("link") or e.get("title", ""), e.get("title"), e.get("link"),
         e.get("summary"), e.get("published"))
        for e in parsed.entries
    ]
    conn.execute("BEGIN IMMEDIATE")
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO items VALUES (?, ?, ?, ?, ?, ?)", rows)
    new = conn.total_changes - before
    conn.execute(
        "INSERT INTO feeds VALUES (?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
        "last_modified = excluded.last_modified",
        (url, reply.headers.get("etag"), reply.headers.get("last-modified")),
    )
    conn.execute("COMMIT")
    return 200, new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the bare feedparser + sqlite3 floor")
    parser.add_argument("--urls", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    urls = [u.strip() for u in args.urls.read_text().splitlines() if u.strip()]
    setup = sqlite3.connect(args.db)
    setup.execute("PRAGMA journal_mode = WAL")
    setup.executescript(SCHEMA)
    setup.close()
    start = time.perf_counter()
    limits = httpx.Limits(max_connections=args.threads, max_keepalive_connections=args.threads)
    with httpx.Client(timeout=30, limits=limits) as client, ThreadPoolExecutor(args.threads) as pool:
        results = list(pool.map(lambda u: poll_one(client, args.db, u), urls))
    new = sum(n for _, n in results)
    fresh = sum(1 for status, _ in results if status == 200)
    print(f"{len(urls)} feeds, {fresh} fetched, {new} new entries in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
