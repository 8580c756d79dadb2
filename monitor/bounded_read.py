"""Reading the files a user names: regular files only, never more than a limit.

A path given where a file is expected may be anything: /dev/zero, a FIFO nobody
writes to, a directory, a 5 GB log. Each is refused in one line before its content
costs memory or the command waits forever.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, TextIO

from monitor.messages import message

MIB = 1024 * 1024
MAX_LINE_BYTES = MIB  # one JSON Lines item: a headline and its summary fit many times over


class UserFileError(ValueError):
    """A user's file that cannot be read as asked; the message is one line naming it."""


def read_user_file(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at `path`, or UserFileError if it is not one or exceeds `limit`."""
    where = os.fspath(path)
    info = _stat(where, what)
    _check_regular(where, info, what)
    if info.st_size > limit:
        raise UserFileError(message("file_too_large", path=where, what=what, size=_size(limit)))
    # Non-blocking, so that a FIFO swapped in after the stat cannot make the open wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where, flags)
    except OSError as exc:
        reason = exc.strerror or exc
        raise UserFileError(message("file_unreadable", path=where, what=what, reason=reason)) from None
    try:
        _check_regular(where, os.fstat(fd), what)
        data = _read_at_most(fd, limit + 1, where, what)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UserFileError(message("file_too_large", path=where, what=what, size=_size(limit)))
    return data


def read_line(stream: BinaryIO | TextIO, limit: int = MAX_LINE_BYTES) -> bytes | str | None:
    """The next line of `stream` (None at the end), or UserFileError past `limit` bytes.

    Reads at most limit + 1 bytes, so a line without an end costs no more than that.
    """
    raw = stream.readline(limit + 1)
    if not raw:
        return None
    if len(raw) > limit and not raw.endswith(b"\n" if isinstance(raw, bytes) else "\n"):
        raise UserFileError(message("line_too_long", size=_size(limit)))
    return raw


def _stat(where: str, what: str) -> os.stat_result:
    try:
        return os.stat(where)
    except FileNotFoundError:
        raise UserFileError(message("file_missing", path=where, what=what)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserFileError(message("file_unreadable", path=where, what=what, reason=reason)) from None


def _check_regular(where: str, info: os.stat_result, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UserFileError(message("file_is_folder", path=where, what=what))
    if not stat.S_ISREG(info.st_mode):
        raise UserFileError(message("file_not_regular", path=where, what=what))


def _read_at_most(fd: int, count: int, where: str, what: str) -> bytes:
    chunks: list[bytes] = []
    left = count
    try:
        while left > 0:
            chunk = os.read(fd, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        reason = exc.strerror or exc
        raise UserFileError(message("file_unreadable", path=where, what=what, reason=reason)) from None
    return b"".join(chunks)


def _size(limit: int) -> str:
    if limit >= MIB and limit % MIB == 0:
        return f"{limit // MIB} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit:,} bytes"
