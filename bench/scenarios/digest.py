"""`cc-monitor digest --since 7d` over 5,000 tagged items, as HTML and as PDF."""

from __future__ import annotations

from datetime import timedelta

from bench.bigdb import build
from bench.measure import run_measured
from bench.scenarios.common import Context, Result, app_env, cc_monitor, fmt_s, has_module, median, verdict

ITEMS = 5_000
TARGETS = {"html": 2.0, "pdf": 10.0}


def run(ctx: Context) -> list[Result]:
    names = {fmt: f"digest of {ITEMS:,} items, {fmt.upper()}" for fmt in TARGETS}
    if not has_module("monitor.cli.digest"):
        return [Result(names[f], "n/a (not built yet)", f"< {t:.0f} s", "n/a", "missing: the digest command")
                for f, t in TARGETS.items()]
    work = ctx.workdir("digest")
    # Built fresh, not cached: "the last 7 days" moves with the clock. 6.5 days leaves
    # room for the time the build itself takes.
    db = build(work / "digest.db", ITEMS, ctx.settings.seed, span=timedelta(days=6.5), only_relevant=True)
    results = []
    for fmt, target in TARGETS.items():
        out = work / f"digest.{fmt}"
        env = app_env(QT_QPA_PLATFORM="offscreen", HOME=str(work))
        runs = [run_measured(cc_monitor(db, "digest", "--since", "7d", "--format", fmt, "-o", str(out)),
                             env=env, cwd=work).check(f"digest {fmt}") for _ in range(ctx.settings.repeats)]
        wall = median([r.wall for r in runs])
        print(f"    digest {fmt}: {fmt_s(wall)}", flush=True)
        size_kb = out.stat().st_size / 1024 if out.exists() else 0
        results.append(Result(names[fmt], fmt_s(wall), f"< {target:.0f} s", verdict(wall < target),
                              f"{size_kb:.0f} KB written; CPU {fmt_s(median([r.cpu for r in runs]))}, "
                              f"peak RSS {max(r.peak_rss_mb for r in runs):.0f} MB"))
    return results
