"""HTML to PDF with Qt's rich text: paged A4 or Letter, with "Page n of N" under each page.

This is the PDF renderer the core is handed as an argument (`pdf_renderer`).
Qt is imported when a PDF is drawn, not when this module is: the `cc-monitor` entry
hands the renderer to every command, and commands that never draw one must not
pay for loading Qt or need it installed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from monitor.digest.lang import Words

PAGE_SIZES = ("A4", "Letter")
MARGINS_MM = (15.0, 15.0, 15.0, 12.0)  # left, top, right, bottom (the footer sits below)
FOOTER_MM = 8.0
RESOLUTION_DPI = 300

_app: Any = None  # the QGuiApplication made here when the caller had none; kept alive


def html_to_pdf(html: str, path: Path, page_size: str = "A4") -> int:
    """Write `html` as a PDF at `path`; returns the number of pages.

    Works headless (QT_QPA_PLATFORM=offscreen) and before any QApplication exists.
    Nothing is fetched: Qt's rich text loads no remote resources and runs no script.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size '{page_size}' (choose from {', '.join(PAGE_SIZES)})")
    _ensure_application()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setCreator("cc-monitor")
    size = QPageSize.PageSizeId.Letter if page_size == "Letter" else QPageSize.PageSizeId.A4
    left, top, right, bottom = MARGINS_MM
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size), QPageLayout.Orientation.Portrait,
            QMarginsF(left, top, right, bottom + FOOTER_MM), QPageLayout.Unit.Millimeter,
        )
    )
    body = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
    footer_px = FOOTER_MM / 25.4 * RESOLUTION_DPI

    document = QTextDocument()
    # Lay out in the writer's own units, so that point sizes come out as points on paper.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(QSizeF(body.width(), body.height()))
    pages = max(1, document.pageCount())
    # The footer speaks the digest's language, which its page declares (<html lang="fr">).
    footer_words = Words("fr" if '<html lang="fr">' in html[:200] else "en").t("Page {page} of {pages}")

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF at {path}")
    try:
        footer_font = QFont("DejaVu Sans", 8)
        for index in range(pages):
            if index:
                writer.newPage()
            # Half a pixel in from each edge: a line that ends exactly on a page boundary
            # belongs to one page only, instead of being drawn (clipped away) on both.
            page = QRectF(0, index * body.height() + 0.5, body.width(), body.height() - 1)
            painter.save()
            painter.translate(0, -index * body.height())
            document.drawContents(painter, page)
            painter.restore()
            painter.setFont(footer_font)
            footer = QRectF(0, body.height(), body.width(), footer_px)
            painter.drawText(
                footer, int(Qt.AlignmentFlag.AlignCenter), footer_words.format(page=index + 1, pages=pages)
            )
    finally:
        painter.end()
    return pages


def _ensure_application() -> None:
    """Qt's fonts and painting need a QGuiApplication; make one, offscreen, if there is none."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # Drawing a PDF needs no screen: never let a missing display stop it.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["cc-monitor"])
