"""Fixtures shared by every layer of tests: a fresh database file and the CLI."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Tests must never read or write the user's real data or cache folders.
os.environ.pop("MONITOR_DB", None)
os.environ["XDG_CACHE_HOME"] = _CACHE = tempfile.mkdtemp(prefix="cc-monitor-tests-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "", None}
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect


def _loopback_only_getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOOPBACK_NAMES and not str(name).startswith("127."):
        raise socket.gaierror(socket.EAI_NONAME, f"tests resolve only loopback names, not {name}")
    return _real_getaddrinfo(host, *args, **kwargs)


def _loopback_only_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        if not (host.startswith("127.") or host in ("::1", "localhost")):
            raise ConnectionRefusedError(f"tests connect only to loopback, not {host}")
    return _real_connect(self, address)


# Every test talks to servers on 127.0.0.1 only: a stray request to a real feed fails loudly.
socket.getaddrinfo = _loopback_only_getaddrinfo
socket.socket.connect = _loopback_only_connect


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "monitor.db"


@pytest.fixture
def store(db_path: Path) -> Iterator:
    from db import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def seeded_store(store):
    from monitor.seed import seed

    seed(store, datetime(2026, 1, 20, tzinfo=UTC))
    return store


@dataclass
class CLIResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_path: Path, capsys):
    """Run `cc-monitor --db <tmp> ...` in-process and return its exit code and output."""
    from monitor.cli import main

    def run(*args: str) -> CLIResult:
        capsys.readouterr()
        try:
            code = main(["--db", str(db_path), *args])
        except SystemExit as exc:  # argparse exits on --help and bad arguments
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CLIResult(code, captured.out, captured.err)

    return run


def dump_database(path: Path) -> list[str]:
    """Every row and schema line of a database, for before/after comparisons."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
