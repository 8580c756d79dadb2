"""The reading loop: what the list shows, which item is open, and what the reader does to it.

It joins the sidebar's scope, the search box and the dates into one store query,
feeds it to the article model, opens the current item in the article view (marking
it read), and carries out the article actions.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal

from db import ArticleQuery, NotFoundError, Store, StoreError
from db.records import SavedSearch
from ui.article_detail import load_detail
from ui.context import AppContext
from ui.core_text import core_text
from ui.filters import ALL, Scope, date_range, query_for, search_terms
from ui.i18n import translate
from ui.models.articles import ArticleTableModel
from ui.panels.article_list import ArticleListPanel
from ui.panels.article_view import ArticleView, copy_to_clipboard
from ui.panels.safe_browser import is_web_url
from ui.sidebar_counts import baseline_date


class ReaderController(QObject):
    """Signals:
    state_changed(): read, starred or tags changed, so the counts are stale.
    message(str): one line for the status bar.
    undo_available(bool): whether a mark all read can be undone.
    """

    state_changed = Signal()
    message = Signal(str)
    undo_available = Signal(bool)

    def __init__(
        self, context: AppContext, model: ArticleTableModel, articles: ArticleListPanel, view: ArticleView
    ) -> None:
        super().__init__(articles)
        self._context = context
        self._store: Store = context.store
        self.model = model
        self.articles = articles
        self.view = view
        self.scope: Scope = ALL
        self._open_id: int | None = None
        self.marked_all_read: list[int] = []
        articles.filters_changed.connect(self.apply_filters)
        articles.current_article_changed.connect(self._on_articles_current_article_changed)

    # --- the list ---------------------------------------------------------------------

    def set_scope(self, scope: Scope) -> None:
        if self.scope.kind == "search" and scope != self.scope:
            self.articles.search.clear()  # what was typed to save the search belongs to it
        self.scope = scope
        self.apply_filters()

    def _saved(self) -> SavedSearch | None:
        if self.scope.kind != "search":
            return None
        try:
            return self._store.searches.get(int(self.scope.key or 0))
        except NotFoundError:
            return None

    def apply_filters(self) -> bool:
        """Re-query the list for the scope, search and dates; False when the search is unusable."""
        preset = self.articles.date_preset()
        first, last = self.articles.custom_dates()
        dates = date_range(
            preset, self._context.clock(), baseline_date(self._store.baseline.list()), first, last
        )
        query = query_for(
            self.scope, search=self.articles.search_text(), dates=dates, saved=self._saved(),
            include_irrelevant=self.articles.shows_all(),
        )
        try:
            self.model.set_query(query)
        except StoreError as exc:
            self.articles.show_message(core_text(exc, framed=True))
            return False
        self.articles.show_message("")
        if self.articles.current_article_id() is None:
            self.view.show_detail(None)
            self._open_id = None
        return True

    def refresh(self) -> None:
        """New items arrived: reload in place, keeping the selection and the scroll offset."""
        try:
            self.articles.reload_keeping_place()
        except StoreError as exc:
            self.articles.show_message(core_text(exc, framed=True))

    # --- the open item ------------------------------------------------------------------

    def _on_articles_current_article_changed(self, article_id: int | None) -> None:
        if article_id == self._open_id and article_id is not None:
            return
        self._open_id = article_id
        if article_id is None:
            self.view.show_detail(None)
            return
        try:
            detail = load_detail(self._store, article_id)
        except NotFoundError:
            self.view.show_detail(None)
            return
        terms = search_terms(self.articles.search_text())
        saved = self._saved()
        if saved is not None:
            terms = search_terms(saved.query) + terms
        self.view.show_detail(detail, terms)
        row = self.model.article_row(self.model.row_of(article_id) or 0)
        if row is not None and row.id == article_id and not row.read:
            self.set_read(True)

    def current_id(self) -> int | None:
        return self.articles.current_article_id()

    # --- actions --------------------------------------------------------------------------

    def set_read(self, read: bool) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        self._store.articles.set_read([article_id], read, now=self._context.clock())
        self.model.update_row(article_id, read=read)
        self.state_changed.emit()

    def toggle_star(self) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        starred = not self._store.articles.state(article_id).starred
        self._store.articles.set_starred(article_id, starred, now=self._context.clock())
        self.model.update_row(article_id, starred=starred)
        self.state_changed.emit()

    def is_starred(self) -> bool:
        article_id = self.current_id()
        return article_id is not None and self._store.articles.state(article_id).starred

    def mark_all_read(self) -> int:
        """Mark read every item of the list, remembering which, for an undo."""
        return self.mark_all_read_in(None)

    def mark_all_read_in(self, queries: list[ArticleQuery] | None) -> int:
        """Mark read every item of `queries` (None: of the list), remembering which, for an undo."""
        now = self._context.clock()
        self.marked_all_read = [
            article_id
            for query in (queries if queries is not None else [self.model.query])
            for article_id in self._store.articles.mark_all_read_ids(query, now=now)
        ]
        count = len(self.marked_all_read)
        if queries is None:
            self.model.mark_all_read_locally()
        else:
            self.refresh()
        marked = translate("Reader", "Marked %n item(s) read (Edit › Undo mark all read)", None, count)
        self.message.emit(marked)
        self.undo_available.emit(bool(count))
        self.state_changed.emit()
        return count

    def undo_mark_all_read(self) -> int:
        """Unread again exactly the items the last mark all read marked."""
        ids, self.marked_all_read = self.marked_all_read, []
        if ids:
            self._store.articles.set_read(ids, False, now=self._context.clock())
            self.refresh()
            count = len(ids)
            self.message.emit(translate("Reader", "%n item(s) unread again", None, count))
            self.state_changed.emit()
        self.undo_available.emit(False)
        return len(ids)

    def set_tag(self, issue: str, present: bool) -> None:
        """The reader's correction: this item is (or is not) about `issue`, whatever the rules say."""
        article_id = self.current_id()
        if article_id is None:
            return
        self._store.articles.set_manual_tag(article_id, issue, present)
        slugs = tuple(tag.issue for tag in self._store.articles.tags(article_id))
        self.model.update_row(article_id, issues=slugs)
        self._open_id = None
        self._on_articles_current_article_changed(article_id)
        self.state_changed.emit()

    def set_relevance(self, relevant: bool) -> None:
        """The reader's correction: the current item is (or is not) about the storyline."""
        article_id = self.current_id()
        if article_id is None:
            return
        self._store.articles.set_relevance(article_id, relevant, now=self._context.clock())
        self.model.update_row(article_id, relevant=relevant)
        self.message.emit(
            translate("Reader", "Marked as about Canada–China")
            if relevant
            else translate("Reader", "Marked as not about Canada–China")
        )
        self.refresh()
        self.state_changed.emit()

    def open_in_browser(self) -> None:
        url = self.current_url()
        if url and is_web_url(QUrl(url)) and not self._context.opener(QUrl(url)):
            self.message.emit(
                translate(
                    "Reader", "No web browser could be started; Article › Copy link (L) copies {}"
                ).format(url)
            )

    def copy_link(self) -> None:
        url = self.current_url()
        if url:
            copy_to_clipboard(url)
            self.message.emit(translate("Reader", "Copied {}").format(url))

    def current_url(self) -> str | None:
        article_id = self.current_id()
        return None if article_id is None else self._store.articles.get(article_id).url

    def current_tag_sets(self) -> list[frozenset[str]]:
        """The issue slugs of each selected item (the list selects one at most)."""
        article_id = self.current_id()
        if article_id is None:
            return []
        return [frozenset(tag.issue for tag in self._store.articles.tags(article_id))]

    def step(self, delta: int) -> None:
        self.articles.step(delta)
        self.articles.table.setFocus()

    def save_search(self, name: str, text: str) -> SavedSearch | None:
        issue = self.scope.key if self.scope.kind == "issue" else None
        feed_id = self.scope.key if self.scope.kind == "feed" else None
        try:
            return self._store.searches.add(name, text, issue=issue, feed_id=feed_id)  # type: ignore[arg-type]
        except StoreError as exc:
            self.message.emit(core_text(exc, framed=True))
            return None
