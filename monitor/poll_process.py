"""A Poller in a process of its own, for a caller whose own threads must stay responsive.

A poll runs Python on a dozen threads (the fetches, the writer, the stories), and a
thread that shares their interpreter waits its turn for it: a GUI thread in the same
process stalls for tenths of a second while a first poll runs. `PollProcess` offers
the Poller's `poll` and `close`, and runs the Poller in a child process that it
starts at the first poll and keeps for the next ones. The child forks its parser
processes as the command line's poller does, and runs at a lower priority than its
parent, so that the processors go to the GUI first.

The results come back over a pipe as they are stored, and the callbacks run on the
thread that called `poll`, as with a Poller. The child leaves when its parent is gone:
while it waits for a request it reads the end of the pipe; a poll in progress is
cancelled, and the child leaves once it has stored what it had.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from monitor.messages import message
from monitor.normalize import one_line
from monitor.poller import FeedResult, Poller, PollSummary

__all__ = ["PollProcess", "PollProcessError"]

_WAIT_S = 0.05  # how often the caller looks at its cancel event and at the child while it waits
_CLOSE_WAIT_S = 30.0  # the child's own close: a fetch in flight is aborted, the parsers stopped
_EXIT_WAIT_S = 5.0  # at this process's exit, for a child that was not closed (then it is stopped)

# Added to the poll process's niceness: a first poll keeps both processors of a small
# machine busy, and the app's GUI thread must get one as soon as it has something to do
# (a 10 ms timer on it during a first poll of 500 feeds, three runs a side: max 137-196 ms
# at the same priority, 47-89 ms with this).
NICENESS = 10

_running: weakref.WeakSet[PollProcess] = weakref.WeakSet()


@atexit.register
def _stop_children() -> None:
    # Registered after multiprocessing's own exit handler, so it runs first: that one joins
    # every child, which a child busy polling would hold up until its slowest fetch ended.
    for process in list(_running):
        process._stop(_EXIT_WAIT_S)


class PollProcessError(RuntimeError):
    """The poll could not run, or the poll process stopped; str() is one line."""


class PollProcess:
    """Polls the database at `db_path` in a child process; see the module docstring.

    Not thread-safe: one thread polls at a time, as the GUI's poll thread does.
    """

    def __init__(self, db_path: Path, poller_options: dict[str, Any] | None = None) -> None:
        """`poller_options`: keyword arguments for the child's Poller (picklable)."""
        self._db_path = Path(db_path)
        self._options = dict(poller_options or {})
        # Spawned, never forked: the caller may run threads (Qt's among them) that a fork
        # would copy in whatever state they are in.
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._cancel: Event | None = None
        self._exit_status: int | None = None  # the last child's, once it has ended

    def poll(
        self,
        *,
        all_feeds: bool = False,
        feed_ids: Sequence[int] | None = None,
        on_result: Callable[[FeedResult], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PollSummary:
        """As `Poller.poll`; raises PollProcessError with the child's one-line reason."""
        conn, child_cancel = self._started()
        child_cancel.clear()
        try:
            conn.send(("poll", all_feeds, list(feed_ids) if feed_ids is not None else None))
            return self._outcome(conn, child_cancel, on_result, on_progress, cancel)
        except PollProcessError:
            raise
        except BaseException:
            # A callback that raised (or an interrupt) leaves the child's messages unread: the
            # next poll must not take them for its own.
            self._stop(1.0)
            raise

    def close(self) -> None:
        """Ask the child to close its poller and leave; wait for it (stopped if it will not)."""
        if self._conn is not None:
            try:
                self._conn.send(("close",))
            except OSError:
                pass  # gone already
        self._stop(_CLOSE_WAIT_S)

    def _outcome(
        self,
        conn: Connection,
        child_cancel: Event,
        on_result: Callable[[FeedResult], None] | None,
        on_progress: Callable[[int, int], None] | None,
        cancel: threading.Event | None,
    ) -> PollSummary:
        """The child's messages until its summary; raises PollProcessError."""
        while True:
            if cancel is not None and cancel.is_set():
                child_cancel.set()
            if not conn.poll(_WAIT_S):
                if not self._alive():
                    break
                continue
            try:
                kind, *payload = conn.recv()
            except (EOFError, OSError):
                break
            if kind == "result" and on_result is not None:
                on_result(payload[0])
            elif kind == "progress" and on_progress is not None:
                on_progress(*payload)
            elif kind == "done":
                return payload[0]
            elif kind == "failed":
                raise PollProcessError(payload[0])
        self._stop(1.0)
        raise PollProcessError(self._stopped_message())

    def __enter__(self) -> PollProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _started(self) -> tuple[Connection, Event]:
        if self._process is not None and self._conn is not None and self._cancel is not None:
            if self._alive():
                return self._conn, self._cancel
            self._stop(1.0)  # died between two polls: this poll gets a fresh one
        ours, theirs = self._context.Pipe()
        cancel = self._context.Event()
        process = self._context.Process(
            target=serve, args=(theirs, self._db_path, self._options, cancel),
            name="cc-monitor poll",  # not a daemon: a daemon may not start the parser processes
        )
        process.start()
        theirs.close()  # the child's end lives in the child only: its death reads as the pipe's end
        self._process, self._conn, self._cancel = process, ours, cancel
        self._exit_status = None
        _running.add(self)
        return ours, cancel

    def _alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _stopped_message(self) -> str:
        status = self._exit_status
        return message("poll_process_stopped", status=status if status is not None else "?")

    def _stop(self, wait_s: float) -> None:
        """Let the child go: its pipe closed and any poll cancelled, then waited for
        `wait_s`, and ended if it is still there."""
        process, conn, cancel = self._process, self._conn, self._cancel
        self._process = self._conn = self._cancel = None
        _running.discard(self)
        if cancel is not None:
            cancel.set()
        if conn is not None:
            conn.close()
        if process is None:
            return
        process.join(wait_s)
        for end in (process.terminate, process.kill):
            if not process.is_alive():
                break
            end()
            process.join(wait_s)
        self._exit_status = process.exitcode


# --- the child side -------------------------------------------------------------------------


def serve(conn: Connection, db_path: Path, options: dict[str, Any], cancel: Event) -> None:
    """The child's loop: one Poller, polls on request, until asked to close or orphaned."""
    poller: Poller | None = None
    _yield_the_processor()
    try:
        while True:
            try:
                kind, *args = conn.recv()
            except (EOFError, OSError):
                return  # the parent is gone
            if kind == "close":
                return
            if poller is None:
                poller = _ready_poller(conn, db_path, options)
                if poller is None:
                    continue
                _cancel_when_orphaned(cancel)
            _poll_once(conn, poller, cancel, *args)
    finally:
        if poller is not None:
            poller.close()


def _yield_the_processor() -> None:
    """Run (with the parser processes, which inherit it) at a lower priority than the app."""
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):  # no nice() on this system, or no room left below
        pass


def _ready_poller(conn: Connection, db_path: Path, options: dict[str, Any]) -> Poller | None:
    """A Poller whose parser processes are forked now, while this process runs one thread."""
    try:
        poller = Poller(db_path, fork_parsers=True, **options)
        try:
            poller.prepare()
        except BaseException:
            poller.close()
            raise
    except Exception as exc:  # bad rules, an unusable database: said, and tried again next poll
        _send(conn, ("failed", _one_line(exc)))
        return None
    gc.freeze()  # the modules and the tagger live as long as this process
    return poller


def _cancel_when_orphaned(cancel: Event) -> None:
    """A poll waiting on slow servers sends nothing for a while: the parent's end is
    watched from a thread (started once the parser processes are forked)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        cancel.set()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _poll_once(
    conn: Connection, poller: Poller, cancel: Event, all_feeds: bool, feed_ids: list[int] | None
) -> None:
    def send(item: tuple[Any, ...]) -> None:
        if not _send(conn, item):
            cancel.set()  # the parent is gone: the poll ends at its next step

    try:
        summary = poller.poll(
            all_feeds=all_feeds, feed_ids=feed_ids,
            on_result=lambda result: send(("result", result)),
            on_progress=lambda done, total: send(("progress", done, total)),
            cancel=cancel,  # type: ignore[arg-type]  # a process-shared Event, as threading's
        )
    except Exception as exc:  # said in one line, as the caller would have said it
        _send(conn, ("failed", _one_line(exc)))
    else:
        _send(conn, ("done", summary))


def _send(conn: Connection, item: tuple[Any, ...]) -> bool:
    try:
        conn.send(item)
    except OSError:
        return False
    return True


def _one_line(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__
