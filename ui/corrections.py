"""Wiring of the reader's corrections that the main window offers: relevance and undoing
a mark all read. Kept apart so that the window only calls `wire_corrections`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def wire_corrections(window: MainWindow) -> None:
    actions, reader = window.actions, window.reader
    actions.not_relevant.triggered.connect(lambda: reader.set_relevance(False))
    actions.relevant.triggered.connect(lambda: reader.set_relevance(True))
    actions.undo_mark_all_read.triggered.connect(reader.undo_mark_all_read)
    reader.undo_available.connect(actions.undo_mark_all_read.setEnabled)

    def offer(article_id: int | None) -> None:
        number = None if article_id is None else reader.model.row_of(article_id)
        row = None if number is None else reader.model.article_row(number)
        actions.set_relevance_choice(None if row is None else row.relevant)

    window.articles.current_article_changed.connect(offer)
    reader.model.dataChanged.connect(lambda *_: offer(reader.current_id()))
    reader.model.modelReset.connect(lambda: offer(reader.current_id()))
