"""`classify` and `eval`, run as a user runs them: `python -m monitor ...` in a subprocess."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.cli import classify as classify_cli

ROOT = Path(__file__).resolve().parents[2]

RULES_TOML = """\
version = 1

[relevance]
threshold = 1.0

[[relevance.groups]]
name = "whales"
terms = ["whale*"]

[[issues]]
slug = "sighting"
name = "Sightings"

[issues.rules]
threshold = 1.0

[[issues.rules.groups]]
name = "seen"
terms = ["seen", "spotted"]
"""


def run(args: list[str], stdin: bytes = b"", tmp_path: Path | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if tmp_path is not None:
        env["MONITOR_DB"] = str(tmp_path / "monitor.db")
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=60,
    )


def lines(*items: object) -> bytes:
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items).encode()


def test_register_adds_classify_and_eval_with_their_handlers():
    parser = argparse.ArgumentParser()
    classify_cli.register(parser.add_subparsers(dest="command"))
    assert parser.parse_args(["classify"]).func is classify_cli.run_classify
    args = parser.parse_args(["eval", "--labels", "x.jsonl", "--rules", "r.toml"])
    assert args.func is classify_cli.run_eval
    assert (args.labels, args.rules) == ([Path("x.jsonl")], Path("r.toml"))


def test_classify_writes_one_judgement_per_item_in_the_same_order(tmp_path):
    items = [
        {"title": "Canada imposes a 100% tariff on Chinese-made electric vehicles",
         "summary": "Ottawa matches U.S. duties on imports from China."},
        {"title": "China finish fourth at World Men's Curling Championship in Canada"},
        {"title": "加拿大外长阿南德将访华 中方期待推动中加关系不断改善发展", "lang": "zh"},
    ]
    result = run(["classify"], lines(*items), tmp_path)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["relevant"] for o in out] == [True, False, True]
    assert [t["issue"] for t in out[0]["tags"]] == ["tariffs"]
    assert [t["issue"] for t in out[2]["tags"]] == ["visit"]
    assert out[1]["tags"] == []
    match = out[0]["tags"][0]["matches"][0]
    assert set(match) == {"term", "field", "start", "end"}
    title = items[0]["title"]
    assert title[match["start"] : match["end"]].lower().startswith("tariff")


def test_classify_needs_no_database(tmp_path):
    result = run(["classify"], lines({"title": "Canada and China"}), tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "monitor.db").exists()


def test_classify_skips_blank_lines_and_accepts_a_null_summary(tmp_path):
    stdin = b"\n" + lines({"title": "x", "summary": None}) + b"   \n"
    result = run(["classify"], stdin, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == ['{"relevant": false, "tags": [], "moves": []}']


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        (b"{not json", "not JSON"),
        (b'["a list"]', "expected a JSON object"),
        (b'{"title": 3}', "title must be a string"),
        (b'{"summary": "no title"}', "title must be a string"),
        (b'{"title": "t", "summary": 5}', "summary must be a string"),
        (b'{"title": "caf\xe9"}', "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
        (b'{"title": ' + b"9" * 5_000 + b"}", "not JSON"),
    ],
)
def test_a_bad_line_stops_classify_with_one_error_line_naming_it(tmp_path, bad_line, reason):
    stdin = lines({"title": "first"}) + bad_line + b"\n" + lines({"title": "never read"})
    result = run(["classify"], stdin, tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1
    assert "line 2" in errors[0] and reason in errors[0]
    assert len(result.stdout.decode().splitlines()) == 1  # the line before was written


def test_classify_with_rules_from_a_file_uses_those_rules(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES_TOML, encoding="utf-8")
    stdin = lines({"title": "Whales spotted off Halifax"}, {"title": "Canada and China"})
    result = run(["classify", "--rules", str(rules)], stdin, tmp_path)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert out[0]["relevant"] and [t["issue"] for t in out[0]["tags"]] == ["sighting"]
    assert out[1] == {"relevant": False, "tags": [], "moves": []}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("version = [", "not valid TOML"),
        ('version = 1\n[relevance]\nthreshold = 1\n[[relevance.groups]]\nname = "a"\nterms = []\n',
         "terms"),
        (None, "rules.toml"),
    ],
)
def test_unusable_rules_files_fail_with_one_line_and_status_2(tmp_path, content, reason):
    rules = tmp_path / "rules.toml"
    if content is not None:
        rules.write_text(content, encoding="utf-8")
    result = run(["classify", "--rules", str(rules)], lines({"title": "x"}), tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and reason in errors[0]
    assert result.stdout == b""


def test_eval_prints_scores_per_scope_and_the_misses(tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_bytes(lines(
        {"title": "Canada imposes tariffs on Chinese electric vehicles", "summary": "",
         "relevant": True, "issues": ["tariffs"]},
        {"title": "Local bakery wins prize", "relevant": True, "issues": []},
        {"title": "Cat mailed from China to Canada", "relevant": None, "issues": []},
    ))
    result = run(["eval", "--labels", str(labels)], tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "3 items, 2 with a relevance label" in text
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line[:1].isalpha()}
    assert rows["relevance"][3:] == ["1", "0", "1"]
    assert rows["tariffs"][3:] == ["1", "0", "0"]
    assert "false negative  #2  Local bakery wins prize" in text


def test_eval_with_a_missing_labels_file_fails_with_one_line(tmp_path):
    result = run(["eval", "--labels", str(tmp_path / "absent.jsonl")], tmp_path=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "absent.jsonl" in errors[0]


def test_eval_with_a_malformed_labels_file_names_the_line(tmp_path):
    labels = tmp_path / "labels.jsonl"
    good = lines({"title": "ok", "relevant": True})
    labels.write_bytes(good + b"\n" + b'{"title": "t", "relevant": "yes"}\n')
    result = run(["eval", "--labels", str(labels)], tmp_path=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "line 3" in errors[0] and "relevant" in errors[0]


def test_eval_without_labels_is_a_usage_error(tmp_path):
    result = run(["eval"], tmp_path=tmp_path)
    assert result.returncode == 2
    assert "--labels" in result.stderr.decode()
