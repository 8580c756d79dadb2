"""The steady poll at 2,000 feeds against 500: cost may grow with the changed feeds, no faster.

At 2,000 feeds 10% is 200 changed feeds against 50, and the database holds four
times the items; a poll that loaded every stored item (or every feed's history)
would grow faster than the changed feeds, and its peak memory would grow with the
database instead of staying flat.
"""

from __future__ import annotations

from bench.scenarios.common import Context, Result, fmt_s, not_built, verdict
from bench.scenarios.poll import measure_pollers
from bench.scenarios.pollers import AppPoller

# Peak memory may grow this much from a database four times the size; more means something
# in the poll holds every stored item (or every guid) at once.
MEMORY_GROWTH = 1.25


def run(ctx: Context) -> list[Result]:
    small, big = ctx.settings.feeds, ctx.settings.big_feeds
    name = f"steady poll, {big} feeds vs {small}"
    missing = AppPoller.available()
    if missing:
        return [not_built(name, "grows no faster than the changed feeds", missing)]
    repeats = max(1, ctx.settings.repeats - 1)
    if "steady_500_wall" not in ctx.facts:
        base = measure_pollers(ctx, small, [AppPoller], repeats)["app"]
        ctx.facts.update({"steady_500_wall": base.wall("steady"), "steady_500_cpu": base.cpu("steady"),
                          "steady_500_peak": base.peak("steady")})
    app = measure_pollers(ctx, big, [AppPoller], repeats)["app"]
    changed = round(big * 0.1) / max(1, round(small * 0.1))
    wall_ratio = app.wall("steady") / ctx.facts["steady_500_wall"]
    cpu_ratio = app.cpu("steady") / ctx.facts["steady_500_cpu"]
    mem_ratio = app.peak("steady") / ctx.facts["steady_500_peak"]
    return [
        Result(name + ": wall", f"x{wall_ratio:.2f} ({fmt_s(app.wall('steady'))})",
               f"<= x{changed:.1f} (changed feeds)", verdict(wall_ratio <= changed),
               f"CPU x{cpu_ratio:.2f}; {app.summary('steady')}"),
        Result(name + ": peak memory", f"x{mem_ratio:.2f} ({app.peak('steady'):.0f} MB)",
               f"<= x{MEMORY_GROWTH} (4x the stored items)", verdict(mem_ratio <= MEMORY_GROWTH),
               f"first poll of {big}: {app.summary('first')}"),
    ]
