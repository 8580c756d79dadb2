"""Text from feeds and user files made safe to print on a terminal.

A title may carry escape sequences that recolour, retitle or clear the reader's
terminal, and bidirectional controls that make it read backwards; printed, it must
be only its visible text, on one line.
"""

from __future__ import annotations

import re

from monitor.normalize import one_line

# ECMA-48: strings (OSC, DCS, SOS, PM, APC) up to their terminator or the end of the text,
# control sequences (CSI ... final byte), then any other two-character escape.
_ESCAPES = re.compile(
    r"(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?",
    re.DOTALL,
)
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_line(value: object) -> str:
    """`value` as one printable line: no escape sequences, controls or bidi overrides."""
    text = value if isinstance(value, str) else str(value)
    return one_line(BIDI_CONTROLS.sub("", _ESCAPES.sub("", text)))
