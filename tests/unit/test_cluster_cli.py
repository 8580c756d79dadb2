"""`cluster` and `eval --events`, run as a user runs them: `python -m monitor ...`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "labels"


def _monitor(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "monitor", *args], input=stdin, text=True,
                          capture_output=True, env=env, cwd=ROOT, timeout=60)


def test_cluster_writes_one_story_per_item_in_input_order():
    lines = [
        {"title": "Canada expelling Chinese diplomat over alleged legislator threats",
         "lang": "en", "published": "2023-05-08T19:36:00Z", "outlet": "Al Jazeera"},
        {"title": "Giant pandas return to China from Calgary zoo", "published": "2023-05-09"},
        {"title": "Canada Expels Chinese Diplomat Following Alleged Threat to Lawmaker",
         "summary": "", "lang": "en", "published": "2023-05-08T22:54:00Z"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n"
    result = _monitor("cluster", stdin=stdin)
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line)["story"] for line in result.stdout.splitlines()]
    assert stories == ["1", "2", "1"]  # keys are the line numbers of each story's first item


def test_cluster_names_the_bad_line_and_writes_nothing():
    stdin = json.dumps({"title": "fine"}) + "\n" + json.dumps({"title": "x", "published": 5}) + "\n"
    result = _monitor("cluster", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "python -m monitor: error: stdin line 2: published must be a string"
    ]


def test_eval_events_scores_the_dev_sets_without_false_merges_running_wild():
    result = _monitor("eval", "--events", str(LABELS / "events-dev.jsonl"),
                      "--labels", str(LABELS / "dev.jsonl"),
                      "--labels", str(LABELS / "dev-2024-2026.jsonl"))
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    assert set(rows) == {"dev", "dev-2024-2026", "all"}
    assert rows["all"][1] == "225"
    pair_precision, pair_f1, bcubed_f1 = (float(rows["all"][i]) for i in (2, 4, 10))
    # The floor measured when stories were introduced; the target (pairwise F1 0.80) is
    # not reached yet, so this guards against losing ground rather than proving the target.
    assert pair_precision >= 0.75
    assert pair_f1 >= 0.30
    assert bcubed_f1 > 0.889  # every item alone, the baseline, scores 0.889 on both files together


def test_eval_events_refuses_an_item_without_an_event(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"file": "dev.jsonl", "line": 0, "event": "e"}) + "\n")
    result = _monitor("eval", "--events", str(events), "--labels", str(LABELS / "dev.jsonl"))
    assert result.returncode == 2
    assert "dev.jsonl line 2: no event for it" in result.stderr
