"""A text browser for untrusted HTML: it loads nothing and follows no link by itself.

Every resource the document asks for (images, style sheets, `file:` and remote
alike) is refused in `loadResource`. A clicked link is handed to an injected opener
only when it is http or https; `file:`, `javascript:`, `data:` and the rest do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

UrlOpener = Callable[[QUrl], Any]
WEB_SCHEMES = frozenset({"http", "https"})


def is_web_url(url: QUrl) -> bool:
    return url.isValid() and url.scheme().lower() in WEB_SCHEMES and bool(url.host())


class SafeTextBrowser(QTextBrowser):
    """Signals:
    link_refused(QUrl): a clicked link that was not http(s) and so did nothing.
    """

    link_refused = Signal(QUrl)

    def __init__(self, opener: UrlOpener = QDesktopServices.openUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self.refused_resources: set[str] = set()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, type: int, name: QUrl) -> Any:  # noqa: A002 - Qt's signature
        # Nothing a feed names is ever fetched or read: no tracking pixel, no local file.
        self.refused_resources.add(name.toString())
        # An empty byte array, not None: PySide6 6.x drops a reference to None for every
        # None a QVariant-returning override gives back, and Python 3.11 then crashes.
        return QByteArray()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_web_url(url):
            self._opener(url)
        else:
            self.link_refused.emit(url)
