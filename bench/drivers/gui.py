"""Drives the real desktop app (ui.app.run_app) offscreen and prints what it measured as JSON.

It starts the app exactly as `cc-monitor --db PATH` does, with one addition: a timer
on the GUI thread that watches the main window and, when the moment comes, measures
and exits. Run by bench/scenarios/gui.py in a subprocess with QT_QPA_PLATFORM=offscreen.

    python -m bench.drivers.gui startup --db X --t0 T [--linger S]   # process start to usable list
    python -m bench.drivers.gui switch --db X --t0 T                 # time to show each issue
    python -m bench.drivers.gui stall --db X --t0 T                  # GUI thread lateness while polling
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10
TIMEOUT_S = 900


def emit(payload: dict[str, Any]) -> None:
    """Print the result and leave at once: tearing the app down is not what is measured."""
    print("RESULT " + json.dumps(payload), flush=True)
    os._exit(0)


def main_window() -> Any:  # noqa: ANN401 - whatever the app's window class is
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            return widget
    return None


def list_ready(window: Any) -> bool:  # noqa: ANN401
    model = getattr(window, "model", None)
    return model is not None and model.rowCount() > 0


class Startup:
    """Process start to the main window shown with rows in its article list."""

    def __init__(self, t0: float, linger: float) -> None:
        self.t0, self.linger = t0, linger
        self.ready_at: float | None = None

    def tick(self) -> None:
        window = main_window()
        if self.ready_at is None:
            if window is not None and list_ready(window):
                self.ready_at = time.time()
            return
        # Linger so that work the window defers (counts, timeline) shows in the peak memory.
        if time.time() - self.ready_at >= self.linger:
            emit({"startup_s": self.ready_at - self.t0, "rows": window.model.rowCount(),
                  "rss_mb": rss_mb()})


class Switch:
    """Selecting each tracked issue in the sidebar until the list shows its first page."""

    ROUNDS = 3

    def __init__(self) -> None:
        self.done = False

    def tick(self) -> None:
        window = main_window()
        if self.done or window is None or not list_ready(window):
            return
        self.done = True
        from ui.filters import Scope

        slugs = [issue.slug for issue in window.store.issues.list()]
        times: dict[str, list[float]] = {slug: [] for slug in slugs}
        for _ in range(self.ROUNDS):
            for slug in slugs:
                times[slug].append(switch_to(window, Scope("issue", slug), slug))
            switch_to(window, Scope(), None)
        emit({"switch_s": times, "rows": {s: window.model.rowCount() for s in slugs[-1:]}})


def switch_to(window: Any, scope: Any, slug: str | None) -> float:  # noqa: ANN401
    """Select `scope` as a click on the sidebar would; seconds until its rows are shown."""
    app = QApplication.instance()
    clock = QElapsedTimer()
    clock.start()
    window.sidebar.select(scope)
    while not (window.model.query.issue == slug and window.model.rowCount() > 0):
        app.processEvents()
        if clock.elapsed() > TIMEOUT_S * 1000:
            raise TimeoutError(f"the list never showed {slug}")
    app.processEvents()  # the repaint the user waits for
    window.articles.repaint()
    return clock.nsecsElapsed() / 1e9


class Stall:
    """How late a 10 ms timer on the GUI thread fires while the app's poll worker polls."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.on_tick)
        self.last = 0.0
        self.lateness: list[float] = []
        self.polling = False
        self.hooked = False
        self.started = time.perf_counter()
        self.summary = ""

    def tick(self) -> None:
        window = main_window()
        if self.hooked or window is None:
            return
        self.hooked = True
        poller = window.polling.poller
        poller.poll_started.connect(self.on_started)
        window.polling.poll_done.connect(self.on_done)
        poller.poll_failed.connect(lambda message: emit({"error": message}))
        # The window starts its first poll while it is built, before this hook runs.
        self.polling = poller.busy
        self.timer.start()

    def on_started(self) -> None:
        self.polling = True
        self.started = time.perf_counter()
        self.lateness.clear()

    def on_tick(self) -> None:
        now = time.perf_counter()
        if self.last and self.polling:
            self.lateness.append(max(0.0, now - self.last - TICK_MS / 1000))
        self.last = now

    def on_done(self, summary: Any) -> None:  # noqa: ANN401
        late = sorted(self.lateness) or [0.0]
        emit({"max_late_s": late[-1], "p99_late_s": late[int(0.99 * (len(late) - 1))],
              "median_late_s": statistics.median(late), "ticks": len(late),
              "over_100ms": sum(1 for x in late if x > 0.1),
              "poll_s": time.perf_counter() - self.started, "summary": summary.line(), "rss_mb": rss_mb()})


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("startup", "switch", "stall"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--t0", type=float, default=time.time())
    parser.add_argument("--linger", type=float, default=2.0)
    args = parser.parse_args()
    from ui.app import create_application, run_app

    app = create_application()
    probes = {"startup": lambda: Startup(args.t0, args.linger), "switch": Switch, "stall": Stall}
    probe: Any = probes[args.mode]()
    watcher = QTimer(app)
    watcher.timeout.connect(probe.tick)
    watcher.start(1)
    QTimer.singleShot(TIMEOUT_S * 1000, lambda: emit({"error": f"timed out after {TIMEOUT_S} s"}))
    code = run_app(args.db)
    emit({"error": f"the app exited ({code}) before the measure was taken"})
    return 1


if __name__ == "__main__":
    sys.exit(main())
