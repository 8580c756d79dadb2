"""The CLI as scripts use it: help, version, baseline, articles, and no Qt for headless commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from monitor import __version__


def test_version_is_printed(cli):
    result = cli("--version")
    assert result.code == 0
    assert __version__ in result.out


def all_commands() -> list[list[str]]:
    from monitor.cli import build_parser

    found: list[list[str]] = []

    def walk(parser, path):
        for action in parser._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_help(cli, command):
    result = cli(*command, "--help")
    assert result.code == 0
    assert "usage:" in result.out


def test_baseline_lists_the_facts_under_each_tracked_issue(cli):
    result = cli("baseline")
    assert result.code == 0
    for heading in ("Tariffs", "visit", "Human rights", "Election interference"):
        assert heading.lower() in result.out.lower()
    assert "118.7" in result.out


def test_baseline_json_has_the_documented_keys_and_real_figures(cli):
    facts = [json.loads(x) for x in cli("baseline", "--json").out.splitlines()]
    assert len(facts) >= 15
    assert all({"id", "issues", "statement", "date", "figures"} <= set(f) for f in facts)
    values = {fig["value"] for f in facts for fig in f["figures"]}
    assert {25.0, 70.0, 118.7, 85.5} <= values


def test_articles_is_empty_before_any_poll(cli):
    result = cli("articles", "--json")
    assert (result.code, result.out) == (0, "")


@pytest.mark.parametrize(
    "args",
    [["articles", "--since", "yesterday-ish"], ["articles", "--issue", "no-such-issue"],
     ["articles", "--limit", "-3"], ["feeds", "frobnicate"], ["no-such-command"]],
)
def test_bad_arguments_print_one_line_and_exit_2(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1


def test_headless_commands_never_import_qt(db_path, tmp_path):
    code = (
        "import sys\n"
        "from ui.__main__ import main\n"
        f"rc = main(['--db', {str(db_path)!r}, 'feeds', 'list'])\n"
        f"rc |= main(['--db', {str(db_path)!r}, 'baseline', '--json'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "print('QT:', loaded)\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "QT: []" in result.stdout


def test_python_dash_m_monitor_runs_the_same_cli(db_path, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "--db", str(db_path), "feeds", "list", "--json"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["url"].startswith("http")


def test_monitor_db_environment_variable_chooses_the_database(tmp_path):
    target = tmp_path / "from-env.db"
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "feeds", "add", "--no-fetch", "https://example.org/rss"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={**os.environ, "MONITOR_DB": str(target)},
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    # Far more output than a pipe buffers, so the writer does meet the closed pipe.
    source = tmp_path / "in.jsonl"
    source.write_text('{"title": "Canada and China trade talks"}\n' * 20000)
    command = f"{sys.executable} -m monitor classify < {source} | head -n 1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
