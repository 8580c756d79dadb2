"""Text from the reader or the data shown on a button, action or menu: a single "&" there
would mark a keyboard shortcut and vanish ("Tariffs & trade" would read "Tariffs _trade")."""

from __future__ import annotations


def action_text(text: str) -> str:
    """`text` with each "&" doubled, so that it shows as written."""
    return text.replace("&", "&&")
