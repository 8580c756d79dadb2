"""First poll and steady poll of N local feeds, the app side by side with newsboat and the floor.

One round of the protocol, for every poller in turn (the order alternates between
repeats so that drift on a shared machine does not favour one):
  1. first poll: an empty database, every feed answers 200 (measured);
  2. warm-up poll: nothing changed, so validators get stored (newsboat keeps them
     only from its second poll on; not measured);
  3. the server moves on a round: 10% of the feeds gain items, the rest answer 304;
  4. steady poll (measured).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from bench.measure import Run
from bench.scenarios.common import Context, Result, fmt_s, median, not_built, verdict
from bench.scenarios.pollers import PEERS, AppPoller
from bench.server import RunningServer, feed_set

FIRST_VS_NEWSBOAT = 0.8
STEADY_VS_NEWSBOAT = 0.15
STEADY_CPU_S = 1.5  # for 500 feeds, on every shape
FIRST_PEAK_MB = 250.0


@dataclass
class Measured:
    first: list[Run] = field(default_factory=list)
    steady: list[Run] = field(default_factory=list)
    first_http: list[dict[str, int]] = field(default_factory=list)
    steady_http: list[dict[str, int]] = field(default_factory=list)

    def wall(self, kind: str) -> float:
        return median([r.wall for r in getattr(self, kind)])

    def cpu(self, kind: str) -> float:
        return median([r.cpu for r in getattr(self, kind)])

    def peak(self, kind: str) -> float:
        return max((r.peak_rss_mb for r in getattr(self, kind)), default=float("nan"))

    def peak_pss(self, kind: str) -> float:
        return max((r.peak_pss_mb for r in getattr(self, kind)), default=float("nan"))

    def summary(self, kind: str) -> str:
        http = getattr(self, f"{kind}_http")[-1] if getattr(self, f"{kind}_http") else {}
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(http.items()) if k != "bytes_sent")
        return (f"wall {fmt_s(self.wall(kind))}, CPU {fmt_s(self.cpu(kind))}, "
                f"peak RSS {self.peak(kind):.0f} MB (PSS {self.peak_pss(kind):.0f}); HTTP {codes}")


def measure_pollers(
    ctx: Context, feeds: int, pollers: list[type], repeats: int, *, shape: str = "news", hosts: int = 0
) -> dict[str, Measured]:
    fs = feed_set(shape, feeds, ctx.settings.seed)
    work = ctx.workdir(f"poll-{shape}-{feeds}-{hosts}")
    out: dict[str, Measured] = defaultdict(Measured)
    with RunningServer(feeds, ctx.settings.seed, hosts, shape) as server:
        urls = server.feed_urls(fs)
        tools = [cls(work, urls) for cls in pollers]
        r = 0
        for rep in range(repeats):
            order = tools if rep % 2 == 0 else tools[::-1]
            server.set_round(r)
            for tool in order:
                tool.reset()
                server.take_stats()
                run = tool.poll().check(f"{tool.name} first poll")
                out[tool.name].first.append(run)
                out[tool.name].first_http.append(server.take_stats())
                print(f"    {tool.name} first poll of {feeds}: {fmt_s(run.wall)}", flush=True)
                tool.poll().check(f"{tool.name} warm-up poll")
            r += 1
            server.set_round(r)
            for tool in order:
                server.take_stats()
                run = tool.poll().check(f"{tool.name} steady poll")
                out[tool.name].steady.append(run)
                out[tool.name].steady_http.append(server.take_stats())
                print(f"    {tool.name} steady poll of {feeds}: {fmt_s(run.wall)}", flush=True)
            r += 1
    return out


def run(ctx: Context) -> list[Result]:
    """bench.feedgen's news, about four feeds to a host."""
    return _run_shape(ctx, "news", 0, "")


def run_heavy(ctx: Context) -> list[Result]:
    """bench.feedshapes' heavy mix (full text, media, categories), about four feeds to a host."""
    return _run_shape(ctx, "heavy", 0, "heavy mix ")


def run_real(ctx: Context) -> list[Result]:
    """The real outlets' files replayed at N URLs, about four to a host."""
    return _run_shape(ctx, "real", 0, "real feeds ")


def run_one_host(ctx: Context) -> list[Result]:
    """The heavy mix with every feed on 127.0.0.1: the per-host connection limit decides."""
    return _run_shape(ctx, "heavy", 1, "one host, heavy mix ")


def _run_shape(ctx: Context, shape: str, hosts: int, label: str) -> list[Result]:
    n = ctx.settings.feeds
    first_name, steady_name = f"{label}first poll, {n} feeds", f"{label}steady poll, {n} feeds (10% changed)"
    missing = AppPoller.available()
    if missing:
        return [not_built(first_name, "<= 0.8 x newsboat; <= 250 MB", missing),
                not_built(steady_name, "<= 0.15 x newsboat, < floor", missing)]
    peers = [p for p in PEERS if p.available() is None]
    m = measure_pollers(ctx, n, [AppPoller, *peers], ctx.settings.repeats, shape=shape, hosts=hosts)
    app = m["app"]
    if shape == "news" and not hosts:
        ctx.facts.update({"steady_500_wall": app.wall("steady"), "steady_500_cpu": app.cpu("steady"),
                          "steady_500_peak": app.peak("steady"), "first_500_wall": app.wall("first")})
    results = [_first(first_name, app, m), _memory(n, app, label), _steady(steady_name, app, m, n)]
    for peer in peers:
        pm = m[peer.name]
        results.append(Result(f"  {label}peer {peer.name}: first poll", fmt_s(pm.wall("first")), "", "info",
                              pm.summary("first")))
        results.append(Result(f"  {label}peer {peer.name}: steady poll", fmt_s(pm.wall("steady")), "", "info",
                              pm.summary("steady")))
    return results


def _first(name: str, app: Measured, m: dict[str, Measured]) -> Result:
    wall = app.wall("first")
    if "newsboat" not in m:
        return Result(name, fmt_s(wall), "<= 0.8 x newsboat", "n/a", "newsboat is not installed")
    ref = m["newsboat"].wall("first")
    return Result(name, f"{fmt_s(wall)} = {wall / ref:.2f} x newsboat (CPU {fmt_s(app.cpu('first'))})",
                  f"<= {FIRST_VS_NEWSBOAT} x newsboat ({fmt_s(ref)})",
                  verdict(wall <= FIRST_VS_NEWSBOAT * ref), app.summary("first"))


def _memory(n: int, app: Measured, label: str = "") -> Result:
    peak = app.peak("first")
    return Result(f"{label}first poll, {n} feeds: peak memory (process tree)", f"{peak:.0f} MB",
                  f"<= {FIRST_PEAK_MB:.0f} MB", verdict(peak <= FIRST_PEAK_MB),
                  f"sum of VmRSS over the tree; PSS {app.peak_pss('first'):.0f} MB")


def _steady(name: str, app: Measured, m: dict[str, Measured], feeds: int) -> Result:
    wall = app.wall("steady")
    cpu_limit = STEADY_CPU_S * feeds / 500
    checks, targets, ratios = [app.cpu("steady") <= cpu_limit], [f"CPU <= {fmt_s(cpu_limit)}"], []
    if "newsboat" in m:
        ref = m["newsboat"].wall("steady")
        checks.append(wall <= STEADY_VS_NEWSBOAT * ref)
        targets.append(f"<= {STEADY_VS_NEWSBOAT} x newsboat ({fmt_s(ref)})")
        ratios.append(f"{wall / ref:.2f} x newsboat")
    floor = m["floor"].wall("steady")
    checks.append(wall < floor)
    targets.append(f"< floor ({fmt_s(floor)})")
    ratios.append(f"{wall / floor:.2f} x floor")
    return Result(name, f"{fmt_s(wall)} = " + ", ".join(ratios) + f" (CPU {fmt_s(app.cpu('steady'))})",
                  " and ".join(targets), verdict(all(checks)), app.summary("steady"))
