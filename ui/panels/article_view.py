"""One article: title, source, date, issue chips with their reasons, the sanitised summary,
translate("ArticleView", "Open in browser"), and beside it the baseline facts of the item's issues.

Matched terms are highlighted: in the title from the tags' offsets, in the summary by
finding the matched strings in the rendered document (see ui.highlight). Search words
are highlighted too, in another colour.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from monitor.sanitize import sanitize_html
from ui.article_detail import ArticleDetail
from ui.delegates import text_colour
from ui.highlight import field_spans, marked_html, matched_strings, reason
from ui.i18n import long_date, translate
from ui.panels.baseline import figure_text
from ui.panels.safe_browser import SafeTextBrowser, UrlOpener, is_web_url

NO_BROWSER = QT_TRANSLATE_NOOP(
    "ArticleView", "No web browser could be started: copy the link and paste it into one."
)
MATCH_COLOUR = "#fff59d"
SEARCH_COLOUR = "#80deea"
_MAX_MARKS = 400  # per needle: enough for any real summary, bounded for hostile ones


def copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _mark_style(colour: str) -> str:
    return f"background-color: {colour}; color: #000000;"


class ArticleView(QWidget):
    """Signals:
    tag_chip_activated(str): the slug of an issue chip the user clicked.
    open_failed(str): no browser could be started for this address.
    """

    tag_chip_activated = Signal(str)
    open_failed = Signal(str)

    def __init__(self, opener: UrlOpener = QDesktopServices.openUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self._opener = opener
        self._detail: ArticleDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.chips = QLabel()
        self.chips.setObjectName("articleChips")
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        self.chips.linkActivated.connect(self._on_chip_link)
        self.body = SafeTextBrowser(opener)
        self.body.setObjectName("articleBody")
        self.open_button = QPushButton(translate("ArticleView", "Open in browser"))
        self.open_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.open_button.clicked.connect(self.open_in_browser)
        self.copy_button = QPushButton(translate("ArticleView", "Copy link"))
        self.copy_button.clicked.connect(self.copy_link)
        self.open_message = QLabel()
        self.open_message.setObjectName("openMessage")
        self.open_message.setWordWrap(True)
        self.open_message.setVisible(False)
        self.facts_heading = QLabel(translate("ArticleView", "Baseline"))
        self.facts_heading.setObjectName("factsHeading")
        self.facts = SafeTextBrowser(opener)
        self.facts.setObjectName("articleFacts")
        self._layout()
        self.show_detail(None)

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 4, 8)
        column.setSpacing(6)
        for widget in (self.title, self.meta, self.chips):
            column.addWidget(widget)
        column.addWidget(self.body, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_message, 1)
        buttons.addStretch(1)
        column.addLayout(buttons)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(4, 8, 8, 8)
        side.setSpacing(6)
        side.addWidget(self.facts_heading)
        side.addWidget(self.facts, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("articleSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

    @property
    def detail(self) -> ArticleDetail | None:
        return self._detail

    def show_detail(self, detail: ArticleDetail | None, search_terms: Sequence[str] = ()) -> None:
        self._detail = detail
        if detail is None:
            self.title.setText(translate("ArticleView", "No item selected"))
            for label in (self.meta, self.chips):
                label.clear()
            self.body.clear()
            self.facts.clear()
            self._set_link_enabled(False)
            return
        article = detail.article
        spans = field_spans(detail.tags, "title")
        self.title.setText(
            "<h2>"
            + marked_html(
                article.title or translate("ArticleView", "(untitled)"), spans, _mark_style(MATCH_COLOUR)
            )
            + "</h2>"
        )
        self.meta.setText(self._meta_html(detail))
        self.chips.setText(self._chips_html(detail))
        self.body.setHtml(sanitize_html(article.summary_html, article.url))
        self._highlight(
            matched_strings(article.text, (m for t in detail.tags for m in t.matches)), MATCH_COLOUR
        )
        self._highlight(list(search_terms), SEARCH_COLOUR, whole_words=True)
        self.facts.setHtml(self._facts_html(detail))
        self._set_link_enabled(bool(article.url) and is_web_url(QUrl(article.url or "")))

    def _set_link_enabled(self, enabled: bool) -> None:
        self.open_button.setEnabled(enabled)
        self.copy_button.setEnabled(enabled)
        self.open_message.setVisible(False)

    def _meta_html(self, detail: ArticleDetail) -> str:
        titles = [html.escape(t) for t in detail.feed_titles] or [translate("ArticleView", "unknown source")]
        when = long_date(detail.article.date.astimezone(), "%A %d %B %Y, %H:%M")
        parts = [f"<b>{titles[0]}</b>"]
        if len(titles) > 1:
            parts.append(translate("ArticleView", "also in: {}").format(", ".join(titles[1:])))
        parts.append(html.escape(when))
        if detail.article.author:
            parts.append(html.escape(detail.article.author))
        return " · ".join(parts)

    def _chips_html(self, detail: ArticleDetail) -> str:
        if not detail.tags:
            return "<i>" + translate("ArticleView", "No tracked issue") + "</i>"
        rows = []
        for tag in detail.tags:
            issue = detail.issues.get(tag.issue)
            name = html.escape(issue.name if issue else tag.issue)
            colour = issue.colour if issue else "#607d8b"
            why = html.escape(reason(tag, detail.article.title, detail.article.text))
            rows.append(
                f'<a href="issue:{html.escape(tag.issue)}" style="text-decoration:none">'
                f'<span style="background-color:{colour}; color:{text_colour(colour).name()};">'
                f"&nbsp;{name}&nbsp;</span></a> <small>{why}</small>"
            )
        return "<br>".join(rows)

    def _facts_html(self, detail: ArticleDetail) -> str:
        if not detail.facts:
            return "<p><i>" + translate("ArticleView", "No baseline fact on this item's issues.") + "</i></p>"
        items = []
        for fact in detail.facts:
            when = (
                f"<b>{html.escape(fact.date_label or fact.date or '')}</b> "
                if (fact.date_label or fact.date)
                else ""
            )
            figures = figure_text(fact)
            extra = f"<br><small>{html.escape(figures)}</small>" if figures else ""
            items.append(f"<p>{when}{html.escape(fact.statement)}{extra}</p>")
        return "".join(items)

    def _highlight(self, needles: Sequence[str], colour: str, whole_words: bool = False) -> None:
        document = self.body.document()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setForeground(QColor("#000000"))
        for needle in needles:
            if not needle.strip():
                continue
            flags = (
                QTextDocument.FindFlag.FindWholeWords
                if whole_words and " " not in needle
                else QTextDocument.FindFlag(0)
            )
            cursor = QTextCursor(document)
            for _ in range(_MAX_MARKS):
                cursor = document.find(needle, cursor, flags)
                if cursor.isNull():
                    break
                cursor.mergeCharFormat(fmt)

    def highlighted_text(self) -> list[str]:
        """The stretches of the summary drawn highlighted (what a reader sees marked)."""
        out = []
        block = self.body.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                    out.append(fragment.text())
                iterator += 1
            block = block.next()
        return out

    def open_in_browser(self) -> None:
        if self._detail is None or not self._detail.article.url:
            return
        url = QUrl(self._detail.article.url)
        if is_web_url(url) and not self._opener(url):
            self.open_message.setText(translate("ArticleView", NO_BROWSER))
            self.open_message.setVisible(True)
            self.open_failed.emit(url.toString())

    def copy_link(self) -> None:
        if self._detail is not None and self._detail.article.url:
            copy_to_clipboard(self._detail.article.url)
            self.open_message.setText(translate("ArticleView", "Link copied."))
            self.open_message.setVisible(True)

    def _on_chip_link(self, link: str) -> None:
        if link.startswith("issue:"):
            self.tag_chip_activated.emit(link[len("issue:") :])
