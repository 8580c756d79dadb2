"""`cc-monitor digest` as scripts use it: stdout or a file, and one-line errors that leave no file."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime

import pytest

from tests.digest_support import Entry, add_feed, ingest

PERIOD = ("--since", "2026-01-13", "--until", "2026-01-19")


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 1, day, hour, tzinfo=UTC)


@pytest.fixture
def out(tmp_path):
    """A folder of its own for digests: the database lives in tmp_path."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def articles(seeded_store):
    feed = add_feed(seeded_store, "Globe", "https://globe.example/rss")
    return ingest(seeded_store, feed, [
        Entry("Canola tariff cut", at(15), {"tariffs": ("canola",)}, "Ottawa acted.", "https://n.example/1"),
        Entry("Carney lands in Beijing", at(13, 0), {"visit": ("Carney", "Beijing")}, url="https://n.example/2"),
        Entry("Steel duty stays", at(19, 23), {"tariffs": ("steel",)}, url="https://n.example/3"),
        Entry("Too late", at(20, 0), {"tariffs": ("tariff",)}, url="https://n.example/4"),
        Entry("Last week", at(9), {"tariffs": ("tariff",)}, url="https://n.example/5"),
    ], now=at(20, 1))


def test_markdown_goes_to_standard_output(cli, articles):
    result = cli("digest", *PERIOD, "--format", "md")
    assert (result.code, result.err) == (0, "")
    assert "[Canola tariff cut](https://n.example/1)" in result.out
    assert "2 items, +1 on the previous 7 days." in result.out


def test_a_date_given_as_until_includes_that_whole_day(cli, articles):
    document = json.loads(cli("digest", *PERIOD, "--format", "json").out)
    titles = {i["title"] for s in document["issues"] for i in s["items"]}
    assert titles == {"Canola tariff cut", "Carney lands in Beijing", "Steel duty stays"}
    assert (document["period"]["since"], document["period"]["until"]) == (
        "2026-01-13T00:00:00Z", "2026-01-20T00:00:00Z"
    )


def test_issue_can_be_repeated_to_choose_several(cli, articles):
    result = cli("digest", *PERIOD, "--issue", "visit", "--issue", "tariffs", "--format", "json")
    document = json.loads(result.out)
    assert [s["slug"] for s in document["issues"]] == ["tariffs", "visit"]


def test_unread_leaves_out_what_was_read(cli, articles, seeded_store):
    seeded_store.articles.set_read([articles[0]])
    document = json.loads(cli("digest", *PERIOD, "--unread", "--issue", "tariffs", "--format", "json").out)
    assert [i["title"] for i in document["issues"][0]["items"]] == ["Steel duty stays"]
    assert document["filters"]["unread"] is True


def test_starred_keeps_only_starred_items(cli, articles, seeded_store):
    seeded_store.articles.set_starred(articles[1])
    document = json.loads(cli("digest", *PERIOD, "--starred", "--format", "json").out)
    assert [i["title"] for s in document["issues"] for i in s["items"]] == ["Carney lands in Beijing"]


def test_csv_on_standard_output_reads_back(cli, articles):
    rows = list(csv.DictReader(io.StringIO(cli("digest", *PERIOD, "--format", "csv").out.lstrip("\ufeff"))))
    assert [(r["issue"], r["title"]) for r in rows] == [
        ("tariffs", "Steel duty stays"),
        ("tariffs", "Canola tariff cut"),
        ("visit", "Carney lands in Beijing"),
    ]


@pytest.mark.parametrize(
    "name,first", [("week.html", b"<!DOCTYPE html>"), ("week.json", b"{"), ("week.md", b"# ")]
)
def test_the_format_follows_the_output_files_extension(cli, articles, out, name, first):
    target = out / name
    result = cli("digest", *PERIOD, "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_bytes().startswith(first)


def test_writing_over_an_existing_file_replaces_it_whole(cli, articles, out):
    target = out / "week.json"
    target.write_text("old")
    assert cli("digest", *PERIOD, "--format", "json", "-o", str(target)).code == 0
    assert json.loads(target.read_text())["schema"] == "cc-monitor/digest"
    assert os.listdir(out) == ["week.json"]


@pytest.mark.parametrize(
    "args",
    [
        ["--issue", "no-such-issue", "--format", "md"],
        ["--since", "last tuesday", "--format", "md"],
        ["--until", "2026-02-30", "--format", "md"],
        ["--since", "2026-01-19", "--until", "2026-01-12", "--format", "md"],
        ["--format", "docx"],
        [],
    ],
    ids=["unknown issue", "bad since", "bad until", "reversed period", "unknown format", "no format"],
)
def test_bad_arguments_are_one_line_and_exit_2(cli, articles, args, out):
    result = cli("digest", *args, "-o", str(out / "out.bin")) if args else cli("digest")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_an_unwritable_path_is_one_line_and_leaves_no_file(cli, articles, out):
    result = cli("digest", *PERIOD, "--format", "html", "-o", str(out / "missing" / "week.html"))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "cannot write" in result.err
    assert list(out.iterdir()) == []


def test_a_folder_as_output_is_refused_and_left_untouched(cli, articles, out):
    folder = out / "week.html"
    folder.mkdir()
    result = cli("digest", *PERIOD, "--format", "html", "-o", str(folder))
    assert result.code == 2
    assert list(out.iterdir()) == [folder] and list(folder.iterdir()) == []


def test_pdf_without_qt_says_to_use_cc_monitor(cli, articles, out):
    result = cli("digest", *PERIOD, "--format", "pdf", "-o", str(out / "week.pdf"))
    assert result.code == 2
    assert result.err.strip().endswith("PDF needs Qt: run `cc-monitor digest ...`")
    assert list(out.iterdir()) == []


def test_an_empty_database_gives_an_empty_but_complete_digest(cli):
    result = cli("digest", *PERIOD, "--format", "md")
    assert result.code == 0
    assert "No items in this period." in result.out and "## Feeds" in result.out
