"""User text (issue, feed, saved-search names) turned into action, menu and button labels."""

from __future__ import annotations


def action_text(text: str) -> str:
    """`text` as a label shows it: Qt reads a single "&" as the mark of a keyboard shortcut."""
    return text.replace("&", "&&")
