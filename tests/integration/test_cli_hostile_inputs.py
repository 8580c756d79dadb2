"""Hostile input files and arguments: one line on stderr, exit 2, nothing stored, nothing held whole."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from tests.conftest import dump_database

OPML_HEAD = '<?xml version="1.0" encoding="{enc}"?>\n'
FEED = '<outline text="Wire" xmlUrl="https://wire.example/rss"/>'


def opml(body: str, enc: str = "utf-8") -> str:
    return OPML_HEAD.format(enc=enc) + f"<opml version=\"2.0\"><head/><body>{body}</body></opml>"


def one_error_line(result, *fragments: str) -> None:
    assert result.code == 2, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def seeded(cli, db_path):
    cli("feeds", "list")
    return dump_database(db_path)


# --- OPML ---------------------------------------------------------------------------------


def test_import_of_dev_zero_and_a_fifo_is_refused_at_once(cli, db_path, tmp_path, seeded):
    fifo = tmp_path / "feeds.opml"
    os.mkfifo(fifo)
    one_error_line(cli("feeds", "import", "/dev/zero"), "/dev/zero: is a device, pipe or socket")
    one_error_line(cli("feeds", "import", str(fifo)), "not a regular OPML file")
    one_error_line(cli("feeds", "import", str(tmp_path)), "is a directory")
    assert dump_database(db_path) == seeded


def test_an_oversize_opml_is_refused_before_it_is_read(cli, db_path, tmp_path, seeded):
    big = tmp_path / "big.opml"
    with big.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    one_error_line(cli("feeds", "import", str(big)), "larger than 10 MiB")
    assert dump_database(db_path) == seeded


def test_a_utf16_opml_declaring_an_entity_is_refused(cli, db_path, tmp_path, seeded):
    doc = ('<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE opml [<!ENTITY big "' + "x" * 2000 + '">]>'
           '<opml version="2.0"><head/><body>'
           + '<outline text="&big;&big;&big;" xmlUrl="https://wire.example/rss"/>' + "</body></opml>")
    path = tmp_path / "bomb.opml"
    path.write_bytes(doc.encode("utf-16"))
    assert b"<!ENTITY" not in path.read_bytes()  # the old byte check could not see it
    one_error_line(cli("feeds", "import", str(path)), "declares a DTD or XML entities")
    assert dump_database(db_path) == seeded


@pytest.mark.parametrize("encoding", ["GBK", "Shift_JIS", "UTF-7"])
def test_an_opml_in_an_encoding_expat_cannot_read_is_one_line(cli, db_path, tmp_path, seeded, encoding):
    path = tmp_path / "feeds.opml"
    path.write_bytes(opml(FEED, encoding).encode(encoding))
    one_error_line(cli("feeds", "import", str(path)), "encoding cannot be read", "save it as UTF-8")
    assert dump_database(db_path) == seeded


def test_an_opml_nested_a_thousand_deep_is_one_line(cli, db_path, tmp_path, seeded):
    path = tmp_path / "deep.opml"
    path.write_text(opml('<outline text="f">' * 1000 + FEED + "</outline>" * 1000))
    one_error_line(cli("feeds", "import", str(path)), "nests outlines more than 50 deep")
    assert dump_database(db_path) == seeded


def test_skipped_outline_warnings_are_one_line_each(cli, tmp_path, seeded):
    path = tmp_path / "feeds.opml"
    path.write_text(opml('<outline text="evil&#13;&#10;line&#x202e; two" xmlUrl="ftp://x.example/"/>'
                         '<outline text="port" xmlUrl="https://x.example:99999/"/>' + FEED))
    result = cli("feeds", "import", str(path))
    assert result.code == 0
    warnings = result.err.strip().splitlines()
    assert len(warnings) == 2
    assert "skipped 'evil line two'" in warnings[0]
    assert "bad port" in warnings[1]


# --- rules, labels and JSON Lines ---------------------------------------------------------


@pytest.mark.parametrize("command", [("classify",), ("eval", "--labels", "LABELS")])
def test_rules_that_are_not_a_regular_utf8_shallow_file_are_one_line(cli, tmp_path, monkeypatch, command):
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"title": "x", "relevant": false}\n')
    command = tuple(str(labels) if part == "LABELS" else part for part in command)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('note = "Québec"\n'.encode("latin-1"))
    cases = {"/dev/zero": "is a device", str(fifo): "not a regular rules file",
             str(tmp_path): "is a directory", str(deep): "nested too deep", str(latin): "not UTF-8 text"}
    for path, fragment in cases.items():
        one_error_line(cli(*command, "--rules", path), fragment)


def test_a_classify_line_over_one_mib_stops_there_after_the_lines_before(cli, monkeypatch):
    good = json.dumps({"title": "Canola tariff"}).encode() + b"\n"
    huge = json.dumps({"title": "x" * (1024 * 1024)}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(good + huge + good)))
    result = cli("classify")
    one_error_line(result, "stdin line 2: longer than 1 MiB")
    assert len(result.out.splitlines()) == 1


def test_a_cluster_line_over_one_mib_is_refused(cli, monkeypatch):
    huge = b'{"title": "' + b"x" * (1024 * 1024 + 1) + b'"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(huge)))
    result = cli("cluster")
    one_error_line(result, "stdin line 1: longer than 1 MiB")
    assert result.out == ""


def test_the_line_limit_is_in_the_help(cli):
    for command in ("classify", "cluster"):
        assert "at most 1 MiB" in " ".join(cli(command, "--help").out.split())


def test_labels_and_events_files_must_be_regular(cli, tmp_path):
    fifo = tmp_path / "labels.jsonl"
    os.mkfifo(fifo)
    one_error_line(cli("eval", "--labels", str(fifo)), "not a regular labels file")
    one_error_line(cli("eval", "--labels", "/dev/zero"), "/dev/zero: is a device")
    labels = tmp_path / "ok.jsonl"
    labels.write_text('{"title": "x", "relevant": false}\n')
    one_error_line(cli("eval", "--labels", str(labels), "--events", "/dev/zero"), "not a regular events file")


def test_eval_prints_titles_without_escapes_controls_or_lone_surrogates(cli, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        json.dumps({"title": "\x1b]0;owned\x07Canola \x1b[31mtariff\x1b[0m cut \ud800\u202e by China",
                    "relevant": False, "issues": ["tariffs"]}) + "\n"
    )
    result = cli("eval", "--labels", str(labels))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out and "owned" not in result.out
    assert "  #1  Canola tariff cut by China\n" in result.out


# --- arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["²", "99999999999999999999", "٣"])
def test_feeds_remove_with_a_strange_number_is_one_line(cli, db_path, seeded, key):
    one_error_line(cli("feeds", "remove", key), "no feed with id")
    assert dump_database(db_path) == seeded


@pytest.mark.parametrize("url", ["https://x.example:0/", "https://x.example:99999/", "https://x.example:-1/",
                                 "https://x.example:abc/", "https://x.example/" + "a" * 100_000])
def test_feeds_add_refuses_bad_ports_and_huge_addresses(cli, db_path, seeded, url):
    result = cli("feeds", "add", "--no-fetch", url)
    one_error_line(result)
    assert len(result.err) < 300
    assert dump_database(db_path) == seeded


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["999999d", "0001-01-01", "9999-12-31"])
def test_digest_periods_that_overflow_are_one_line(cli, option, value):
    one_error_line(cli("digest", "--format", "md", option, value), "outside the years 1900 to 8999")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [(("articles", "--search", "\udcff"), "the search argument is not valid UTF-8 text"),
     (("feeds", "remove", "\ud800"), "the feed argument is not valid UTF-8 text"),
     (("digest", "--format", "md", "--issue", "\udcff"), "the issue argument is not valid UTF-8 text"),
     (("stories", "--limit", "99999999999999999999"), "--limit: must be from 0 to 1,000,000,000"),
     (("poll", "--once", "--workers", "\udcff"), "'' is not a whole number")],
)
def test_undecodable_text_and_huge_numbers_in_arguments_are_one_line(cli, db_path, seeded, argv, fragment):
    result = cli(*argv)
    assert result.code == 2
    assert fragment in result.err.strip().splitlines()[-1]
    assert dump_database(db_path) == seeded


def test_cluster_input_dated_at_the_edge_of_the_calendar_is_one_line(cli, monkeypatch):
    line = b'{"title": "x", "published": "9999-12-31T23:59-12:00"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line)))
    one_error_line(cli("cluster"), "stdin line 1: published is not an ISO 8601 date")
