"""Scenarios on big databases: retag, full-text search, database size."""

from __future__ import annotations

import json
import sys

from bench.bigdb import big_database, cached_path
from bench.measure import run_measured
from bench.scenarios.common import (
    REPO,
    Context,
    Result,
    app_env,
    cc_monitor,
    fmt_s,
    has_module,
    median,
    not_built,
    p95,
    verdict,
)

RETAG_S = 30.0
SEARCH_P95_S = 0.100


def retag_items(ctx: Context) -> int:
    return 20_000 if ctx.settings.quick else 100_000


def big_items(ctx: Context) -> int:
    return 20_000 if ctx.settings.quick else 200_000


def retag(ctx: Context) -> list[Result]:
    n = retag_items(ctx)
    name = f"retag of {n:,} stored items"
    if not has_module("monitor.cli.retag"):
        return [not_built(name, f"< {RETAG_S:.0f} s", "the retag command")]
    work = ctx.workdir("retag")
    runs = []
    for _ in range(ctx.settings.repeats):
        db = big_database(n, ctx.settings.seed, work / "retag.db")
        runs.append(run_measured(cc_monitor(db, "retag"), env=app_env(), cwd=work).check("retag"))
        print(f"    retag: {fmt_s(runs[-1].wall)}", flush=True)
    wall = median([r.wall for r in runs])
    return [Result(name, fmt_s(wall), f"< {RETAG_S:.0f} s", verdict(wall < RETAG_S),
                   f"{wall / n * 1e6:.0f} µs/item; CPU {fmt_s(median([r.cpu for r in runs]))}, "
                   f"peak RSS {max(r.peak_rss_mb for r in runs):.0f} MB; {runs[-1].stdout.strip()[:120]}")]


def search(ctx: Context) -> list[Result]:
    n = big_items(ctx)
    work = ctx.workdir("search")
    db = big_database(n, ctx.settings.seed, work / "search.db")
    out = []
    for all_items in (False, True):
        cmd = [sys.executable, "-m", "bench.drivers.search", "--db", str(db)]
        run = run_measured(cmd + (["--all-items"] if all_items else []), env=app_env(), cwd=REPO)
        data = json.loads(run.check("search driver").stdout)
        samples = [t for ts in data["times"].values() for t in ts]
        slowest = max(data["times"], key=lambda q: median(data["times"][q]))
        detail = (f"{len(data['times'])} queries x {len(data['times'][slowest])}: median "
                  f"{fmt_s(median(samples))}, max {fmt_s(max(samples))}; slowest '{slowest}' "
                  f"{fmt_s(median(data['times'][slowest]))} ({data['hits'][slowest]} rows on page 1)")
        figure = f"p95 {fmt_s(p95(samples))}"
        if all_items:
            out.append(Result(f"  search incl. items not relevant, {n:,}", figure, "", "info", detail))
        else:
            out.append(Result(f"full-text search over {n:,} items (first page)", figure,
                              f"p95 < {SEARCH_P95_S * 1000:.0f} ms", verdict(p95(samples) < SEARCH_P95_S),
                              detail))
    return out


def size(ctx: Context) -> list[Result]:
    n = big_items(ctx)
    path = cached_path(n, ctx.settings.seed)
    if not path.exists():
        big_database(n, ctx.settings.seed, ctx.workdir("size") / "size.db")
    mb = path.stat().st_size / 1024 / 1024
    return [Result("database size per 100,000 items", f"{mb / n * 100_000:.0f} MB", "reported", "info",
                   f"{mb:.0f} MB for {n:,} items (summaries as HTML and plain text, full-text index, tags)")]
