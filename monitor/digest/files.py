"""Writing a digest to a file: whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from monitor.atomic import write_atomically
from monitor.digest.build import Digest, DigestError
from monitor.digest.formats import EXTENSIONS, FORMATS, PdfRenderer
from monitor.digest.render import render
from monitor.messages import message


class DigestWriteError(DigestError):
    """The digest was made but its file could not be written; nothing was left behind."""


def format_from_path(path: Path) -> str | None:
    """The format a file name asks for by its extension (".htm" too), or None."""
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return "html"
    if suffix == ".markdown":
        return "md"
    return next((fmt for fmt in FORMATS if EXTENSIONS[fmt] == suffix), None)


def daily_file_name(day: date, fmt: str) -> str:
    return f"cc-monitor-digest-{day.isoformat()}{EXTENSIONS[fmt]}"


def write_digest(
    digest: Digest, fmt: str, path: Path, *, pdf_renderer: PdfRenderer | None = None,
    page_size: str = "A4",
) -> Path:
    """Render and write atomically; every failure to write is one DigestWriteError."""
    data = render(digest, fmt, pdf_renderer=pdf_renderer, page_size=page_size)
    path = Path(path).expanduser()
    try:
        write_atomically(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DigestWriteError(message("cannot_write", path=path, reason=reason)) from None
    return path
