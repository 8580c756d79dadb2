"""Big databases for the benchmarks, written through the store and cached by size and seed.

Items come from the same generator as the served feeds, spread over the year before
the build, judged and tagged by the app's own rules (as a poll would), about two
thirds read and one in a hundred starred, as in a database used every morning for a
year.

Everything goes through `Store.ingest.store_feed` in batches of a thousand items, so
the full-text index, the tags and the feed links are exactly what a poll would write.
"""

from __future__ import annotations

import random
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.feedgen import FeedSet, Item
from db import migrations, open_store
from db.records import FeedOutcome, IncomingItem
from monitor.normalize import canonical_url, sha256_hex
from monitor.retag import tagger_for
from monitor.seed import seed
from monitor.tagging import Tagger, to_store_tags

CACHE = Path(__file__).resolve().parent / ".cache"
GENERATOR_VERSION = 1
ITEMS_PER_FEED = 1000
BATCH = 1000
SPAN = timedelta(days=365)


def cached_path(items: int, seed_value: int) -> Path:
    return CACHE / f"big-{items}-s{seed_value}-g{GENERATOR_VERSION}-m{migrations.LATEST}.db"


def incoming(item: Item, published: datetime, tagger: Tagger) -> IncomingItem:
    news = item.news
    verdict = tagger.classify(news.title, news.text, news.lang)
    return IncomingItem(
        guid=item.guid,
        url=canonical_url(item.link),
        title=news.title,
        summary_html=news.summary_html,
        text=news.text,
        author=item.author,
        published=published,
        content_hash=sha256_hex(news.title, news.summary_html),
        relevant=verdict.relevant,
        lang=news.lang,
        tags=to_store_tags(verdict.tags),
    )


def _feed_items(fs: FeedSet, i: int, count: int, tagger: Tagger, only_relevant: bool) -> list[Item]:
    """The first `count` items of feed `i` (only those the rules find relevant, if asked)."""
    out: list[Item] = []
    k = 0
    while len(out) < count:
        item = fs.item(i, k)
        k += 1
        if only_relevant and not tagger.classify(item.news.title, item.news.text, item.news.lang).relevant:
            continue
        out.append(item)
    return out


def build(path: Path, items: int, seed_value: int, *, now: datetime | None = None,
          span: timedelta = SPAN, only_relevant: bool = False, log: bool = True) -> Path:
    """A fresh database at `path` holding `items` articles published over `span` before `now`.

    Its feeds are disabled: they name hosts that do not exist, and an app opened on it
    must not spend its start-up polling them.
    """
    now = now or datetime.now(UTC).replace(microsecond=0)
    feeds = max(1, -(-items // ITEMS_PER_FEED))
    fs = FeedSet(feeds, seed_value, items_per_feed=ITEMS_PER_FEED)
    path.unlink(missing_ok=True)
    start = time.perf_counter()
    store = open_store(path)
    try:
        seed(store, now)
        for feed in store.feeds.list():  # the default feeds point at the internet
            store.feeds.remove(feed.id)
        tagger = tagger_for(store)
        rng = random.Random(f"{seed_value}:state")
        left = items
        for i in range(feeds):
            feed = store.feeds.add(f"https://news{i}.example.com/feed", title=fs.title(i), now=now)
            chosen = _feed_items(fs, i, min(ITEMS_PER_FEED, left), tagger, only_relevant)
            step = span / len(chosen)
            left -= len(chosen)
            for first in range(0, len(chosen), BATCH):
                batch = [incoming(item, now - span + step * (first + n), tagger)
                         for n, item in enumerate(chosen[first : first + BATCH])]
                outcome = FeedOutcome(status="ok", attempted_at=now, next_poll_at=now + timedelta(hours=1),
                                      http_status=200)
                result = store.ingest.store_feed(feed.id, outcome, batch, now)
                store.articles.set_read([a for a in result.new_ids if rng.random() < 0.66], True, now)
                for a in result.new_ids:
                    if rng.random() < 0.01:
                        store.articles.set_starred(a, True, now)
            store.feeds.set_enabled(feed.id, False)
            if log and (i + 1) % max(1, feeds // 5) == 0:
                print(f"    building {path.name}: {items - left:,}/{items:,} items, "
                      f"{time.perf_counter() - start:.0f} s", flush=True)
    finally:
        store.close()
    return path


def big_database(items: int, seed_value: int, dest: Path) -> Path:
    """A copy at `dest` of the cached database of `items` items (built on first use)."""
    cached = cached_path(items, seed_value)
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        build(partial, items, seed_value)
        partial.rename(cached)
    shutil.copyfile(cached, dest)
    return dest
