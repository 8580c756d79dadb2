"""`cc-monitor`: with no command it opens the desktop app; with one it runs the headless CLI.

Qt is imported only when the app opens, so commands start fast and run where Qt
cannot load (no display, no Qt libraries).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def _wants_cli(argv: Sequence[str]) -> bool:
    """True when anything but --db PATH is given: a command, --help or --version."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db":
            if rest:
                rest.pop(0)
            continue
        if arg.startswith("--db="):
            continue
        return True
    return False


def _db_arg(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--db" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--db="):
            return arg.split("=", 1)[1]
    return None


def _run_cli(argv: list[str]) -> int:
    # What the imports create lives as long as the process: the collector, which would
    # look through it a few times over while it is made, is held off until it is all there
    # and then leaves it out of every later look.
    gc.disable()
    try:
        from monitor.cli import main as cli_main
        from ui.pdf import html_to_pdf  # loads Qt only when a PDF is drawn
    finally:
        gc.freeze()
        gc.enable()
    return cli_main(argv, pdf_renderer=html_to_pdf)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_cli(argv) or ("--db" in argv and _db_arg(argv) is None):
        return _run_cli(argv)
    from monitor.paths import BadDbPathError, resolve_db_path
    from ui.platform_check import qt_platform_problem

    try:
        db_path = resolve_db_path(_db_arg(argv))
    except BadDbPathError as exc:
        print(f"cc-monitor: error: {exc}", file=sys.stderr)
        return 2
    if (problem := qt_platform_problem()) is not None:  # Qt would abort with a core dump instead
        print(f"cc-monitor: error: {problem}", file=sys.stderr)
        return 2
    from ui.app import run_app

    return run_app(db_path)


if __name__ == "__main__":
    sys.exit(main())
