"""The one background-work helper of the GUI: run a function on a thread pool, get its
result or its error back on the GUI thread by signal.

The function never touches widgets. When it needs the database it asks for a store
(`run_with_store`): that store is opened and closed on the worker thread, because a
SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from db import open_store


class _Relay(QObject):
    """Carries the outcome from the worker thread; emitting it queues delivery to the GUI."""

    succeeded = Signal(object)
    raised = Signal(object)


class Task(QObject):
    """One function on the pool.

    Signals:
        finished(object): the function's return value, on the GUI thread.
        failed(object): the exception it raised, on the GUI thread.
    """

    finished = Signal(object)
    failed = Signal(object)
    settled = Signal()  # after either, or after a cancelled task returned

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.done = False
        self._fn = fn
        self._relay = _Relay()
        self._relay.succeeded.connect(self._on_relay_succeeded)
        self._relay.raised.connect(self._on_relay_raised)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _run(self) -> None:  # on the worker thread
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the caller, who decides what the user sees
            self._relay.raised.emit(exc)
        else:
            self._relay.succeeded.emit(result)

    @Slot(object)
    def _on_relay_succeeded(self, result: object) -> None:
        self.done = True
        if not self.cancel_event.is_set():
            self.finished.emit(result)
        self.settled.emit()

    @Slot(object)
    def _on_relay_raised(self, exc: object) -> None:
        self.done = True
        if not self.cancel_event.is_set():
            self.failed.emit(exc)
        self.settled.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


class TaskRunner(QObject):
    """Starts tasks, keeps them alive until they report, and waits for them at shutdown."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        self._tasks: set[Task] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = False,
    ) -> Task:
        """Run `fn(*args)` (with `cancel=<threading.Event>` when cancellable) off the GUI thread."""
        holder: list[Task] = []

        def call() -> Any:
            if cancellable:
                return fn(*args, cancel=holder[0].cancel_event)
            return fn(*args)

        task = Task(call)  # owned by Python, kept in _tasks until it settles
        holder.append(task)
        if on_done is not None:
            task.finished.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        task.settled.connect(lambda: self._forget(task))
        self._tasks.add(task)
        self._pool.start(_Runnable(task))
        return task

    def run_with_store(
        self,
        db_path: Path,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = False,
    ) -> Task:
        """Like `run`, with a store of its own as the first argument of `fn`."""

        def with_store(*inner: Any, **kwargs: Any) -> Any:
            with open_store(db_path, migrate=False) as store:
                return fn(store, *inner, **kwargs)

        return self.run(with_store, *args, on_done=on_done, on_error=on_error, cancellable=cancellable)

    def _forget(self, task: Task) -> None:
        # Dropping the reference is enough; deleteLater() here crashed in ~QObject when a
        # nested event loop (a modal dialog, a test waiting on a signal) ran the deferred delete.
        self._tasks.discard(task)

    @property
    def active(self) -> int:
        return sum(1 for t in self._tasks if not t.done)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started task has returned (True) or `msecs` passed (False)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Ask every task to stop, drop their results, and wait for the threads."""
        for task in self._tasks:
            task.cancel()
        return self._pool.waitForDone(msecs)


class FoldedRead:
    """A read of the store off the GUI thread that is asked for again and again (after each
    poll, each edit): requests made while one runs fold into one more run, never a queue.

    `read(store, *args)` runs on the runner's thread; `args()` is called on the GUI thread
    when a run starts (it may read widgets); `show(result)` runs on the GUI thread.
    """

    def __init__(
        self,
        runner: TaskRunner,
        db_path: Path,
        read: Callable[..., Any],
        show: Callable[[Any], None],
        args: Callable[[], tuple[Any, ...]] = tuple,
    ) -> None:
        self._runner, self._db_path = runner, db_path
        self._read, self._show, self._args = read, show, args
        self._running = False
        self._again = False

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._runner.run_with_store(
            self._db_path, self._read, *self._args(), on_done=self._done, on_error=lambda _exc: self._settle()
        )

    def _done(self, result: Any) -> None:  # noqa: ANN401 - whatever `read` returns
        self._show(result)
        self._settle()

    def _settle(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.request()
