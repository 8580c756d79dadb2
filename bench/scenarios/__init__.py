"""The scenarios, in the order a full run takes them."""

from __future__ import annotations

from bench.scenarios import bigdata, digest, gui, poll, poll_scale, stories
from bench.scenarios.common import Scenario

SCENARIOS: dict[str, Scenario] = {
    "poll": poll.run,
    "poll-heavy": poll.run_heavy,
    "poll-real": poll.run_real,
    "poll-one-host": poll.run_one_host,
    "poll-scale": poll_scale.run,
    "retag": bigdata.retag,
    "search": bigdata.search,
    "db-size": bigdata.size,
    "gui-startup": gui.startup,
    "gui-switch": gui.switch,
    "gui-stall": gui.stall,
    "digest": digest.run,
    "stories-assign": stories.assign,
    "stories-recluster": stories.recluster_all,
}
