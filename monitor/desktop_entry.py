"""The app's launcher entry and icon for the current user, as the freedesktop specs place them.

The Desktop Entry spec reads `applications/<id>.desktop` and the Icon Theme spec
`icons/hicolor/scalable/apps/<name>.svg`, both under $XDG_DATA_HOME (default
~/.local/share). Nothing is written outside those two files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from monitor import APP_NAME
from monitor.atomic import write_atomically

DESKTOP_ID = APP_NAME  # the file is cc-monitor.desktop, the icon cc-monitor.svg
ICON_RESOURCE = "cc-monitor.svg"
# The spec's reserved characters: an argument holding one is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class EntryPaths:
    entry: Path
    icon: Path


def data_home(environ: dict[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec ignores a relative one), else ~/.local/share."""
    value = (os.environ if environ is None else environ).get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def entry_paths(home: Path) -> EntryPaths:
    return EntryPaths(
        entry=home / "applications" / f"{DESKTOP_ID}.desktop",
        icon=home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
    )


def launcher() -> list[str]:
    """The command that opens the app: the cc-monitor script of this installation (venv or pipx),
    else this interpreter running the ui package."""
    script = Path(sys.executable).parent / APP_NAME
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "ui"]


def exec_value(command: Sequence[str]) -> str:
    """The Exec key's value: arguments quoted as the spec says, then escaped as a string value."""
    quoted = [_quote(arg) for arg in command]
    return " ".join(quoted).replace("\\", "\\\\")


def _quote(arg: str) -> str:
    arg = arg.replace("%", "%%")  # a lone % would be read as a field code
    if not arg or _RESERVED & set(arg):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'
    return arg


def entry_text(command: Sequence[str]) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # the newest desktop-file-validate 0.26 knows; nothing here needs 1.5
        "Name=Canada–China Monitor",
        "Name[fr]=Veille Canada–Chine",
        "GenericName=News Monitor",
        "GenericName[fr]=Veille de l’actualité",
        "Comment=Follow what has moved since the baseline on each Canada–China issue",
        "Comment[fr]=Suivre ce qui a bougé depuis la référence sur chaque dossier Canada–Chine",
        f"Exec={exec_value(command)}",
        f"TryExec={exec_value(command[:1])}" if len(command) == 1 else "",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "Categories=Network;News;",
        "Keywords=Canada;China;news;RSS;Atom;feeds;tariffs;",
        "Keywords[fr]=Canada;Chine;actualités;nouvelles;RSS;Atom;fils;droits de douane;",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def icon_bytes() -> bytes:
    return (resources.files("resources") / "icons" / ICON_RESOURCE).read_bytes()


def install(home: Path, command: Sequence[str] | None = None) -> EntryPaths:
    """Write the entry and the icon (replacing older ones); returns where they went."""
    paths = entry_paths(home)
    for path in (paths.entry, paths.icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(paths.icon, icon_bytes())
    write_atomically(paths.entry, entry_text(command or launcher()).encode("utf-8"))
    return paths


def remove(home: Path) -> list[Path]:
    """Delete the entry and the icon; returns the files that were there."""
    removed = []
    for path in (entry_paths(home).entry, entry_paths(home).icon):
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed
