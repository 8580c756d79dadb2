"""Every user command as a QAction with its shortcut, and the menus that hold them.

The window wires `triggered` to controllers; the article list shows the article
actions in its context menu. Single-letter shortcuts are safe: a focused text field
takes printable keys before any shortcut sees them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QWidget

from db.records import TrackedIssue
from ui.i18n import translate
from ui.icons import dot_icon
from ui.labels import action_text
from ui.tag_choices import tag_choices


class Actions(QObject):
    """Signals:
    tag_requested(str, bool): add (True) or remove (False) the issue with this slug on the current item.
    """

    tag_requested = Signal(str, bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        style = window.style()
        icon = style.standardIcon
        sp = QStyle.StandardPixmap
        self.poll_now = self._make(
            translate("Actions", "&Poll now"),
            "F5",
            icon(sp.SP_BrowserReload),
            translate("Actions", "Fetch every feed now"),
        )
        self.cancel_poll = self._make(translate("Actions", "&Cancel poll"), None, icon(sp.SP_BrowserStop))
        self.cancel_poll.setEnabled(False)
        self.export_digest = self._make(
            translate("Actions", "&Export digest…"), "Ctrl+E", icon(sp.SP_DialogSaveButton)
        )
        self.feeds = self._make(
            translate("Actions", "&Feeds…"),
            "Ctrl+Shift+F",
            icon(sp.SP_DirIcon),
            translate("Actions", "Add, edit and check feeds"),
        )
        self.settings = self._make(
            translate("Actions", "&Settings…"), "Ctrl+,", icon(sp.SP_FileDialogDetailedView)
        )
        self.quit = self._make(
            translate("Actions", "&Quit"), QKeySequence.StandardKey.Quit, icon(sp.SP_DialogCloseButton)
        )
        self.quit.setShortcut("Ctrl+Q")
        self.mark_read = self._make(translate("Actions", "Mark &read"), "R")
        self.mark_unread = self._make(translate("Actions", "Mark &unread"), "U")
        self.star = self._make(translate("Actions", "&Star"), "S")
        self.star.setCheckable(True)
        self.mark_all_read = self._make(translate("Actions", "Mark &all read"), "Ctrl+Shift+R")
        self.undo_mark_all_read = self._make(
            translate("Actions", "&Undo mark all read"), QKeySequence.StandardKey.Undo
        )
        self.undo_mark_all_read.setEnabled(False)
        self.not_relevant = self._make(
            translate("Actions", "&Not about Canada–China"),
            None,
            None,
            translate("Actions", "Hide this item from the lists"),
        )
        self.relevant = self._make(
            translate("Actions", "A&bout Canada–China"),
            None,
            None,
            translate("Actions", "Keep this item in the lists"),
        )
        self.open_in_browser = self._make(
            translate("Actions", "&Open in browser"), "O", icon(sp.SP_ArrowForward)
        )
        self.copy_link = self._make(
            translate("Actions", "Copy &link"),
            "L",
            tip=translate("Actions", "Put the item's web address on the clipboard"),
        )
        self.next_item = self._make(translate("Actions", "&Next item"), "J", icon(sp.SP_ArrowDown))
        self.previous_item = self._make(translate("Actions", "&Previous item"), "K", icon(sp.SP_ArrowUp))
        self.focus_search = self._make(
            translate("Actions", "&Find…"), "Ctrl+F", icon(sp.SP_FileDialogContentsView)
        )
        self.show_developments = self._make(translate("Actions", "&Developments"), "Ctrl+1")
        self.show_articles = self._make(translate("Actions", "&Articles"), "Ctrl+2")
        self.show_baseline = self._make(translate("Actions", "&Baseline"), "Ctrl+3")
        self.show_timeline = self._make(translate("Actions", "&Timeline"), "Ctrl+4")
        self.edit_issues = self._make(translate("Actions", "&Tracked issues…"), "Ctrl+T")
        self.about = self._make(translate("Actions", "&About"))
        self.add_tag_menu = QMenu(translate("Actions", "Add &tag"), window)
        self.remove_tag_menu = QMenu(translate("Actions", "Remove t&ag"), window)
        self._issues: tuple[TrackedIssue, ...] = ()
        self._tagged: tuple[Collection[str], ...] = ()  # the issues of each selected item

    def _make(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon: object = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if icon is not None:
            action.setIcon(icon)  # type: ignore[arg-type]
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        self._window.addAction(action)
        return action

    @property
    def article_actions(self) -> tuple[QAction, ...]:
        return (self.mark_read, self.mark_unread, self.star, self.open_in_browser, self.copy_link)

    def set_issues(self, issues: Sequence[TrackedIssue]) -> None:
        self._issues = tuple(issues)
        self.set_tag_choices(self._tagged)

    def set_tag_choices(self, tagged: Sequence[Collection[str]]) -> None:
        """Fill the tag menus for the selected items, given the issue slugs each one has."""
        self._tagged = tuple(tagged)
        add, remove = tag_choices(self._issues, self._tagged)
        for menu, offered, present in ((self.add_tag_menu, add, True), (self.remove_tag_menu, remove, False)):
            menu.clear()
            for issue in offered:
                action = menu.addAction(dot_icon(issue.colour), action_text(issue.name))
                action.setData(issue.slug)
                action.triggered.connect(
                    lambda _checked=False, slug=issue.slug, p=present: self.tag_requested.emit(slug, p)
                )
            menu.menuAction().setEnabled(bool(offered))

    def set_relevance_choice(self, relevant: bool | None) -> None:
        """Offer the correction that changes the current item: None when no item is current."""
        self.not_relevant.setEnabled(relevant is True)
        self.relevant.setEnabled(relevant is False)

    def set_article_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.set_relevance_choice(None)
        for action in self.article_actions:
            action.setEnabled(enabled)
        for menu in (self.add_tag_menu, self.remove_tag_menu):
            menu.menuAction().setEnabled(enabled and not menu.isEmpty())

    def build_menus(self) -> None:
        bar = self._window.menuBar()
        file = bar.addMenu(translate("Actions", "&File"))
        for action in (
            self.poll_now,
            self.cancel_poll,
            None,
            self.feeds,
            self.export_digest,
            None,
            self.settings,
            None,
            self.quit,
        ):
            file.addSeparator() if action is None else file.addAction(action)
        edit = bar.addMenu(translate("Actions", "&Edit"))
        edit.addAction(self.undo_mark_all_read)
        article = bar.addMenu(translate("Actions", "&Article"))
        self._fill_article_menu(article)
        article.addSeparator()
        article.addAction(self.mark_all_read)
        article.addSeparator()
        article.addAction(self.next_item)
        article.addAction(self.previous_item)
        view = bar.addMenu(translate("Actions", "&View"))
        shows = (self.show_developments, self.show_articles, self.show_baseline, self.show_timeline)
        for action in (self.focus_search, None, *shows):
            view.addSeparator() if action is None else view.addAction(action)
        view.addSeparator()
        view.addAction(self._window.articles.show_all_action)  # type: ignore[attr-defined]
        issues = bar.addMenu(translate("Actions", "&Issues"))
        issues.addAction(self.edit_issues)
        help_menu = bar.addMenu(translate("Actions", "&Help"))
        help_menu.addAction(self.about)
        # by role, not by title: the titles are translated
        self.menus = {"file": file, "edit": edit, "article": article, "view": view, "help": help_menu}

    def _fill_article_menu(self, menu: QMenu) -> None:
        for action in self.article_actions:
            menu.addAction(action)
        menu.addMenu(self.add_tag_menu)
        menu.addMenu(self.remove_tag_menu)
        menu.addAction(self.not_relevant)
        menu.addAction(self.relevant)

    def install_context_menu(self, widget: QWidget) -> None:
        """The list's right-click menu: the article actions, the tag menus, mark all read."""
        for action in (
            *self.article_actions,
            self.add_tag_menu.menuAction(),
            self.remove_tag_menu.menuAction(),
            self.not_relevant,
            self.relevant,
            self.mark_all_read,
        ):
            widget.addAction(action)
