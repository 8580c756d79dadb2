"""The digest formats, and the PDF renderer handed in from outside the core.

Kept apart from the renderers so that the CLI can list formats, and the Qt entry point
can register its PDF renderer, without loading the templates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

Format = Literal["md", "html", "pdf", "csv", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "csv", "json")
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "pdf": ".pdf", "csv": ".csv", "json": ".json"}
PAGE_SIZES = ("A4", "Letter")
# html_to_pdf(html, path, page_size) -> number of pages written
PdfRenderer = Callable[[str, Path, str], int]
PDF_NEEDS_QT = "PDF needs Qt: run `cc-monitor digest ...`"

_pdf_renderer: PdfRenderer | None = None


def set_pdf_renderer(renderer: PdfRenderer | None) -> None:
    """The renderer used for PDF when none is passed; the Qt entry point (cc-monitor) sets it."""
    global _pdf_renderer
    _pdf_renderer = renderer


def current_pdf_renderer(override: PdfRenderer | None = None) -> PdfRenderer | None:
    """`override` if given, else the registered renderer, else None (no PDF here)."""
    return override or _pdf_renderer


def pdf_available(override: PdfRenderer | None = None) -> bool:
    return current_pdf_renderer(override) is not None
