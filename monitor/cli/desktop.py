"""`desktop-entry install|remove`: the app in the desktop's launcher, for the current user."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from monitor import desktop_entry

if TYPE_CHECKING:
    from monitor.cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "desktop-entry",
        help="add the app to (or remove it from) the desktop's launcher, for the current user",
        description="Writes cc-monitor.desktop under $XDG_DATA_HOME/applications and the icon under "
        "$XDG_DATA_HOME/icons/hicolor/scalable/apps (default ~/.local/share).",
    )
    parser.add_argument("action", choices=("install", "remove"))
    parser.set_defaults(func=run_desktop_entry)


def run_desktop_entry(args: argparse.Namespace, ctx: Context) -> int:
    home = desktop_entry.data_home()
    if args.action == "install":
        paths = desktop_entry.install(home)
        print(f"installed {paths.entry} and {paths.icon}")
        return 0
    removed = desktop_entry.remove(home)
    print("removed " + " and ".join(map(str, removed)) if removed else "no desktop entry was installed")
    return 0
