"""The main window: composes the panels, the actions and the controllers and wires their
signals. The logic lives in the panels, the models and the controllers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget

from db import ArticleQuery
from monitor import __version__
from monitor.settings import Settings, load_view, save_view
from monitor.settings import load as load_settings
from ui.accessibility import describe_for_assistive_tech
from ui.context import AppContext
from ui.controllers.counts import CountsController
from ui.controllers.db_watch import DatabaseWatcher, outline
from ui.controllers.developments import DevelopmentsController
from ui.controllers.polling import PollingController
from ui.controllers.reader import ReaderController
from ui.corrections import wire_corrections
from ui.empty_state import install_empty_state
from ui.filters import Scope
from ui.i18n import shown_facts, shown_issues, translate
from ui.icons import app_icon
from ui.models.articles import ArticleTableModel
from ui.models.stories import StoryTreeModel
from ui.panels.article_list import ArticleListPanel
from ui.panels.article_view import ArticleView
from ui.panels.baseline import BaselinePanel
from ui.panels.developments import DevelopmentsPanel
from ui.panels.poll_status import PollStatus
from ui.panels.sidebar import SidebarPanel
from ui.panels.timeline import TimelinePanel
from ui.screen_fit import MAIN_WINDOW_MAX, fit_to_screen, keep_on_screen
from ui.sidebar_actions import wire_sidebar_actions
from ui.sidebar_counts import SidebarCounts, baseline_date
from ui.timeline_data import load_timeline
from ui.tray import Tray


def title() -> str:
    """The app's name in the interface's language."""
    return translate("MainWindow", "Canada–China Monitor")

TAB_DEVELOPMENTS, TAB_ARTICLES, TAB_BASELINE, TAB_TIMELINE = range(4)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        from ui.actions import Actions  # here, so that building actions needs the window

        self.context = context
        self.store = context.store
        self.setWindowTitle(title())
        self.setWindowIcon(app_icon())
        fit_to_screen(self, MAIN_WINDOW_MAX)
        self.sidebar = SidebarPanel()
        self.model = ArticleTableModel(self.store, parent=self)
        self.articles = ArticleListPanel(self.model)
        self.view = ArticleView(context.opener)
        self.baseline = BaselinePanel()
        stories = StoryTreeModel(self.store, parent=self)
        self.developments = DevelopmentsPanel(stories, ArticleView(context.opener))
        self.timeline = TimelinePanel()
        self.poll_status = PollStatus()
        self.actions = Actions(self)
        self.reader = ReaderController(context, self.model, self.articles, self.view)
        self.counts = CountsController(context, self)
        self.stories = DevelopmentsController(context, self.developments, self.baseline)
        self.polling = PollingController(context, self.poll_status, self.sidebar)
        # While this app polls, the poll's own signals refresh the views; the check follows it.
        self.db_watch = DatabaseWatcher(self.store, self, paused=lambda: self.polling.poller.busy)
        self.tray = Tray(self, app_icon(), wanted=context.use_tray)
        self._dialog: Any = None
        self._quitting = False
        self._layout()
        self._wire()
        self.keyboard = self._keyboard()
        self.load_content()
        self.reader.apply_filters()
        self.sidebar.select(Scope(), notify=False)
        self.restore_state()
        self.stories.refresh()
        self._tab = -1  # no view was left yet
        if not self.store.articles.rows(ArticleQuery(include_irrelevant=True), limit=1):
            # first run: the Developments view's empty-state panel says what the app is doing
            self.tabs.setCurrentIndex(TAB_DEVELOPMENTS)
        self._tab = self.tabs.currentIndex()
        self._restore_view()
        self.counts.refresh()
        describe_for_assistive_tech(self)
        if context.poll_on_start:
            self.polling.start()

    def _layout(self) -> None:
        self.reading = QSplitter(Qt.Orientation.Vertical)
        self.reading.setObjectName("readingSplitter")
        self.reading.addWidget(self.articles)
        self.reading.addWidget(self.view)
        self.reading.setSizes([380, 420])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.developments, translate("MainWindow", "Developments"))
        self.tabs.addTab(self.reading, translate("MainWindow", "Articles"))
        self.tabs.addTab(self.baseline, translate("MainWindow", "Baseline"))
        self.tabs.addTab(self.timeline, translate("MainWindow", "Timeline"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        sidebar = min(270, self.width() * 24 // 100)  # a small screen leaves the list its room
        self.splitter.setSizes([sidebar, self.width() - sidebar])
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(self.poll_status)
        self.actions.build_menus()
        self.actions.install_context_menu(self.articles.table)
        self.actions.set_article_enabled(False)

    def _wire(self) -> None:
        a, reader = self.actions, self.reader
        a.poll_now.triggered.connect(lambda: self.polling.poller.poll_now(all_feeds=True))
        a.cancel_poll.triggered.connect(self.polling.poller.cancel)
        self.polling.poller.poll_started.connect(lambda: a.cancel_poll.setEnabled(True))
        self.polling.poll_done.connect(self._on_polling_poll_done)
        self.polling.poller.poll_failed.connect(lambda _m: a.cancel_poll.setEnabled(False))
        self.polling.items_changed.connect(self._on_items_changed)
        self.polling.poll_done.connect(lambda _summary: self.db_watch.check())
        self.db_watch.changed.connect(self._on_database_changed)
        a.quit.triggered.connect(self.quit)
        a.mark_read.triggered.connect(lambda: reader.set_read(True))
        a.mark_unread.triggered.connect(lambda: reader.set_read(False))
        a.star.triggered.connect(reader.toggle_star)
        a.mark_all_read.triggered.connect(reader.mark_all_read)
        a.tag_requested.connect(reader.set_tag)
        a.open_in_browser.triggered.connect(reader.open_in_browser)
        a.copy_link.triggered.connect(reader.copy_link)
        reader.state_changed.connect(self._update_tag_menus)
        a.next_item.triggered.connect(lambda: reader.step(1))
        a.previous_item.triggered.connect(lambda: reader.step(-1))
        a.focus_search.triggered.connect(self._focus_search)
        a.show_developments.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_DEVELOPMENTS))
        a.show_articles.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_ARTICLES))
        a.show_baseline.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_BASELINE))
        a.show_timeline.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_TIMELINE))
        a.feeds.triggered.connect(self.open_feeds)
        a.edit_issues.triggered.connect(self.open_rules)
        a.settings.triggered.connect(self.open_settings)
        a.export_digest.triggered.connect(self.open_export)
        a.about.triggered.connect(self._about)
        self.sidebar.scope_selected.connect(self._on_sidebar_scope_selected)
        self.sidebar.search_removal_requested.connect(self._on_sidebar_search_removal_requested)
        self.articles.current_article_changed.connect(self._on_articles_current_article_changed)
        self.articles.save_search_requested.connect(self._on_articles_save_search_requested)
        self.baseline.issue_chosen.connect(self.show_issue)
        self.baseline.story_chosen.connect(self.show_story)
        self.stories.state_changed.connect(self.counts.refresh)
        self.stories.state_changed.connect(reader.refresh)
        self.stories.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.view.tag_chip_activated.connect(self.show_issue)
        reader.state_changed.connect(self.counts.refresh)
        reader.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.counts.counts_loaded.connect(self._on_counts_loaded)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.timeline.period_changed.connect(lambda _days: self.load_timeline())
        wire_corrections(self)
        self.sidebar_actions = wire_sidebar_actions(self)
        self.empty_state = install_empty_state(self, (TAB_DEVELOPMENTS, TAB_ARTICLES))

    # --- content --------------------------------------------------------------------------

    def load_content(self) -> None:
        """Issues, saved searches, feeds and the baseline, as the store has them now."""
        issues = shown_issues(self.store.issues.list())
        searches, feeds = self.store.searches.list(), self.store.feeds.list()
        self._outline = outline(issues, searches, feeds)
        self.sidebar.reload(issues, searches, feeds)
        self.articles.chips.set_issues(issues)
        self.model.set_issue_names({i.slug: i.name for i in issues})
        self.actions.set_issues(issues)
        facts = shown_facts(self.store.baseline.list())
        self.baseline.show_facts(issues, facts, baseline_date(facts))
        self.baseline.set_counts(self.counts.latest.since_baseline)

    def _on_counts_loaded(self, counts: SidebarCounts) -> None:
        self.sidebar.sidebar_model.set_counts(counts)
        self.baseline.set_counts(counts.since_baseline)
        self.tray.set_unread(counts.unread)

    def _on_items_changed(self) -> None:
        self.reader.refresh()
        self.stories.refresh_in_background()
        self.counts.refresh()
        if self.tabs.currentIndex() == TAB_TIMELINE:
            self.load_timeline()

    def _on_database_changed(self) -> None:
        """Another process (or a worker) wrote: feeds, issues and items may all have changed."""
        feeds = self.store.feeds.list()
        if outline(self.store.issues.list(), self.store.searches.list(), feeds) != self._outline:
            self.load_content()
        for feed in feeds:
            self.sidebar.sidebar_model.update_feed(feed)
        self._on_items_changed()

    def _on_polling_poll_done(self, summary: Any) -> None:
        self.actions.cancel_poll.setEnabled(False)
        if load_settings(self.store).notify:
            self.tray.notify(summary.new_by_issue, shown_issues(self.store.issues.list()))

    def load_timeline(self) -> None:
        self.timeline.set_last_day(self.context.clock().date())
        token = self.timeline.begin_load()
        self.context.runner.run_with_store(
            self.context.db_path,
            load_timeline,
            self.timeline.last_day(),
            self.timeline.days(),
            on_done=lambda data: self.timeline.finish_load(token, data),
        )

    def _reload_timeline_if_shown(self) -> None:
        """After a retag the counts per issue change; a hidden timeline reloads when shown."""
        if self.tabs.currentIndex() == TAB_TIMELINE:
            self.load_timeline()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self._tab == TAB_DEVELOPMENTS:
            self.stories.left()
        self._tab = index
        if index == TAB_DEVELOPMENTS:
            self.stories.entered()
        elif index == TAB_TIMELINE:
            self.load_timeline()

    # --- navigation -------------------------------------------------------------------------

    def show_issue(self, slug: str) -> None:
        self.tabs.setCurrentIndex(TAB_ARTICLES)
        self.sidebar.select(Scope("issue", slug))

    def show_story(self, story_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_DEVELOPMENTS)
        self.stories.select_story(story_id)

    def _on_sidebar_scope_selected(self, scope: Scope) -> None:
        self.tabs.setCurrentIndex(TAB_ARTICLES)
        self.reader.set_scope(scope)

    def _on_articles_current_article_changed(self, article_id: int | None) -> None:
        self.actions.set_article_enabled(article_id is not None)
        self.actions.star.setChecked(self.reader.is_starred())
        self._update_tag_menus()

    def _update_tag_menus(self) -> None:
        self.actions.set_tag_choices(self.reader.current_tag_sets())

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_ARTICLES)
        self.articles.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.articles.search.selectAll()

    def _on_articles_save_search_requested(self, text: str) -> None:
        name, ok = QInputDialog.getText(
            self,
            translate("MainWindow", "Save search"),
            translate("MainWindow", "Name of the saved search:"),
            text=text[:60],
        )
        if ok and name.strip():
            self.save_search(name.strip(), text)

    def save_search(self, name: str, text: str) -> None:
        saved = self.reader.save_search(name, text)
        if saved is not None:
            self.load_content()
            self.sidebar.select(Scope("search", saved.id))
            self.counts.refresh()

    def _on_sidebar_search_removal_requested(self, search_id: int) -> None:
        self.store.searches.remove(search_id)
        self.load_content()

    # --- dialogs ----------------------------------------------------------------------------

    def _show_dialog(self, dialog: Any) -> Any:
        self._dialog = dialog
        describe_for_assistive_tech(dialog)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        self.load_content()
        self.reader.refresh()
        self.stories.refresh()
        self.counts.refresh()
        self._dialog = None

    def open_feeds(self) -> Any:
        from ui.dialogs.feeds import FeedManagerDialog

        dialog = FeedManagerDialog(self.context, self)
        dialog.poll_requested.connect(lambda ids: self.polling.poller.poll_now(feed_ids=ids))
        self.db_watch.changed.connect(dialog.reload)
        dialog.finished.connect(lambda _result: self.db_watch.changed.disconnect(dialog.reload))
        return self._show_dialog(dialog)

    def open_rules(self) -> Any:
        from ui.dialogs.rules import RulesDialog

        dialog = RulesDialog(self.context, self)
        dialog.retag_finished.connect(lambda _summary: self._on_dialog_finished(0))
        dialog.retag_finished.connect(lambda _summary: self._reload_timeline_if_shown())
        return self._show_dialog(dialog)

    def open_settings(self) -> Any:
        from ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.settings_saved.connect(self._on_settings_saved)
        return self._show_dialog(dialog)

    def _on_settings_saved(self, settings: Settings) -> None:
        self.polling.set_interval(settings.poll_interval_s)

    def open_export(self) -> Any:
        from ui.dialogs.export import ExportDialog  # here: the digest templates load only when asked

        return self._show_dialog(ExportDialog(self.context, self))

    def _about(self) -> None:
        text = translate("MainWindow", "{title} {version}\nDatabase: {path}")
        QMessageBox.about(
            self, title(), text.format(title=title(), version=__version__, path=self.context.db_path)
        )

    def _keyboard(self) -> Any:
        from ui.keyboard import KeyboardNavigation

        panes = (self.sidebar, self.articles.table, self.view.body)
        show = self.actions.show_articles
        keys = KeyboardNavigation(self, panes, self.articles, self.view, show, self.reading)
        menus = self.actions.menus
        keys.fill_menus(menus["article"], menus["view"], menus["help"])
        return keys

    # --- state and closing ------------------------------------------------------------------------

    def _saved_parts(self) -> tuple[tuple[str, Any], ...]:
        """Settings keys and the objects whose saveState()/restoreState() they hold."""
        return (
            ("window/state", self),
            ("window/main_splitter", self.splitter),
            ("window/reading_splitter", self.reading),
            ("window/article_splitter", self.view.splitter),
            ("window/developments_splitter", self.developments.splitter),
            ("window/story_article_splitter", self.developments.view.splitter),
        )

    def restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            keep_on_screen(self)
        for key, part in self._saved_parts():
            value = settings.value(key)
            if isinstance(value, QByteArray):
                part.restoreState(value)

    def _restore_view(self) -> None:
        from ui.view_state import restore

        state = load_view(self.store)
        if state is not None:
            restore(self, state)

    def save_state(self) -> None:
        from ui.view_state import capture

        save_view(self.store, capture(self))
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        for key, part in self._saved_parts():
            settings.setValue(key, part.saveState())
        settings.sync()

    def quit(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray.available and load_settings(self.store).minimise_to_tray:
            self.hide()  # polling goes on; the tray brings the window back
            event.ignore()
            return
        self.save_state()
        self.db_watch.stop()
        if self.tabs.currentIndex() == TAB_DEVELOPMENTS:
            self.stories.left()
        self.polling.shutdown()
        self.context.runner.shutdown()
        self.tray.hide()
        event.accept()
