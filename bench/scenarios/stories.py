"""Stories at scale: assigning a poll's new items against the last 14 days, and a full recluster.

Both run in this process on databases written through the store (bench.bigdb), and
report process CPU time, the figure the targets name.
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import stories_bench
from bench.bigdb import CACHE, _feed_items, big_database, build, incoming
from bench.feedgen import FeedSet
from bench.scenarios.common import Context, Result, verdict
from db import Store, migrations, open_store
from db.records import FeedOutcome
from monitor.retag import tagger_for
from monitor.rules import load_resource_rules, parse_rules, rules_from_resource
from monitor.stories import recluster as cluster
from monitor.stories.assign import StoryAssigner, recluster

ASSIGN_S = 1.0  # CPU for 500 new items against 20,000 stored ones
RECLUSTER_S = 60.0  # CPU for 100,000 items
STORED, NEW = 20_000, 500
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def assign(ctx: Context) -> list[Result]:
    work = ctx.workdir("stories-assign")
    db = work / "assign.db"
    shutil.copyfile(_fortnight(ctx.settings.seed), db)
    with open_store(db) as store:
        recluster(store)  # the stored items in their stories, as earlier polls left them
        assigner = StoryAssigner(lambda: NOW)
        _add_new(store, 1)
        cold = _timed(lambda: assigner.assign_new(store))
        warm = []
        for batch in range(2, 2 + ctx.settings.repeats + 1):
            _add_new(store, batch)
            warm.append(_timed(lambda: assigner.assign_new(store)))
    figure = sorted(warm)[len(warm) // 2]
    return [Result(
        f"assign {NEW} new items to stories, {STORED:,} stored in 14 days", f"{figure:.2f} s CPU",
        f"< {ASSIGN_S:.0f} s", verdict(figure < ASSIGN_S),
        f"median of {len(warm)} polls with the index kept; the first poll of a process also builds "
        f"the index: {cold:.2f} s CPU",
    )]


def recluster_all(ctx: Context) -> list[Result]:
    """The clustering of 100,000 items over a year (every one taken as relevant), then the
    `recluster` of a stored database of that size (only its relevant items are clustered)."""
    items = 20_000 if ctx.settings.quick else 100_000
    target = RECLUSTER_S * items / 100_000
    generated = stories_bench.items(items, 365, seed=ctx.settings.seed)
    rules = parse_rules(rules_from_resource(load_resource_rules()))
    told: dict[str, str] = {}
    spent = _timed(lambda: told.update(cluster(generated, rules)))
    work = ctx.workdir("stories-recluster")
    db = big_database(items, ctx.settings.seed, work / "recluster.db")
    with open_store(db) as store:
        stored = _timed(lambda: recluster(store))
        stories = len(store.stories.recent(limit=10**9))
        relevant = len(store.stories.items_since(None))
    return [
        Result(f"cluster {items:,} items into stories", f"{spent:.1f} s CPU", f"< {target:.0f} s",
               verdict(spent < target), f"{len(set(told.values())):,} stories (generated news, one year)"),
        Result(f"  recluster a {items:,}-item database", f"{stored:.1f} s CPU", "", "info",
               f"its {relevant:,} relevant items in {stories:,} stories, stored with their features"),
    ]


def _timed(work: Callable[[], object]) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began


def _fortnight(seed_value: int) -> Path:
    """A cached database of 20,000 relevant items published over the 14 days before NOW."""
    path = CACHE / f"fortnight-{STORED}-s{seed_value}-m{migrations.LATEST}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        build(partial, STORED, seed_value, now=NOW, span=timedelta(days=14), only_relevant=True)
        partial.rename(path)
    return path


def _add_new(store: Store, batch: int) -> None:
    """A poll's worth of new relevant items from a feed of their own, published in the last hours."""
    tagger = tagger_for(store)
    fs = FeedSet(1, 1000 + batch, items_per_feed=NEW)
    feed = store.feeds.add(f"https://new{batch}.example.com/feed", title=f"New {batch}", now=NOW)
    rng = random.Random(batch)
    items = [incoming(item, NOW - timedelta(hours=rng.uniform(0, 6)), tagger)
             for item in _feed_items(fs, 0, NEW, tagger, only_relevant=True)]
    outcome = FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=NOW + timedelta(hours=1),
                          http_status=200)
    store.ingest.store_feed(feed.id, outcome, items, NOW)
