"""The core's messages (monitor.messages) in the interface's language.

The core speaks English; a text it produced, raised or stored is read back to its
catalogue entry and that entry's template is translated under the "CoreMessages"
context, with the same fields (a field that holds another sentence of the catalogue,
an HTTP phrase or an OS error is translated in turn). The templates reach the .ts
through ui.i18n_build, which lists the catalogue for lupdate.
"""

from __future__ import annotations

from monitor.messages import NESTED, TEMPLATES, Message, parse, phrase
from ui.i18n import french, translate

CONTEXT = "CoreMessages"


def core_text(text: object, *, framed: bool = False) -> str:
    """`text` (a message, or an exception whose str() is one) as the interface says it.

    Text the catalogue does not know (an OS error, a server's own words) stays as it is;
    `framed` puts it inside "Erreur : ..." in a French interface, for places where English
    would otherwise stand alone.
    """
    raw = str(text).strip()
    known = _known(raw)
    if known is not None:
        return known
    return translate("CoreMessages", "Error: {}").format(raw) if framed and french() else raw


def _known(text: str) -> str | None:
    found = parse(text)
    if found is not None:
        return _translated(found)
    words = phrase(text)
    return translate(CONTEXT, words) if words is not None else None


def _translated(found: Message) -> str:
    fields = {name: _field(name, value) for name, value in found.fields.items()}
    return translate(CONTEXT, TEMPLATES[found.code]).format(**fields)


def _field(name: str, value: str) -> str:
    if name not in NESTED:
        return value
    if name == "warning" and "; " in value:
        # A parse warning may join several notes (monitor.parse): each is said in turn.
        return "; ".join(_known(part) or part for part in value.split("; "))
    known = _known(value)
    return value if known is None else known
