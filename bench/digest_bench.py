"""How long a digest takes: a week of N tagged items built, then rendered in every format.

    python -m bench.digest_bench [--items 5000] [--feeds 40] [--pdf/--no-pdf] [--keep DIR]

The database is made under a temporary folder (or DIR) the way the poller writes it:
seeded, then one transaction per feed through store.ingest. Items carry realistic
headlines and text (bench.newstext), one or two tracked issues each, and one in 30 is
carried by a second feed. Targets: HTML < 2 s, PDF < 10 s for 5,000 items.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.newstext import news_item
from db import open_store
from db.records import FeedOutcome, IncomingItem, Match, Tag
from monitor.digest.build import build_digest
from monitor.digest.render import render
from monitor.seed import seed

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
ISSUES = ("tariffs", "visit", "human_rights", "election_interference")


def make_items(rng: random.Random, count: int) -> list[IncomingItem]:
    items = []
    for k in range(count):
        link = f"https://news.example/{k}"
        news = news_item(rng, link)
        words = news.title.split()
        term = words[min(2, len(words) - 1)]
        start = news.title.find(term)
        issues = rng.sample(ISSUES, 1 if rng.random() < 0.8 else 2)
        tags = tuple(Tag(slug, 2.0, (Match(term, "title", start, start + len(term)),)) for slug in issues)
        items.append(
            IncomingItem(
                guid=f"item-{k}", url=link, title=news.title, summary_html=news.summary_html, text=news.text,
                author=None, published=NOW - timedelta(seconds=rng.randrange(7 * 86400)),
                content_hash=hashlib.sha256(news.title.encode() + str(k).encode()).hexdigest(),
                relevant=True, lang=news.lang, tags=tags,
            )
        )
    return items


def fill(db: Path, count: int, feeds: int, seed_value: int = 7) -> None:
    rng = random.Random(seed_value)
    items = make_items(rng, count)
    with open_store(db) as store:
        seed(store, NOW)
        for feed in store.feeds.list():
            store.feeds.remove(feed.id)
        ids = [store.feeds.add(f"https://feed{i}.example/rss", title=f"Outlet {i}", now=NOW).id
               for i in range(feeds)]
        outcome = FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=NOW + timedelta(hours=1))
        shares: dict[int, list[IncomingItem]] = {feed_id: [] for feed_id in ids}
        for index, item in enumerate(items):
            shares[ids[index % feeds]].append(item)
        for feed_id, batch in shares.items():
            store.ingest.store_feed(feed_id, outcome, batch, NOW)
        # Wire copy: the same links under other feeds' own entry ids.
        for index, item in enumerate(items[::30]):
            other = ids[(index * 7 + 1) % feeds]
            copy = IncomingItem(**{**item.__dict__, "guid": f"wire-{index}"})
            store.ingest.store_feed(other, outcome, [copy], NOW)


def timed(label: str, fn):  # noqa: ANN001, ANN201 - a bench helper
    start = time.perf_counter()
    result = fn()
    print(f"{label:<28} {time.perf_counter() - start:7.3f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--pdf", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--keep", type=Path, help="make the database and outputs in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.db"
    db.unlink(missing_ok=True)
    timed(f"fill {args.items} items", lambda: fill(db, args.items, args.feeds))
    with open_store(db) as store:
        week = NOW - timedelta(days=7)
        digest = timed("build_digest (7 days)", lambda: build_digest(store, week, NOW, now=NOW))
    listed = sum(len(s.items) for s in digest.sections)
    print(f"{'items':<28} {digest.article_count} articles, {listed} listed under issues")
    for fmt in ("html", "md", "csv", "json"):
        data = timed(f"render {fmt}", lambda fmt=fmt: render(digest, fmt))
        (folder / f"digest.{fmt}").write_bytes(data)
        print(f"{'':<28} {len(data) / 1e6:7.2f} MB")
    if args.pdf:
        from ui.pdf import html_to_pdf

        pdf = folder / "digest.pdf"
        pages = timed("render pdf (Qt offscreen)", lambda: html_to_pdf(render(digest, "html").decode(), pdf))
        print(f"{'':<28} {pages} pages, {pdf.stat().st_size / 1e6:.2f} MB")
    print(f"outputs in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
