"""`digest -o` and `feeds export` write into what the user named, without replacing it.

A FIFO or device is written to, a symlink stays a link to a replaced target, a file keeps
its permission bits, and a full device is one line, exit 2, with no temporary file left.
"""

from __future__ import annotations

import os
import stat
import threading

import pytest


def read_fifo_in_background(fifo):
    received: list[bytes] = []

    def drain():
        with open(fifo, "rb") as handle:  # blocks until the command opens the FIFO to write
            received.append(handle.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return reader, received


@pytest.mark.parametrize("command", [("feeds", "export"), ("digest", "--format", "md", "-o")])
def test_a_fifo_is_written_to_and_stays_a_fifo(cli, tmp_path, command):
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    reader, received = read_fifo_in_background(fifo)
    result = cli(*command, str(fifo))
    reader.join(timeout=30)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    expected = b"<opml" if command[0] == "feeds" else b"# Canada"
    assert expected in received[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["monitor.db", "out.pipe"]


@pytest.mark.parametrize("command", [("feeds", "export"), ("digest", "--format", "md", "-o")])
def test_a_symlink_stays_a_link_and_its_target_is_replaced(cli, tmp_path, command):
    target = tmp_path / "real" / "out.file"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.file"
    link.symlink_to(target)
    result = cli(*command, str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() != "old" and len(target.read_text()) > 100
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.file"]


@pytest.mark.parametrize("command", [("feeds", "export"), ("digest", "--format", "md", "-o")])
def test_an_existing_file_keeps_its_permission_bits(cli, tmp_path, command):
    path = tmp_path / "private.file"
    path.write_text("old")
    path.chmod(0o600)
    result = cli(*command, str(path))
    assert result.code == 0, result.err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() != "old"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("feeds", "export"), ("digest", "--format", "md", "-o")])
def test_a_full_device_is_one_line_and_exit_2(cli, tmp_path, command):
    result = cli(*command, "/dev/full")
    assert result.code == 2
    assert result.err.strip() == "cc-monitor: error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_stdout_is_written_to(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "digest.md"
    with out.open("wb") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "monitor", "--db", str(tmp_path / "m.db"), "digest", "--format", "md",
             "-o", "/dev/stdout"],
            stdout=handle, stderr=subprocess.PIPE, timeout=120, check=False,
        )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Canada")
    assert not list(tmp_path.glob(".*.tmp"))
