"""The feed manager: add a feed (from its address or a web page that links to it), edit,
enable or disable, delete, check health, and import or export OPML.

Discovery fetches over the network, so it runs as a background task; the dialog only
shows what it found. The questions a dialog asks (which feed, are you sure, which file)
go through small replaceable callables, so tests answer them without a modal loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import DuplicateFeedError, NotFoundError
from db.records import Feed
from monitor.atomic import write_atomically
from monitor.discover import Discovery, FeedLink, discover_with_new_client
from monitor.opml import OPMLError, read_opml_file
from monitor.opml_store import OPMLImport, export_opml, import_opml
from ui.column_fit import ColumnFitter
from ui.context import AppContext
from ui.core_text import core_text
from ui.health import HEALTH_COLOURS, feed_tooltip, health, health_word, next_poll_text, when
from ui.i18n import quoted, translate
from ui.icons import dot_icon
from ui.screen_fit import fit_to_screen

COLUMNS = (
    QT_TRANSLATE_NOOP("FeedManager", "Title"), QT_TRANSLATE_NOOP("FeedManager", "Category"),
    QT_TRANSLATE_NOOP("FeedManager", "Health"), QT_TRANSLATE_NOOP("FeedManager", "Last success"),
    QT_TRANSLATE_NOOP("FeedManager", "Next poll"), QT_TRANSLATE_NOOP("FeedManager", "Last error"),
)
FEED_ID_ROLE = Qt.ItemDataRole.UserRole + 30
Discoverer = Callable[[str], Discovery]
# A host (with an optional port) then a path or nothing: what people type for an address.
_BARE_ADDRESS = re.compile(r"^[\w.-]+\.[\w-]+(:\d+)?(/|$)|^[\w.-]+:\d+(/|$)")


def with_scheme(text: str) -> str:
    """An address typed without a scheme is tried as https: example.com/feed -> https://example.com/feed."""
    text = text.strip()
    if "://" in text or text.lower().startswith("feed:") or not _BARE_ADDRESS.match(text):
        return text
    return "https://" + text


class FeedManagerDialog(QDialog):
    """Signals:
    feeds_changed(): the feed list changed (added, edited, removed, imported).
    discovery_finished(object): the Discovery of an address the user asked to add.
    poll_requested(object): ids of feeds to poll now.
    """

    feeds_changed = Signal()
    discovery_finished = Signal(object)
    poll_requested = Signal(object)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        discoverer: Discoverer = discover_with_new_client,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FeedManager", "Feeds"))
        self.setObjectName("feedManager")
        fit_to_screen(self, QSize(1000, 560))
        self._context = context
        self._store = context.store
        self._discoverer = discoverer
        self.choose_feed: Callable[[list[FeedLink]], FeedLink | None] = self._ask_feed
        self.confirm: Callable[[str], bool] = self._ask_confirm
        self.ask_open_path: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self,
            translate("FeedManager", "Import OPML"),
            "",
            translate("FeedManager", "OPML (*.opml *.xml);;All files (*)"),
        )[0]
        self.ask_save_path: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self, translate("FeedManager", "Export OPML"), "feeds.opml", "OPML (*.opml)"
        )[0]
        self.ask_category: Callable[[list[str]], str | None] = self._ask_category
        self._build()
        self.reload()

    def _build(self) -> None:
        self.address = QLineEdit()
        self.address.setPlaceholderText(
            translate("FeedManager", "Feed address or web page, e.g. https://example.com/news")
        )
        self.add_button = QPushButton(translate("FeedManager", "Add"))
        self.add_button.clicked.connect(self.add_from_address)
        self.address.returnPressed.connect(self.add_from_address)
        self.message = QLabel()
        self.message.setObjectName("feedMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("FeedManager", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        # The title keeps its room in a narrow dialog; health and dates are never cut,
        # the category and the error take what they need up to their share.
        self.columns = ColumnFitter(self.table, 0, {1: 0.15, 2: None, 3: None, 4: None, 5: 0.3})
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.title = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setSuffix(translate("FeedManager", " min"))
        self.interval.setSpecialValueText(translate("FeedManager", "default"))
        self.enabled = QCheckBox(translate("FeedManager", "Poll this feed"))
        self.save_button = QPushButton(translate("FeedManager", "Save changes"))
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton(translate("FeedManager", "Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.poll_button = QPushButton(translate("FeedManager", "Poll now"))
        self.poll_button.clicked.connect(self._on_poll_button_clicked)
        self.enable_button = QPushButton(translate("FeedManager", "Enable"))
        self.enable_button.clicked.connect(lambda: self.set_selected_enabled(True))
        self.disable_button = QPushButton(translate("FeedManager", "Disable"))
        self.disable_button.clicked.connect(lambda: self.set_selected_enabled(False))
        self.move_button = QPushButton(translate("FeedManager", "Move to…"))
        self.move_button.setToolTip(translate("FeedManager", "Put the selected feeds in another category"))
        self.move_button.clicked.connect(self.move_selected)
        self.import_button = QPushButton(translate("FeedManager", "Import OPML…"))
        self.import_button.clicked.connect(self.import_opml)
        self.export_button = QPushButton(translate("FeedManager", "Export OPML…"))
        self.export_button.clicked.connect(self.export_opml)
        close = QPushButton(translate("FeedManager", "Close"))
        close.clicked.connect(self.accept)
        add_row = QHBoxLayout()
        add_row.addWidget(self.address, 1)
        add_row.addWidget(self.add_button)
        form = QFormLayout()
        form.addRow(translate("FeedManager", "Title"), self.title)
        form.addRow(translate("FeedManager", "Category"), self.category)
        form.addRow(translate("FeedManager", "Poll interval"), self.interval)
        form.addRow("", self.enabled)
        edit_buttons = QHBoxLayout()
        for button in (
            self.save_button, self.poll_button, self.enable_button, self.disable_button,
            self.move_button, self.delete_button,
        ):
            edit_buttons.addWidget(button)
        edit_buttons.addStretch(1)
        # a second row: in one, nine buttons would keep the dialog wider than a small screen
        file_buttons = QHBoxLayout()
        for button in (self.import_button, self.export_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        file_buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(edit_buttons)
        layout.addLayout(file_buttons)
        self._set_editing(False)
        self._set_acting(False)

    # --- the table ------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        feeds = self._store.feeds.list()
        select = select if select is not None else self.selected_id()
        self.table.setRowCount(len(feeds))
        for row, feed in enumerate(feeds):
            state = health(feed)
            cells = (
                feed.display_title,
                feed.category or "",
                health_word(state),
                when(feed.last_success_at),
                next_poll_text(feed, translate("FeedManager", "soon")),
                core_text(feed.last_error) if feed.last_error else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(FEED_ID_ROLE, feed.id)
                item.setToolTip(feed_tooltip(feed))
                self.table.setItem(row, column, item)
            self.table.item(row, 2).setIcon(dot_icon(HEALTH_COLOURS[state]))
        categories = sorted({f.category for f in feeds if f.category})
        current = self.category.currentText()
        self.category.clear()
        self.category.addItems(["", *categories])
        self.category.setCurrentText(current)
        if select is not None:
            self.select_feed(select)

    def select_feed(self, feed_id: int) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(FEED_ID_ROLE) == feed_id:
                self.table.selectRow(row)
                return True
        return False

    def selected_ids(self) -> list[int]:
        """The ids of the selected feeds, in the table's order."""
        model = self.table.selectionModel()
        rows = sorted(index.row() for index in model.selectedRows()) if model else []
        return [self.table.item(row, 0).data(FEED_ID_ROLE) for row in rows]

    def selected_id(self) -> int | None:
        """The one selected feed; None when none or several are selected."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def select_feeds(self, feed_ids: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for feed_id in feed_ids:
            self.select_feed(feed_id)
        self.table.setSelectionMode(mode)

    def _on_table_selection_changed(self) -> None:
        feed_id = self.selected_id()
        feed = self._feed(feed_id) if feed_id is not None else None
        self._set_acting(bool(self.selected_ids()))
        self._set_editing(feed is not None)
        # Several feeds selected: the form is empty rather than showing one of them.
        self.title.setText(feed.title or "" if feed is not None else "")
        self.category.setCurrentText(feed.category or "" if feed is not None else "")
        self.interval.setValue((feed.interval_s or 0) // 60 if feed is not None else 0)
        self.enabled.setChecked(feed.enabled if feed is not None else False)
        count = len(self.selected_ids())
        self.title.setPlaceholderText(
            translate("FeedManager", "%n feed(s) selected", None, count) if count > 1 else ""
        )

    def _feed(self, feed_id: int) -> Feed | None:
        try:
            return self._store.feeds.get(feed_id)
        except NotFoundError:
            return None

    def _set_editing(self, on: bool) -> None:
        for widget in (
            self.title,
            self.category,
            self.interval,
            self.enabled,
            self.save_button,
        ):
            widget.setEnabled(on)

    def _set_acting(self, on: bool) -> None:
        """The commands that act on every selected feed."""
        for button in (
            self.poll_button, self.enable_button, self.disable_button, self.move_button, self.delete_button,
        ):
            button.setEnabled(on)

    # --- editing --------------------------------------------------------------------------

    def save_selected(self) -> None:
        feed_id = self.selected_id()
        if feed_id is None:
            return
        minutes = self.interval.value()
        self._store.feeds.update(
            feed_id,
            title=self.title.text().strip() or None,
            category=self.category.currentText().strip() or None,
            interval_s=minutes * 60 if minutes else None,
            enabled=int(self.enabled.isChecked()),
        )
        self.reload(select=feed_id)
        self.message.setText(translate("FeedManager", "Saved."))
        self.feeds_changed.emit()

    def delete_selected(self) -> None:
        feeds = [f for f in map(self._feed, self.selected_ids()) if f is not None]
        if not feeds:
            return
        count = len(feeds)
        if count == 1:
            title = feeds[0].display_title
            question = translate("FeedManager", "Delete the feed “{}” and the items only it carried?")
            question = question.format(title)
            done = translate("FeedManager", "Deleted {}.").format(title)
        else:
            question = translate(
                "FeedManager", "Delete %n feed(s) and the items only they carried?", None, count
            )
            done = translate("FeedManager", "Deleted %n feed(s).", None, count)
        if not self.confirm(question):
            return
        for feed in feeds:
            self._store.feeds.remove(feed.id)
        self.reload()
        self.message.setText(done)
        self.feeds_changed.emit()

    def set_selected_enabled(self, enabled: bool) -> None:
        ids = self.selected_ids()
        for feed_id in ids:
            self._store.feeds.set_enabled(feed_id, enabled)
        self._after_bulk_change(ids, (
            translate("FeedManager", "Enabled {}.") if enabled else translate("FeedManager", "Disabled {}.")
        ).format(_feeds(len(ids))))

    def move_selected(self) -> None:
        ids = self.selected_ids()
        categories = sorted({f.category for f in self._store.feeds.list() if f.category})
        category = self.ask_category(categories) if ids else None
        if category is None:
            return
        for feed_id in ids:
            self._store.feeds.update(feed_id, category=category.strip() or None)
        where = quoted(category.strip()) if category.strip() else translate("FeedManager", "no category")
        moved = translate("FeedManager", "Moved {feeds} to {where}.")
        self._after_bulk_change(ids, moved.format(feeds=_feeds(len(ids)), where=where))

    def _after_bulk_change(self, ids: list[int], message: str) -> None:
        self.reload()
        self.select_feeds(ids)
        self.message.setText(message)
        self.feeds_changed.emit()

    def _ask_category(self, categories: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            self,
            translate("FeedManager", "Move feeds"),
            translate("FeedManager", "Category (leave empty for none):"),
            ["", *categories],
            0,
            True,
        )
        return name if ok else None

    def _on_poll_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.poll_requested.emit(ids)

    # --- adding -----------------------------------------------------------------------------

    def add_from_address(self) -> None:
        text = with_scheme(self.address.text())
        if not text:
            return
        self.add_button.setEnabled(False)
        self.message.setText(translate("FeedManager", "Looking for feeds at {}…").format(text))
        self._context.runner.run(
            self._discoverer, text, on_done=self._on_discovered, on_error=self._on_discovery_failed
        )

    def _on_discovered(self, found: Discovery) -> None:
        self.add_button.setEnabled(True)
        if found.error:
            self.message.setText(core_text(found.error, framed=True))
        else:
            choice = found.feeds[0] if len(found.feeds) == 1 else self.choose_feed(list(found.feeds))
            if choice is not None:
                self._add(choice)
        self.discovery_finished.emit(found)

    def _on_discovery_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        failed = translate("FeedManager", "Could not look up that address: {}")
        self.message.setText(failed.format(core_text(exc)))
        self.discovery_finished.emit(Discovery(self.address.text(), error=str(exc)))

    def _add(self, link: FeedLink) -> None:
        try:
            feed = self._store.feeds.add(link.url, title=link.title, now=self._context.clock())
        except DuplicateFeedError as exc:
            self.message.setText(str(exc))
            return
        self.address.clear()
        self.reload(select=feed.id)
        self.message.setText(translate("FeedManager", "Added {}.").format(feed.display_title))
        self.feeds_changed.emit()
        self.poll_requested.emit([feed.id])

    def _ask_feed(self, links: list[FeedLink]) -> FeedLink | None:
        labels = [f"{link.title} — {link.url}" if link.title else link.url for link in links]
        label, ok = QInputDialog.getItem(
            self,
            translate("FeedManager", "Choose a feed"),
            translate("FeedManager", "This page offers several feeds:"),
            labels,
            0,
            False,
        )
        return links[labels.index(label)] if ok and label in labels else None

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("FeedManager", "Delete feed"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- OPML ---------------------------------------------------------------------------------

    def import_opml(self) -> None:
        path = self.ask_open_path()
        if not path:
            return
        try:
            document = read_opml_file(path)
        except (OSError, OPMLError) as exc:
            self.message.setText(
                translate("FeedManager", "Could not import {path}: {error}").format(
                    path=path, error=core_text(exc)
                )
            )
            return
        result = import_opml(self._store, document, self._context.clock())
        self.message.setText(import_message(result))
        self.reload()
        self.feeds_changed.emit()

    def export_opml(self) -> None:
        path = self.ask_save_path()
        if not path:
            return
        export = export_opml(self._store)
        try:
            write_atomically(Path(path), export.data)
        except OSError as exc:
            self.message.setText(
                translate("FeedManager", "Could not write {path}: {error}").format(
                    path=path, error=core_text(exc.strerror or exc)
                )
            )
            return
        count = export.feeds
        exported = translate("FeedManager", "Exported %n feed(s) to {path}.", None, count)
        self.message.setText(exported.format(path=path))


def _feeds(count: int) -> str:
    return translate("FeedManager", "%n feed(s)", None, count)


def import_message(result: OPMLImport) -> str:
    added, listed, skipped = len(result.added), len(result.skipped), len(result.problems)
    text = translate("FeedManager", "Imported %n new feed(s)", None, added)
    if listed:
        text += "; " + translate("FeedManager", "%n already listed", None, listed)
    if skipped:
        first = core_text(result.problems[0])
        text += "; " + translate("FeedManager", "%n skipped ({first})", None, skipped).format(first=first)
    return text + "."
