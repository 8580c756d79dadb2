"""Which commands the sidebar's context menu offers on each kind of entry. Pure data."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.filters import Scope

_FEED = (
    ("poll", QT_TRANSLATE_NOOP("SidebarMenu", "&Poll now")),
    ("edit", QT_TRANSLATE_NOOP("SidebarMenu", "&Edit feed…")),
    ("mark_read", QT_TRANSLATE_NOOP("SidebarMenu", "Mark all &read")),
    ("open_site", QT_TRANSLATE_NOOP("SidebarMenu", "&Open site")),
)
_CATEGORY = (
    ("poll", QT_TRANSLATE_NOOP("SidebarMenu", "&Poll now")),
    ("edit", QT_TRANSLATE_NOOP("SidebarMenu", "&Edit feeds…")),
    ("disable", QT_TRANSLATE_NOOP("SidebarMenu", "&Disable feeds")),
    ("mark_read", QT_TRANSLATE_NOOP("SidebarMenu", "Mark all &read")),
)
_ISSUE = (
    ("poll", QT_TRANSLATE_NOOP("SidebarMenu", "&Poll all feeds now")),
    ("edit", QT_TRANSLATE_NOOP("SidebarMenu", "&Edit rules…")),
    ("mark_read", QT_TRANSLATE_NOOP("SidebarMenu", "Mark all &read")),
)
_SEARCH = (
    ("rename", QT_TRANSLATE_NOOP("SidebarMenu", "Re&name…")),
    ("mark_read", QT_TRANSLATE_NOOP("SidebarMenu", "Mark all &read")),
    ("remove", QT_TRANSLATE_NOOP("SidebarMenu", "Remove saved search")),
)
_ALL = (
    ("poll", QT_TRANSLATE_NOOP("SidebarMenu", "&Poll all feeds now")),
    ("mark_read", QT_TRANSLATE_NOOP("SidebarMenu", "Mark all &read")),
)


def entry_commands(target: Scope | str | None, enabled: bool = True) -> tuple[tuple[str, str], ...]:
    """(command, label) pairs for a sidebar entry: a Scope, or a feed category's name."""
    if isinstance(target, str):
        return _CATEGORY
    if target is None:
        return ()
    if target.kind == "feed":
        toggle = (
            ("disable", QT_TRANSLATE_NOOP("SidebarMenu", "&Disable feed"))
            if enabled
            else ("enable", QT_TRANSLATE_NOOP("SidebarMenu", "E&nable feed"))
        )
        return (*_FEED[:2], toggle, *_FEED[2:])
    if target.kind == "issue":
        return _ISSUE
    if target.kind == "search":
        return _SEARCH
    return _ALL
