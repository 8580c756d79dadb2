"""The programs that poll the benchmark feeds: the app as users run it, and its peers.

Each starts from nothing with `reset()` and polls every feed once with `poll()`,
as a separate process measured by bench.measure.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.measure import Run, run_measured
from bench.scenarios.common import REPO, app_env, cc_monitor, has_module, prepare_feed_db

NEWSBOAT_CONFIG = """\
reload-threads 16
download-timeout 60
max-items 0
"""


class AppPoller:
    name = "app"

    def __init__(self, work: Path, urls: Sequence[str]) -> None:
        self.work, self.urls = work, list(urls)
        self.db = work / "app.db"

    @staticmethod
    def available() -> str | None:
        """None when it can run, else what is missing."""
        if not has_module("monitor.poller") or not has_module("monitor.cli.poll"):
            return "monitor/poller.py and the poll command"
        return None

    def reset(self) -> None:
        for path in self.work.glob("app.db*"):
            path.unlink()
        prepare_feed_db(self.db, self.urls)

    def poll(self) -> Run:
        return run_measured(cc_monitor(self.db, "poll", "--once", "--all"), env=app_env(), cwd=self.work)


class NewsboatPoller:
    name = "newsboat"

    def __init__(self, work: Path, urls: Sequence[str]) -> None:
        self.dir = work / "newsboat"
        self.urls = list(urls)

    @staticmethod
    def available() -> str | None:
        return None if shutil.which("newsboat") else "newsboat (apt-get install newsboat)"

    def reset(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        (self.dir / "urls").write_text("\n".join(self.urls) + "\n")
        (self.dir / "config").write_text(NEWSBOAT_CONFIG)

    def poll(self) -> Run:
        d = self.dir
        cmd = ["newsboat", "-q", "-x", "reload", "-u", str(d / "urls"), "-c", str(d / "cache.db"),
               "-C", str(d / "config")]
        return run_measured(cmd, env=app_env(HOME=str(d), TERM="dumb"), cwd=d)


class FloorPoller:
    name = "floor"

    def __init__(self, work: Path, urls: Sequence[str]) -> None:
        self.dir = work / "floor"
        self.urls = list(urls)

    @staticmethod
    def available() -> str | None:
        return None

    def reset(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        (self.dir / "urls").write_text("\n".join(self.urls) + "\n")

    def poll(self) -> Run:
        cmd = [sys.executable, "-m", "bench.floor", "--urls", str(self.dir / "urls"),
               "--db", str(self.dir / "floor.db")]
        return run_measured(cmd, env=app_env(), cwd=REPO)


PEERS = (NewsboatPoller, FloorPoller)
