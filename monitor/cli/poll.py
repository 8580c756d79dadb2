"""`poll --once [--all]` and `poll --watch`: fetch feeds and store what is new.

The summary line goes to stdout (scripts read it); the progress bar goes to stderr
and only when that is a terminal. Feeds that fail are counted in the summary and
never change the exit status: 0, unless the arguments were bad (2).

A fault of the database file (full, locked too long, damaged, read-only) ends
`poll --once` with one line and status 2. `--watch` says it in one line and tries again
later, with a growing wait, when it may pass (a full disk, a lock); a damaged or
read-only file ends it too.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db import DatabaseFault
from monitor.cli.arguments import whole_number
from monitor.cli.progress import ProgressBar
from monitor.poller import FeedResult, Poller, PollSummary

if TYPE_CHECKING:
    from monitor.cli import Context

# Between polls, --watch wakes at least this often (feeds may be added meanwhile)
# and at most this often (a feed leased by another poller stays due until it is done).
WATCH_MAX_SLEEP_S = 300.0
WATCH_MIN_SLEEP_S = 5.0
MAX_WORKERS = 256  # threads, each with its sockets: more only queues at the feeds' hosts
# After a fault that may pass (a full disk, a lock), --watch waits this long, doubling up to the max.
FAULT_FIRST_WAIT_S = 30.0


def register(commands: argparse._SubParsersAction) -> None:
    poll = commands.add_parser("poll", help="fetch the feeds and store their new items")
    mode = poll.add_mutually_exclusive_group(required=True)
    mode.add_argument("--once", action="store_true", help="poll the feeds that are due, then exit")
    mode.add_argument("--watch", action="store_true", help="keep polling as feeds come due, until stopped")
    poll.add_argument("--all", action="store_true", help="with --once: every enabled feed, due or not")
    poll.add_argument(
        "--workers", type=whole_number(1, MAX_WORKERS), default=16, metavar="N",
        help=f"feeds fetched at once (default 16, at most {MAX_WORKERS})"
    )
    poll.set_defaults(func=run_poll)


def run_poll(args: argparse.Namespace, ctx: Context) -> int:
    from monitor.cli import EXIT_USAGE

    if args.all and args.watch:
        print("poll: error: --all goes with --once, not --watch", file=sys.stderr)
        return EXIT_USAGE
    ctx.store()  # creates and seeds the database on first use
    stop = threading.Event()
    with _stopped_by_signals(stop) as caught, Poller(
        ctx.db_path, clock=ctx.clock, fetch_workers=args.workers, fork_parsers=True,
        patience=ctx.patience,
    ) as poller:
        # No thread of ours runs yet: the parser processes can be forked.
        poller.prepare()
        # What exists now (modules, the tagger) lives as long as the process: kept out
        # of the collector's way, a poll's collections scan only what the poll creates.
        gc.freeze()
        if args.watch:
            _watch(poller, ctx, stop)
            return 0
        summary = _poll_once(poller, stop, all_feeds=args.all)
        print(summary.line(), flush=True)
        return 128 + caught[0] if summary.cancelled and caught else 0


def _poll_once(poller: Poller, stop: threading.Event, **kwargs: Any) -> PollSummary:  # noqa: ANN401
    failures: list[FeedResult] = []

    def on_result(result: FeedResult) -> None:
        if result.status in ("failing", "gone"):
            failures.append(result)

    with ProgressBar("poll", stream=sys.stderr) as bar:
        summary = poller.poll(on_result=on_result, on_progress=bar.update, cancel=stop, **kwargs)
    if bar.enabled:  # on a terminal, say which feeds failed; scripts have `feeds list`
        for result in failures:
            print(f"  {result.url}: {result.error}", file=sys.stderr)
    return summary


def _watch(poller: Poller, ctx: Context, stop: threading.Event) -> None:
    fault_wait = FAULT_FIRST_WAIT_S
    while not stop.is_set():
        try:
            summary = _poll_once(poller, stop)
            if summary.total > summary.skipped:
                print(f"{ctx.clock():%Y-%m-%d %H:%M:%S} {summary.line()}", flush=True)
            _write_daily_digests(ctx)
            wait = _sleep_s(poller.next_due_at(), ctx.clock())
        except DatabaseFault as exc:
            if not exc.transient:
                raise  # a damaged or read-only file: one line and status 2, from main
            print(f"{ctx.clock():%Y-%m-%d %H:%M:%S} poll: {exc}; trying again in {fault_wait:g} s",
                  file=sys.stderr, flush=True)
            wait, fault_wait = fault_wait, min(WATCH_MAX_SLEEP_S, 2 * fault_wait)
        else:
            fault_wait = FAULT_FIRST_WAIT_S
        stop.wait(wait)


def _write_daily_digests(ctx: Context) -> None:
    """Write the daily digests that are due (and days missed while nothing ran)."""
    from monitor.digest.build import DigestError
    from monitor.digest.daily import write_due_digests

    try:
        for path in write_due_digests(ctx.store(), ctx.clock(), ctx.pdf_renderer):
            print(f"wrote daily digest {path}", flush=True)
    except DigestError as exc:
        print(f"poll: daily digest not written: {exc}", file=sys.stderr, flush=True)


def _sleep_s(next_due: datetime | None, now: datetime) -> float:
    if next_due is None:
        return WATCH_MAX_SLEEP_S
    return min(WATCH_MAX_SLEEP_S, max(WATCH_MIN_SLEEP_S, (next_due - now).total_seconds()))


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[list[int]]:
    """SIGINT and SIGTERM set `stop`: the poll in progress finishes its transaction and ends."""
    caught: list[int] = []

    def handler(signum: int, _frame: object) -> None:
        caught.append(signum)
        stop.set()

    if threading.current_thread() is not threading.main_thread():
        yield caught  # only the main thread may set handlers; the caller cancels some other way
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield caught
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
