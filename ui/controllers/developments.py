"""The Developments loop: which stories the tree shows, which item is open, and the reader's
corrections (read, merge, take out). Also keeps the Baseline tab's moves and stories fresh.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from db import NotFoundError, Store
from monitor.settings import last_looked, mark_looked
from ui.article_detail import load_detail
from ui.baseline_data import load_baseline_extras
from ui.context import AppContext
from ui.core_text import core_text
from ui.developments import PERIODS, Developments, load_developments, since_for
from ui.i18n import long_date, translate
from ui.models.stories import ARTICLE_ID_ROLE, SLUG_ROLE, StoryTreeModel
from ui.panels.baseline import BaselinePanel
from ui.panels.developments import DevelopmentsPanel
from ui.sidebar_counts import baseline_date
from ui.tasks import FoldedRead

PERIOD_SETTING = "developments/period"


class DevelopmentsController(QObject):
    """Signals:
    state_changed(): items were marked read, so the counts are stale.
    message(str): one line for the status bar.
    """

    state_changed = Signal()
    message = Signal(str)

    def __init__(self, context: AppContext, panel: DevelopmentsPanel, baseline: BaselinePanel) -> None:
        super().__init__(panel)
        self._context = context
        self._store: Store = context.store
        self.panel = panel
        self.model: StoryTreeModel = panel.model
        self.baseline = baseline
        self._open_id: int | None = None
        self._last_looked = last_looked(self._store)
        self._stories_read = FoldedRead(
            context.runner, context.db_path, load_developments, self._show, lambda: (self._since(),)
        )
        self._extras_read = FoldedRead(
            context.runner, context.db_path, load_baseline_extras, baseline.show_extras
        )
        period = context.settings.value(PERIOD_SETTING, "baseline")
        panel.set_period(period if period in dict(PERIODS) else "baseline")
        panel.period_changed.connect(self._on_panel_period_changed)
        panel.current_item_changed.connect(self._on_panel_current_item_changed)
        panel.story_activated.connect(lambda story_id: self.mark_read([story_id]))
        panel.mark_read_requested.connect(self.mark_read)
        panel.merge_requested.connect(self.merge)
        panel.take_out_requested.connect(self.take_out)

    # --- what the tree shows ------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the stories again now (after the reader's own change), keeping the expanded
        stories and the current row where they still are."""
        self._show(load_developments(self._store, self._since()))

    def refresh_in_background(self) -> None:
        """Read the stories off the GUI thread (while a poll writes them); requests made while
        reading fold into one."""
        self._stories_read.request()

    def _show(self, developments: Developments) -> None:
        tree = self.panel.tree
        expanded = self._expanded()
        current = self.panel.current_article_id()
        self.model.set_developments(developments)
        self.panel.expand_issues()
        for story_id, slug in expanded:
            index = self.model.story_index(story_id, slug)
            if index.isValid():
                tree.expand(index)
        self._restore_current(current)
        self.panel.set_summary(self._summary())
        self.refresh_baseline()

    def _since(self) -> datetime | None:
        day = baseline_date(self._store.baseline.list())
        return since_for(self.panel.period_key(), self._context.clock(), day, self._last_looked)

    def select_story(self, story_id: int) -> None:
        """Make a story current, widening the period to the baseline if it is older."""
        if not self.model.story_index(story_id).isValid() and self.panel.period_key() != "baseline":
            self.panel.set_period("baseline")
        index = self.model.story_index(story_id)
        if not index.isValid():
            self.message.emit(translate("Developments", "That story is older than the baseline"))
            return
        self.panel.tree.setCurrentIndex(index)
        self.panel.tree.scrollTo(index)

    def _expanded(self) -> list[tuple[int, str]]:
        """(story id, issue slug) of every expanded story row."""
        out = []
        for row in range(self.model.rowCount()):
            heading = self.model.index(row, 0)
            for number in range(self.model.rowCount(heading)):
                index = self.model.index(number, 0, heading)
                story = self.model.story_at(index)
                if story is not None and self.panel.tree.isExpanded(index):
                    out.append((story.id, heading.data(SLUG_ROLE)))
        return out

    def _restore_current(self, article_id: int | None) -> None:
        if article_id is None:
            return
        for story in self.model.stories_shown():
            if article_id in story.item_ids:
                parent = self.model.story_index(story.id)
                for row in range(self.model.rowCount(parent)):
                    index = self.model.index(row, 0, parent)
                    if index.data(ARTICLE_ID_ROLE) == article_id:
                        self.panel.tree.setCurrentIndex(index)
                        return

    def _summary(self) -> str:
        since = self._since()
        shown = self.model.stories_shown()
        moved = sum(1 for s in shown if s.moves)
        unread = sum(1 for s in shown if s.unread)
        if since:
            when = translate("Developments", "since {}").format(
                long_date(since.astimezone(), "%d %B %Y, %H:%M")
            )
        else:
            when = translate("Developments", "ever")
        count = len(shown)
        stories = translate("Developments", "%n story(ies)", None, count)
        unread_text = translate("Developments", "%n unread", None, unread)
        moved_text = translate("Developments", "%n with a move", None, moved)
        return f"{stories} {when} · {unread_text} · {moved_text}"

    def _on_panel_period_changed(self, period: str) -> None:
        self._context.settings.setValue(PERIOD_SETTING, period)
        self.refresh()

    # --- looking and leaving --------------------------------------------------------------

    def entered(self) -> None:
        """The view is shown: "since I last looked" means since the last time it was left."""
        self._last_looked = last_looked(self._store)
        if self.panel.period_key() == "last_looked":
            self.refresh()

    def left(self) -> None:
        mark_looked(self._store, self._context.clock())

    # --- the open item ------------------------------------------------------------------------

    def _on_panel_current_item_changed(self, article_id: int | None) -> None:
        if article_id == self._open_id:
            return
        self._open_id = article_id
        if article_id is None:
            self.panel.view.show_detail(None)
            return
        try:
            self.panel.view.show_detail(load_detail(self._store, article_id))
        except NotFoundError:
            self.panel.view.show_detail(None)
            return
        if not self._store.articles.state(article_id).read:
            self._set_read([article_id])

    def _set_read(self, article_ids: list[int]) -> None:
        self._store.articles.set_read(article_ids, True, now=self._context.clock())
        self.model.set_items_read(set(article_ids))
        self.panel.set_summary(self._summary())
        self.state_changed.emit()

    # --- the reader's corrections ------------------------------------------------------------

    def mark_read(self, story_ids: list[int]) -> None:
        items = [a for s in self.model.stories_shown() if s.id in story_ids for a in s.item_ids]
        if items:
            self._set_read(items)

    def merge(self, story_ids: list[int]) -> None:
        """Merge the stories into the one first seen, which keeps its id and headline."""
        stories = [s for s in self.model.stories_shown() if s.id in story_ids]
        if len(stories) < 2:
            return
        stories.sort(key=lambda s: (s.first_date, s.id))
        for other in stories[1:]:
            self._store.stories.merge(stories[0].id, other.id)
        merged = len(stories)
        self.message.emit(translate("Developments", "Merged %n story(ies)", None, merged))
        self.refresh()

    def take_out(self, article_id: int) -> None:
        try:
            self._store.stories.take_out(article_id)
        except NotFoundError as exc:
            self.message.emit(core_text(exc, framed=True))
            return
        self.message.emit(translate("Developments", "Took the item out into a story of its own"))
        self.refresh()

    # --- the Baseline tab's moves and stories -------------------------------------------------

    def refresh_baseline(self) -> None:
        """Read the moves and latest stories off the GUI thread; requests while reading fold into one."""
        self._extras_read.request()
