"""Run the benchmarks and print one table: scenario, figure, target, pass or fail.

    python bench/run.py                       # everything, 500 and 2,000 feeds, two repeats
    python bench/run.py --quick               # one repeat, smaller big databases
    python bench/run.py --only poll --feeds 100 --seed 2

Results also go to bench/results/last.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scenarios import SCENARIOS  # noqa: E402
from bench.scenarios.common import Context, Result, Settings  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> str:
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return (f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
            f"{mem_kb / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def table(results: list[Result]) -> str:
    rows = [("scenario", "figure", "target", "result")]
    rows += [(r.scenario, r.figure, r.target, r.status) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Canada–China Monitor benchmarks")
    parser.add_argument("--feeds", type=int, default=500, help="feeds in the poll scenarios (500)")
    parser.add_argument("--big-feeds", type=int, default=2000, help="feeds in the scaling scenario (2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=0, help="runs per figure (2; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="one repeat; big databases of 20,000 items")
    parser.add_argument("--only", action="append", choices=sorted(SCENARIOS), metavar="SCENARIO",
                        help=f"run only these (repeatable): {', '.join(SCENARIOS)}")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cc-bench"), help="scratch folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = Settings(feeds=args.feeds, big_feeds=args.big_feeds, seed=args.seed,
                        repeats=args.repeats or (1 if args.quick else 2), quick=args.quick, work=args.work)
    ctx = Context(settings)
    print(f"machine: {machine()}", flush=True)
    results: list[Result] = []
    for name in args.only or list(SCENARIOS):
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        try:
            found = SCENARIOS[name](ctx)
        except Exception as exc:  # one broken scenario must not hide the others' figures
            traceback.print_exc()
            found = [Result(name, "error", "", "FAIL", f"{type(exc).__name__}: {exc}")]
        for r in found:
            print(f"   {r.scenario}: {r.figure} [{r.status}] {r.detail}", flush=True)
        print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)
        results.extend(found)
    print()
    print(table(results))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "last.json").write_text(json.dumps(
        {"machine": machine(), "settings": {**asdict(settings), "work": str(settings.work)},
         "when": time.strftime("%Y-%m-%d %H:%M:%S"), "results": [asdict(r) for r in results],
         "notes": ctx.notes}, indent=2, ensure_ascii=False))
    return 1 if any(r.status == "FAIL" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
