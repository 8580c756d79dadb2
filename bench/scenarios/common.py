"""What every scenario shares: the run's settings, result rows, and how to reach the app."""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parents[2]
Status = Literal["pass", "FAIL", "n/a", "info"]


@dataclass(frozen=True)
class Settings:
    feeds: int = 500
    big_feeds: int = 2000
    seed: int = 1
    repeats: int = 2
    quick: bool = False
    work: Path = Path("/tmp/cc-bench")


@dataclass(frozen=True)
class Result:
    scenario: str
    figure: str  # the measured value as shown
    target: str
    status: Status
    detail: str = ""


@dataclass
class Context:
    """Settings plus what scenarios measured for each other (peers, earlier figures)."""

    settings: Settings
    facts: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def workdir(self, name: str) -> Path:
        path = self.settings.work / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def not_built(scenario: str, target: str, missing: str) -> Result:
    return Result(scenario, "n/a (not built yet)", target, "n/a", f"missing: {missing}")


def verdict(ok: bool) -> Status:
    return "pass" if ok else "FAIL"


def app_env(**extra: str) -> dict[str, str]:
    """The environment the app runs in: no network proxies, our repository importable."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    # A user's Python caches compiled modules; without the cache every start of the
    # app and of each parser process compiles the project anew (about 0.3 s each).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def cc_monitor(db: Path, *args: str) -> list[str]:
    """The command line a user types, with the venv's interpreter."""
    exe = Path(sys.executable).with_name("cc-monitor")
    if exe.exists():
        return [str(exe), "--db", str(db), *args]
    return [sys.executable, "-m", "ui", "--db", str(db), *args]


def prepare_feed_db(db: Path, urls: Sequence[str]) -> None:
    """A seeded database whose feed list is exactly `urls` (the default feeds need the internet)."""
    from db import open_store
    from monitor.seed import seed

    now = datetime.now(UTC)
    with open_store(db) as store:
        seed(store, now)
        for feed in store.feeds.list():
            store.feeds.remove(feed.id)
        for url in urls:
            store.feeds.add(url, now=now)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


Scenario = Callable[[Context], list[Result]]
