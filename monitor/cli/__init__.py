"""The command line: `cc-monitor <command>` and `python -m monitor <command>`.

Commands never import Qt. Bad arguments and bad input files print one line on
stderr and exit 2 before anything in the database changes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db import DatabaseBusyError, Patience, Store, StoreError, fault, open_store
from db.connection import remove_files
from db.errors import BUSY_MESSAGE
from db.timeutil import utcnow
from monitor import __version__
from monitor.bounded_read import UserFileError
from monitor.cli.arguments import undecodable_argument
from monitor.feedurl import BadFeedURLError
from monitor.opml import OPMLError
from monitor.paths import BadDbPathError, resolve_db_path
from monitor.terminal import terminal_line
from monitor.timespec import BadTimeSpecError

if TYPE_CHECKING:
    from monitor.digest.formats import PdfRenderer

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument or input file: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D401 - argparse's hook
        # The message quotes what was typed, which may hold escapes or undecodable bytes.
        self.exit(EXIT_USAGE, f"{terminal_line(self.prog)}: error: {terminal_line(message)}\n")


@dataclass
class Context:
    """What every command gets: where the database is, the time, and a PDF renderer if any."""

    db_path: Path
    clock: Callable[[], datetime] = utcnow
    pdf_renderer: PdfRenderer | None = None  # None under `python -m monitor`: no Qt, no PDF
    patience: Patience = field(default_factory=Patience)  # how long a write waits for a lock
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        """The store, created and seeded from resources/ on first use.

        A file this call created and could not seed (a full disk) is removed again.
        """
        if self._store is None:
            from monitor.digest.lang import language_for
            from monitor.seed import seed
            from monitor.settings import load as load_settings

            created = not self.db_path.exists()
            store = open_store(self.db_path, patience=self.patience)
            try:
                seed(store, self.clock(), language_for(load_settings(store).language))
            except BaseException as exc:
                store.close()
                if created and not isinstance(exc, DatabaseBusyError):  # busy: another program uses it
                    remove_files(self.db_path)
                raise
            self._store = store
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def build_parser(prog: str = "cc-monitor") -> argparse.ArgumentParser:
    from monitor.cli import articles, classify, cluster, desktop, developments, digest, feeds, poll, retag

    parser = _Parser(
        prog=prog,
        description="Canada–China Monitor: follow what has moved since the baseline, issue by issue.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $MONITOR_DB, else monitor.db in the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="<command>", parser_class=_Parser)
    for module in (feeds, articles, developments, classify, cluster, poll, retag, digest, desktop):
        module.register(commands)
    return parser


def main(
    argv: Sequence[str] | None = None,
    prog: str = "cc-monitor",
    *,
    pdf_renderer: PdfRenderer | None = None,
    patience: Patience | None = None,
) -> int:
    """Run one command; `pdf_renderer` is handed in by the entry point that may load Qt."""
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    undecodable = undecodable_argument(args)
    if undecodable:
        print(f"{prog}: error: the {undecodable} argument is not valid UTF-8 text", file=sys.stderr)
        return EXIT_USAGE
    try:
        db_path = resolve_db_path(args.db)
    except BadDbPathError as exc:
        print(f"{prog}: error: {terminal_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    ctx = Context(db_path=db_path, pdf_renderer=pdf_renderer, patience=_told_when_busy(patience, prog))
    _USER_ERRORS = _user_errors()
    try:
        return int(args.func(args, ctx) or EXIT_OK)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error. Point stdout at /dev/null so that
        # Python's own flush at exit does not complain a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except _USER_ERRORS as exc:
        print(f"{prog}: error: {terminal_line(exc) or type(exc).__name__}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # SQLite's word on the file itself (damaged, full, locked), met outside a write.
        problem = fault(exc, ctx.db_path)
        if problem is None:
            raise
        print(f"{prog}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        ctx.close()


def _told_when_busy(patience: Patience | None, prog: str) -> Patience:
    """The patience to use, saying on stderr when a write starts waiting for another program."""
    patience = patience or Patience()
    if patience.on_wait is not None:
        return patience

    def say() -> None:
        print(f"{prog}: {BUSY_MESSAGE}; waiting up to {patience.give_up_after_s:g} s", file=sys.stderr,
              flush=True)

    return replace(patience, on_wait=say)


def _user_errors() -> tuple[type[BaseException], ...]:
    from monitor.tagging import RuleError

    return (UsageError, StoreError, BadFeedURLError, OPMLError, BadTimeSpecError, RuleError, UserFileError,
            OSError)


