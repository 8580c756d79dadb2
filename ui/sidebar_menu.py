"""Which commands the sidebar's context menu offers on each kind of entry. Pure data."""

from __future__ import annotations

from ui.filters import Scope

_FEED = (("poll", "&Poll now"), ("edit", "&Edit feed…"), ("mark_read", "Mark all &read"),
         ("open_site", "&Open site"))
_CATEGORY = (("poll", "&Poll now"), ("edit", "&Edit feeds…"), ("disable", "&Disable feeds"),
             ("mark_read", "Mark all &read"))
_ISSUE = (("poll", "&Poll all feeds now"), ("edit", "&Edit rules…"), ("mark_read", "Mark all &read"))
_SEARCH = (("rename", "Re&name…"), ("mark_read", "Mark all &read"), ("remove", "Remove saved search"))
_ALL = (("poll", "&Poll all feeds now"), ("mark_read", "Mark all &read"))


def entry_commands(target: Scope | str | None, enabled: bool = True) -> tuple[tuple[str, str], ...]:
    """(command, label) pairs for a sidebar entry: a Scope, or a feed category's name."""
    if isinstance(target, str):
        return _CATEGORY
    if target is None:
        return ()
    if target.kind == "feed":
        toggle = ("disable", "&Disable feed") if enabled else ("enable", "E&nable feed")
        return (*_FEED[:2], toggle, *_FEED[2:])
    if target.kind == "issue":
        return _ISSUE
    if target.kind == "search":
        return _SEARCH
    return _ALL
