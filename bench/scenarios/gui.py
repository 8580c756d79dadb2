"""The desktop app, run offscreen in a subprocess by bench/drivers/gui.py: start-up, memory,
switching to an issue, and how long the GUI thread stalls while a poll runs."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.bigdb import big_database
from bench.feedgen import FeedSet
from bench.measure import Run, run_measured
from bench.scenarios.bigdata import big_items
from bench.scenarios.common import (
    REPO,
    Context,
    Result,
    app_env,
    fmt_s,
    has_module,
    median,
    not_built,
    prepare_feed_db,
    verdict,
)
from bench.server import RunningServer

STARTUP_S = 2.0
MEMORY_MB = 400.0
SWITCH_S = 0.200
STALL_S = 0.100


def gui_available() -> str | None:
    try:
        import PySide6  # noqa: F401
    except ImportError:
        return "PySide6"
    if not (has_module("ui.app") and has_module("ui.main_window")):
        return "ui.app and ui.main_window"
    return None


def drive(mode: str, db: Path, home: Path, *extra: str) -> tuple[dict[str, Any], Run]:
    """Run the app under the driver; its RESULT line and the measured run."""
    env = app_env(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                  XDG_DATA_HOME=str(home / ".local/share"), XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    cmd = [sys.executable, "-m", "bench.drivers.gui", mode, "--db", str(db), "--t0", str(time.time()), *extra]
    run = run_measured(cmd, env=env, cwd=REPO)
    lines = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        raise RuntimeError(f"the GUI driver ({mode}) printed no result: " + run.stderr.strip()[-400:])
    data = json.loads(lines[-1][len("RESULT "):])
    if "error" in data:
        raise RuntimeError(f"GUI driver ({mode}): {data['error']}")
    return data, run


def startup(ctx: Context) -> list[Result]:
    n = big_items(ctx)
    name, mem_name = f"open the app on {n:,} items until the list is usable", f"app memory with {n:,} items"
    missing = gui_available()
    if missing:
        return [not_built(name, f"< {STARTUP_S:.0f} s", missing),
                not_built(mem_name, f"< {MEMORY_MB:.0f} MB", missing)]
    work = ctx.workdir("gui-startup")
    db = big_database(n, ctx.settings.seed, work / "big.db")
    drive("startup", db, work / "home", "--linger", "0")  # warm the disk cache and .pyc files
    results = []
    for _ in range(ctx.settings.repeats + 1):
        data, run = drive("startup", db, work / "home")
        results.append((data, run))
        print(f"    start-up: {fmt_s(data['startup_s'])}, peak RSS {run.peak_rss_mb:.0f} MB", flush=True)
    wall = median([d["startup_s"] for d, _ in results])
    peak = max(r.peak_rss_mb for _, r in results)
    return [
        Result(name, fmt_s(wall), f"< {STARTUP_S:.0f} s", verdict(wall < STARTUP_S),
               f"process start to window shown with {results[-1][0]['rows']} rows; median of {len(results)}"),
        Result(mem_name, f"{peak:.0f} MB", f"< {MEMORY_MB:.0f} MB", verdict(peak < MEMORY_MB),
               f"peak RSS over start-up and 2 s idle; PSS {max(r.peak_pss_mb for _, r in results):.0f} MB"),
    ]


def switch(ctx: Context) -> list[Result]:
    n = big_items(ctx)
    name = f"switch the list to one tracked issue, {n:,} items"
    missing = gui_available()
    if missing:
        return [not_built(name, f"< {SWITCH_S * 1000:.0f} ms", missing)]
    work = ctx.workdir("gui-switch")
    db = big_database(n, ctx.settings.seed, work / "big.db")
    data, _ = drive("switch", db, work / "home")
    per_issue = data["switch_s"]
    worst = max(per_issue, key=lambda s: median(per_issue[s]))
    samples = [t for ts in per_issue.values() for t in ts]
    detail = "; ".join(f"{slug} {fmt_s(median(ts))}" for slug, ts in per_issue.items())
    return [Result(name, f"{fmt_s(median(per_issue[worst]))} (slowest issue, median)",
                   f"< {SWITCH_S * 1000:.0f} ms", verdict(median(per_issue[worst]) < SWITCH_S),
                   f"max of all {fmt_s(max(samples))}; medians: {detail}")]


def stall(ctx: Context) -> list[Result]:
    feeds = ctx.settings.feeds
    name = f"GUI thread stall during a {feeds}-feed poll"
    missing = gui_available() or (None if has_module("monitor.poller") else "monitor/poller.py")
    if missing or not has_module("ui.poll_worker"):
        return [not_built(name, f"max < {STALL_S * 1000:.0f} ms", missing or "ui/poll_worker.py")]
    work = ctx.workdir("gui-stall")
    fs = FeedSet(feeds, ctx.settings.seed)
    with RunningServer(feeds, ctx.settings.seed) as server:
        prepare_feed_db(work / "stall.db", server.feed_urls(fs))
        data, run = drive("stall", work / "stall.db", work / "home")
    return [Result(name, f"max {fmt_s(data['max_late_s'])}", f"max < {STALL_S * 1000:.0f} ms",
                   verdict(data["max_late_s"] < STALL_S),
                   f"10 ms timer, {data['ticks']} ticks over a {fmt_s(data['poll_s'])} first poll: "
                   f"p99 {fmt_s(data['p99_late_s'])}, {data['over_100ms']} ticks over 100 ms; "
                   f"peak RSS {run.peak_rss_mb:.0f} MB; {data['summary']}")]
