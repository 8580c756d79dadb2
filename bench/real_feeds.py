"""The parse pipeline's CPU on the real outlets' feeds, feed by feed, against a bare `feedparser.parse`.

For each file under ../shared/data/feeds (or --feeds DIR): CPU of a bare
`feedparser.parse` of the bytes, CPU of the whole pipeline (parse, clean, language,
tag, moves: `Pipeline.process`, as a parser process runs it), their ratio, and
how many entries the fast reader took; for the entries it left to feedparser, why
(the first element or attribute it does not reproduce). Medians of --repeats runs.

    python -m bench.real_feeds [--feeds DIR] [--repeats 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from bench.scenarios.common import REPO

FEEDS = REPO.parent / "shared" / "data" / "feeds"
HEADERS = {"content-type": "application/xml"}


def cpu(fn: Callable[[], object], repeats: int) -> float:
    """Median CPU seconds of `fn()` over `repeats` runs (process time: other load does not count)."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def pipeline_for_bench():  # noqa: ANN201 - monitor.pipeline.Pipeline, imported late
    """The pipeline with the seeded rules, as a poll builds it."""
    from db import open_store
    from monitor.pipeline import Pipeline
    from monitor.retag import tagger_for
    from monitor.seed import seed

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "rules.db") as store:
        seed(store, datetime.now(UTC))
        return Pipeline(tagger_for(store))


def fast_share(body: bytes, url: str) -> tuple[int, int, str]:
    """(entries the fast reader took, entries in all, why the others were not)."""
    from monitor.entry_split import entry_spans
    from monitor.fast_entries import read_entries, why_not_read
    from monitor.parse import _prepare

    data = _prepare(body, HEADERS)[0]
    spans = entry_spans(data)
    read = read_entries(data, url)
    if spans is None or read is None:
        return 0, len(spans or ()), "whole document: " + why_not_read(data, url)
    taken = sum(v is not None for v in read.values())
    return taken, len(spans), why_not_read(data, url) if taken < len(spans) else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=Path, default=FEEDS)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile of the pipeline over all files")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.feeds.iterdir() if p.suffix == ".xml")
    if not files:
        print(f"no .xml files in {args.feeds}", file=sys.stderr)
        return 2
    pipeline = pipeline_for_bench()
    rows = []
    total_fp = total_pipe = 0.0
    for path in files:
        body = path.read_bytes()
        url = f"https://feeds.example.com/{path.stem}"
        pipeline.process(body, HEADERS, url)  # warm caches (language model, nh3 cleaners)
        given = {**HEADERS, "content-location": url}
        fp = cpu(lambda b=body, h=given: feedparser.parse(io.BytesIO(b), response_headers=h), args.repeats)
        pipe = cpu(lambda b=body, u=url: pipeline.process(b, HEADERS, u), args.repeats)
        fast, entries, why = fast_share(body, url)
        total_fp += fp
        total_pipe += pipe
        rows.append((path.name, len(body) // 1024, entries, fast, fp * 1000, pipe * 1000, pipe / fp, why))
    print(f"{'file':28} {'KB':>4} {'items':>5} {'fast':>4} {'feedparser ms':>13} {'pipeline ms':>11} "
          f"{'ratio':>5}  left to feedparser")
    for name, kb, entries, fast, fp, pipe, ratio, why in rows:
        print(f"{name:28} {kb:4d} {entries:5d} {fast:4d} {fp:13.2f} {pipe:11.2f} {ratio:5.2f}  {why}")
    n = len(rows)
    print(f"{'all ' + str(n) + ' files':28} {'':4} {sum(r[2] for r in rows):5d} {sum(r[3] for r in rows):4d} "
          f"{total_fp * 1000:13.1f} {total_pipe * 1000:11.1f} {total_pipe / total_fp:5.2f}")
    print(f"per feed: feedparser {total_fp / n * 1000:.1f} ms, pipeline {total_pipe / n * 1000:.1f} ms")
    if args.profile:
        bodies = [(p.read_bytes(), f"https://feeds.example.com/{p.stem}") for p in files]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(3):
            for body, url in bodies:
                pipeline.process(body, HEADERS, url)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(30)
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(40)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
