"""A progress bar on a terminal, silence when the output is piped."""

from __future__ import annotations

import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO, width: int = 30, min_interval: float = 0.1) -> None:
        self._label = label
        self._stream = stream
        self._width = width
        self._min_interval = min_interval
        self._last = 0.0
        self._shown = False
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())

    def update(self, done: int, total: int, extra: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self._min_interval and done < total:
            return
        self._last = now
        filled = int(self._width * done / total) if total else self._width
        bar = "#" * filled + "-" * (self._width - filled)
        self._stream.write(f"\r{self._label} [{bar}] {done}/{total} {extra}".rstrip() + " ")
        self._stream.flush()
        self._shown = True

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
