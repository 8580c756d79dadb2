"""Every command of the CLI against a table of hostile inputs: never a traceback, never an odd status.

Each case runs in-process through `monitor.cli.main(argv)` on a database under tmp_path. A
case fails if any exception escapes, if "Traceback" reaches stderr, or if the exit status
is not 0, 1 or 2; a case that exits 2 must leave the database as it was.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from monitor.cli import build_parser, main
from tests.conftest import dump_database

NUMBERS = ["-1", "0", "²", "٣", "99999999999999999999", "-99999999999999999999", "1e309", "nan", "0x10",
           "", " ", "\udcff"]
DATES = ["999999d", "999999w", "0001-01-01", "9999-12-31", "2026-02-30", "7x", "²d", "", "\udcff",
         "1" * 40, "2026-01-12T25:00", "0001-01-01T00:00+01:00", "\x1b[31m7d"]
TEXTS = ["", " ", "\udcff", "\ud800", "\x1b]0;title\x07", "a" * 100_000, "\u202e", '"', "*", "NOT",
         "AND OR", "-", "--", "\x00"]
URLS = ["", "http://", "http://x.example:0/", "http://x.example:99999/", "http://x.example:-1/",
        "http://x.example:abc/", "http://" + "a" * 100_000, "http://\udcff.example/", "feed:",
        "http://[::1/", "http://x.example/\x00", "\u202ehttp://x.example/"]
# Input files (the keys name them; the fixture makes them under tmp_path).
IN_FILES = ["/dev/null", "/dev/zero", "@dir", "@missing", "@fifo", "@empty", "@latin1", "@surrogate-name",
            "@binary", "@deep-json", "@nul-name"]
OUT_FILES = ["@dir", "@missing-dir/out", "/dev/full", "@readonly-dir/out", "@dangling-loop"]
STDIN = [b"", b"\xff\xfe\x00", b"{", b"[]", b"1e999999", b'{"title": "\\ud800"}', b'{"title": 1}',
         b'{"title": "x", "published": "0001-01-01"}',
         b'{"title": "x", "published": "9999-12-31T23:59-12:00"}', b'{"title": "x", "published": "9999-12"}',
         b"[" * 100_000, b'{"title": "x", "lang": "\\u0000"}',
         b'{"title": "\\u001b[2J Canola tariff", "summary": "\\udcff China"}',
         b'{"title": "x", "published": "2026-01-12T10:00:00+25:00"}', b"\x00" * 10]


def cases() -> list[tuple[str, tuple[str, ...], bytes]]:
    table: list[tuple[str, tuple[str, ...], bytes]] = []

    def add(*argv: str, stdin: bytes = b"") -> None:
        table.append((" ".join(argv[:2]) if argv[0] == "feeds" else argv[0], argv, stdin))

    add("feeds", "list", "--json", "extra")
    for url in URLS:
        add("feeds", "add", "--no-fetch", url)
    for text in TEXTS:
        add("feeds", "add", "--no-fetch", "--title", text, "--category", text, "https://x.example/\u202erss")
    for action in ("remove", "enable", "disable"):
        for key in [*NUMBERS, *TEXTS[:6], *URLS[:4]]:
            add("feeds", action, key)
    for path in IN_FILES:
        add("feeds", "import", path)
    for path in OUT_FILES:
        add("feeds", "export", path)
    add("poll")
    add("poll", "--once", "--watch")
    add("poll", "--watch", "--all")
    for number in NUMBERS:
        add("poll", "--once", "--workers", number)
    for date in DATES:
        add("articles", "--since", date)
        add("stories", "--since", date)
        add("moves", "--since", date)
        add("digest", "--format", "md", "--since", date)
        add("digest", "--format", "md", "--until", date)
    for number in NUMBERS:
        add("articles", "--limit", number)
        add("stories", "--limit", number)
    for text in TEXTS:
        add("articles", "--search", text)
        add("articles", "--issue", text)
        add("stories", "--issue", text)
        add("digest", "--format", "csv", "--issue", text)
    add("baseline", "--json", "extra")
    add("recluster", "extra")
    add("retag", "extra")
    for path in IN_FILES:
        add("classify", "--rules", path)
        add("eval", "--labels", path)
        add("eval", "--labels", "@labels", "--events", path)
        add("eval", "--labels", "@labels", "--rules", path)
    for data in STDIN:
        add("classify", stdin=data)
        add("cluster", stdin=data)
    for path in OUT_FILES:
        add("digest", "--format", "md", "-o", path)
    for fmt in ("", "pdf", "xlsx", "\udcff"):
        add("digest", "--format", fmt)
    add("digest", "-o", "@missing-dir/no-extension")
    add("digest", "--format", "pdf", "-o", "@out.pdf")
    add("digest", "--page-size", "A0", "--format", "md")
    add("nonsense")
    add("feeds")
    for text in TEXTS:  # never a valid action: nothing is written to the user's data folder
        add("desktop-entry", text)
    return table


CASES = cases()


def test_every_command_is_in_the_table():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps no public accessor
    expected = set(commands) - {"feeds"}
    expected |= {f"feeds {a}" for a in commands["feeds"]._subparsers._group_actions[0].choices}
    assert expected <= {name for name, _, _ in CASES}


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "monitor.db"
    assert main(["--db", str(path), "feeds", "list"]) == 0
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, str]:
    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "latin1").write_bytes('title = "Québec"\n{"title": "Québec"}\n'.encode("latin-1"))
    (tmp_path / "binary").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "deep-json").write_text("[" * 100_000 + "\n")
    (tmp_path / "labels").write_text('{"title": "Canola tariff", "relevant": true, "issues": ["tariffs"]}\n')
    surrogate = os.fsdecode(b"labels-\xff.jsonl")
    (tmp_path / surrogate).write_text('{"title": "x", "relevant": false}\n')
    readonly = tmp_path / "readonly-dir"
    readonly.mkdir()
    readonly.chmod(0o500)
    loop = tmp_path / "dangling-loop"
    loop.symlink_to(loop)
    names = {
        "@dir": tmp_path / "dir", "@missing": tmp_path / "missing", "@fifo": tmp_path / "fifo",
        "@empty": tmp_path / "empty", "@latin1": tmp_path / "latin1", "@binary": tmp_path / "binary",
        "@deep-json": tmp_path / "deep-json", "@labels": tmp_path / "labels",
        "@surrogate-name": tmp_path / surrogate, "@missing-dir/out": tmp_path / "missing-dir" / "out",
        "@readonly-dir/out": readonly / "out", "@dangling-loop": loop,
        "@missing-dir/no-extension": tmp_path / "missing-dir" / "digest",
        "@out.pdf": tmp_path / "out.pdf", "@nul-name": tmp_path / "nul\x00name",
    }
    return {key: str(value) for key, value in names.items()}


@pytest.mark.parametrize(("name", "argv", "stdin"), CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_no_traceback_and_a_known_status(name, argv, stdin, seeded_db, files, tmp_path, capsys, monkeypatch):
    db = tmp_path / "monitor.db"
    shutil.copy(seeded_db, db)
    before = dump_database(db)
    args = [files.get(a, a) for a in argv]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    by_argparse = False
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exc:  # argparse: bad arguments
        code, by_argparse = exc.code, True
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code in (0, 1, 2), err
    if code == 2:
        lines = err.strip().splitlines()
        # argparse prints its usage above the error line; everything else is the one line.
        assert len(lines) == 1 or by_argparse, err
        assert ": error: " in lines[-1], err
        assert dump_database(db) == before
