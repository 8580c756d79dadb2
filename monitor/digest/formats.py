"""The digest formats, and the type of the PDF renderer handed in from outside the core.

Kept apart from the renderers so that the CLI can list formats without loading the
templates. The core has no PDF renderer of its own: whoever may load Qt (the cc-monitor
entry, the desktop app) passes one down as an argument.
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
