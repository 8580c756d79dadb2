"""Argument types and checks shared by the commands: numbers in range, text that is text."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

MAX_LIMIT = 10**9  # far past any store; keeps the number inside SQLite's integers


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """An argparse type: a whole number written in ASCII digits, from `minimum` to `maximum`."""

    def parse(text: str) -> int:
        value = text.strip()
        digits = value[1:] if value[:1] in "+-" else value
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 30:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
        number = int(value)
        if not minimum <= number <= maximum:
            raise argparse.ArgumentTypeError(f"must be from {minimum:,} to {maximum:,}")
        return number

    return parse


def undecodable_argument(args: argparse.Namespace) -> str | None:
    """The name of the first text argument that is not valid UTF-8 (a lone surrogate), or None.

    File names are exempt: a name that is not UTF-8 is still a name the system can open.
    """
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS or callable(value):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not isinstance(item, Path) and _has_surrogate(item):
                return name
    return None


_PATH_ARGUMENTS = frozenset({"db", "output", "file", "rules", "labels", "events"})


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
