"""Reading a user's file: regular files only, never more than the limit, never a wait on a FIFO."""

from __future__ import annotations

import io
import os

import pytest

from monitor.bounded_read import UserFileError, read_line, read_user_file


def test_a_regular_file_within_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_bytes(b"x" * 100)
    assert read_user_file(path, 100) == b"x" * 100


def test_a_file_one_byte_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.opml"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # sparse: no disk is used
    with pytest.raises(UserFileError, match="larger than 10 MiB"):
        read_user_file(path, 10 * 1024 * 1024, "OPML file")


def test_a_file_that_grows_after_the_stat_is_still_read_no_further_than_the_limit(tmp_path):
    # /proc files report a size of 0 and may hold anything: the read itself is bounded.
    with pytest.raises(UserFileError, match="larger than 16 bytes"):
        read_user_file("/proc/self/status", 16, "status file")


def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.opml"
    os.mkfifo(fifo)
    with pytest.raises(UserFileError, match="not a regular OPML file"):
        read_user_file(fifo, 1024, "OPML file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused(device):
    with pytest.raises(UserFileError, match=f"^{device}: is a device, pipe or socket"):
        read_user_file(device, 1024, "rules file")


def test_a_directory_and_a_missing_file_are_named_as_such(tmp_path):
    with pytest.raises(UserFileError, match="is a directory, not a labels file"):
        read_user_file(tmp_path, 1024, "labels file")
    with pytest.raises(UserFileError, match="no such labels file"):
        read_user_file(tmp_path / "missing.jsonl", 1024, "labels file")


def test_an_unreadable_file_is_one_line(tmp_path):
    path = tmp_path / "secret.toml"
    path.write_text("x")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions are not enforced")
    with pytest.raises(UserFileError, match="cannot read the rules file: Permission denied"):
        read_user_file(path, 1024, "rules file")


def test_lines_are_read_up_to_the_limit_and_a_longer_one_is_refused():
    stream = io.BytesIO(b"short\n" + b"y" * 10 + b"\n" + b"z" * 11 + b"\nlast")
    assert read_line(stream, 10) == b"short\n"
    assert read_line(stream, 10) == b"y" * 10 + b"\n"
    with pytest.raises(UserFileError, match="longer than 10 bytes"):
        read_line(stream, 10)


def test_the_last_line_needs_no_newline():
    stream = io.BytesIO(b"only")
    assert read_line(stream, 10) == b"only"
    assert read_line(stream, 10) is None
