"""Where a poll's time goes: cProfile of `cc-monitor poll --once --all` and of the parse workers.

The CLI's main process (fetch threads and the writer) is profiled with
`python -m cProfile -o` on the real command, first poll then steady poll; the
parse workers' share (which cProfile in the parent cannot see) is profiled by running
the same pipeline in-process over the same bodies.

    python -m bench.profile_poll [--feeds 500] [--top 25]     # writes bench/results/*.prof
"""

from __future__ import annotations

import argparse
import io
import pstats
import subprocess
import sys
import time
from pathlib import Path

from bench.feedgen import FeedSet
from bench.scenarios.common import REPO, app_env, cc_monitor, prepare_feed_db
from bench.server import RunningServer

RESULTS = REPO / "bench" / "results"


def top(path: Path, n: int, sort: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(n)
    return out.getvalue()


def profile_cli(db: Path, name: str) -> Path:
    prof = RESULTS / f"{name}.prof"
    cmd = cc_monitor(db, "poll", "--once", "--all")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), *cmd[:1], *cmd[1:]],
                   env=app_env(), check=True, stdout=subprocess.DEVNULL)
    print(f"{name}: {time.perf_counter() - start:.2f} s under cProfile -> {prof}")
    return prof


def profile_workers(fs: FeedSet, feeds: int, db: Path) -> Path:
    """The parse + tag pipeline a worker runs, over `feeds` bodies, in this process."""
    import cProfile

    from db import open_store
    from monitor.pipeline import Pipeline
    from monitor.retag import tagger_for

    with open_store(db) as store:
        pipeline = Pipeline(tagger_for(store))
    bodies = [(fs.body(i, 0), fs.path(i)) for i in range(feeds)]
    headers = {"content-type": "application/xml; charset=utf-8"}
    prof = RESULTS / "workers.prof"
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for body, path in bodies:
        pipeline.process(body, headers, f"http://127.0.0.1{path}")
    profiler.disable()
    elapsed = time.perf_counter() - start
    profiler.dump_stats(str(prof))
    print(f"workers: {feeds} feeds in {elapsed:.2f} s under cProfile ({elapsed / feeds * 1000:.1f} ms/feed)")
    return prof


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cc-bench/profile"))
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / "profile.db"
    for old in args.work.glob("profile.db*"):
        old.unlink()
    fs = FeedSet(args.feeds, args.seed)
    with RunningServer(args.feeds, args.seed) as server:
        prepare_feed_db(db, server.feed_urls(fs))
        first = profile_cli(db, "poll-first")
        subprocess.run(cc_monitor(db, "poll", "--once", "--all"), env=app_env(), check=True,
                       stdout=subprocess.DEVNULL)
        server.set_round(1)
        steady = profile_cli(db, "poll-steady")
    workers = profile_workers(fs, min(args.feeds, 100), db)
    for prof in (first, steady, workers):
        print(f"\n===== {prof.name}: by own time")
        print(top(prof, args.top, "tottime"))
        print(f"===== {prof.name}: by cumulative time")
        print(top(prof, args.top, "cumulative"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
