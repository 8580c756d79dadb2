"""From feed bytes to items ready to store: parse, normalise, judge relevance, tag.

The work is CPU-bound, so a busy poll runs it in a pool of processes; the GIL would
serialise it in threads. A poll with little to parse keeps it on one local thread
and never starts the pool. Everything a worker gets and returns is plain, picklable
data, and each worker compiles the rules once (see monitor.compiled), from the
rule bodies its initializer receives.

Workers are spawned, except where forking is safe (see `start_method`): the
desktop app polls from a process with Qt threads, and forking a process with
threads copies their locks in whatever state they happen to be.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from db.records import IncomingItem
from monitor.compiled import compiled
from monitor.language import item_language
from monitor.moves import MoveDetector, baseline_detector, to_store_moves
from monitor.parse import ParsedEntry, parse_feed
from monitor.tagging import Tagger, to_store_tags


@dataclass(frozen=True)
class ProcessedFeed:
    """A parsed feed whose entries were judged and tagged."""

    title: str | None
    site_url: str | None
    items: tuple[IncomingItem, ...]
    warning: str | None


class Pipeline:
    """Parse + classify (tags, and moves against the baseline) with one tagger; safe to share
    between threads."""

    def __init__(self, tagger: Tagger, moves: MoveDetector | None = None) -> None:
        self._tagger = tagger
        self._moves = moves or baseline_detector()

    def process(
        self, body: bytes, headers: Mapping[str, str], url: str, known: Mapping[str, str] | None = None
    ) -> ProcessedFeed:
        """Raises monitor.parse.FeedParseError when the body holds no feed.

        Entries stored before and unchanged since (`known`: guid -> raw hash, see
        monitor.parse.parse_feed) are left out of the items.
        """
        parsed = parse_feed(body, headers, url, known)
        return ProcessedFeed(
            title=parsed.title,
            site_url=parsed.site_url,
            items=tuple(self.item(entry, parsed.language) for entry in parsed.entries),
            warning=parsed.warning,
        )

    def item(self, entry: ParsedEntry, declared_language: str | None = None) -> IncomingItem:
        """One entry stored as an item: its language (the feed's, else detected), its
        verdict and tags, and its moves against the baseline."""
        lang = item_language(declared_language, entry.title, entry.text)
        verdict = self._tagger.verdict(entry.title, entry.text, lang, entry.published)
        # Only items about the storyline can move it (and the detector costs ~0.3 ms an item).
        moves = self._moves.detect(entry.title, entry.text, lang, entry.published) if verdict.relevant else ()
        return IncomingItem(
            guid=entry.guid,
            url=entry.url,
            title=entry.title,
            summary_html=entry.summary_html,
            text=entry.text,
            author=entry.author,
            published=entry.published,
            content_hash=entry.content_hash,
            relevant=verdict.relevant,
            lang=lang,
            tags=to_store_tags(verdict.tags),
            moves=to_store_moves(moves),
            raw_hash=entry.raw_hash,
        )


# --- the worker side: module-level, so that a spawned process can import it -------------

PARENT_CHECK_S = 1.0

_worker_pipeline: Pipeline | None = None
# Set in the parent just before a pool forks its workers: (rules key, the parent's pipeline).
# A forked worker has a copy of it already and need not build its own (0.2 s of CPU each).
_forked_pipeline: tuple[str, Pipeline] | None = None


def init_worker(
    rule_bodies: Mapping[str, Any], parent_pid: int | None = None, rules_key: str | None = None
) -> None:
    """Process-pool initializer: build this worker's tagger once (or take the one a fork
    copied from the parent, for the same rules), and die with the parent."""
    global _worker_pipeline
    inherited = _forked_pipeline
    if inherited is not None and rules_key is not None and inherited[0] == rules_key:
        _worker_pipeline = inherited[1]
    else:
        rules = compiled(rule_bodies)
        _worker_pipeline = Pipeline(rules.tagger, rules.moves)
    gc.freeze()  # the tagger and modules live as long as the worker: collections skip them
    if parent_pid is not None:
        threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    # A worker blocks on its task queue forever when the poller process is killed
    # (the worker holds a write end of that queue itself, so it never sees EOF).
    # Once the parent is gone this process is re-parented, and it leaves.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _ready() -> None:
    """A task that does nothing: submitting it starts the workers."""


def process_in_worker(
    body: bytes, headers: Mapping[str, str], url: str, known: Mapping[str, str] | None = None
) -> ProcessedFeed:
    if _worker_pipeline is None:
        raise RuntimeError("init_worker() was not run in this process")
    return _worker_pipeline.process(body, headers, url, known)


# --- the parent side -----------------------------------------------------------------------

Done = Callable[[ProcessedFeed | BaseException], None]


# Feeds waiting in the local thread at which the process pool is started. A
# poll where few feeds changed (most mornings) parses a handful of new entries
# and never pays the pool's start-up (about 0.3 s of CPU a worker); a first poll
# or a busy one reaches this within its first feeds.
LOCAL_BACKLOG = 8


class ParseLane:
    """Where feeds are parsed: in the calling thread (processes=0), or in one local
    thread until a backlog builds up and in a process pool from then on.

    `run` hands its result, or the exception, to a callback and keeps nothing: a
    finished future is dropped as soon as its callback has run.
    """

    def __init__(self, processes: int, local_backlog: int = LOCAL_BACKLOG, *, fork: bool = False) -> None:
        """`fork`: the caller runs no thread of its own (no GUI toolkit either), so
        a pool started while this process has a single thread may be forked."""
        self._processes = max(0, processes)
        self._local_backlog = local_backlog
        self._fork = fork
        self._lock = threading.Lock()
        self._rules_key: str | None = None
        self._rules: Mapping[str, Any] = {}
        self._pipeline: Pipeline | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._local: ThreadPoolExecutor | None = None
        self._local_waiting = 0

    @property
    def parses_in_caller(self) -> bool:
        """True when `run` parses in the calling thread itself: no local thread, no processes."""
        return self._processes == 0

    def use_rules(self, rule_bodies: Mapping[str, Any]) -> None:
        """Parse with these rules from now on; raises RuleError (in this process) if unusable."""
        key = json.dumps(rule_bodies, sort_keys=True, ensure_ascii=False)
        with self._lock:
            if key == self._rules_key:
                return
            rules = compiled(rule_bodies)
            pipeline = Pipeline(rules.tagger, rules.moves)
            old_pool, self._pool = self._pool, None
            self._rules_key, self._rules, self._pipeline = key, rule_bodies, pipeline
        if old_pool is not None:
            old_pool.shutdown(wait=False, cancel_futures=True)

    def start(self) -> None:
        """Start the worker processes now, when they can be forked.

        Called before the first fetch in a process allowed to fork, they are
        copies of this one, ready at once, instead of fresh interpreters that
        import everything again (about 0.3 s of CPU each).
        """
        if self.parses_in_caller or start_method(self._fork) != "fork":
            return  # spawned workers start when a backlog shows they are worth it
        pool = self._current_pool()
        try:
            pool.submit(_ready)  # a fork pool forks all its workers within the first submit
        except Exception:  # a broken pool: the first feed gets a fresh one
            self._forget(pool)

    def run(
        self, body: bytes, headers: Mapping[str, str], url: str, done: Done,
        known: Mapping[str, str] | None = None,
    ) -> None:
        """Parse one feed and call `done` with the outcome (in this thread when in-process).

        `known` (guid -> raw hash of stored entries) lets the parse skip them.
        """
        if self.parses_in_caller:
            done(self._run_here(body, headers, url, known))
            return
        local = self._local_lane()
        if local is not None:
            try:
                local.submit(self._run_local, body, headers, url, known, done)
            except RuntimeError as exc:  # shut down: this feed fails, not the poll
                self._local_done()
                done(exc)
            return
        pool = self._current_pool()
        try:
            future = pool.submit(process_in_worker, body, dict(headers), url, dict(known or {}))
        except Exception as exc:  # a broken or shut-down pool: this feed fails, not the poll
            self._forget(pool)
            done(exc)
            return
        future.add_done_callback(lambda f: done(self._outcome(f, pool)))

    def _local_lane(self) -> ThreadPoolExecutor | None:
        """The local thread while the backlog is small and no pool runs, else None."""
        with self._lock:
            if self._rules_key is None:
                raise RuntimeError("use_rules() was not called")
            if self._pool is not None or self._local_waiting >= self._local_backlog:
                return None
            if self._local is None:
                self._local = ThreadPoolExecutor(1, thread_name_prefix="parse")
            self._local_waiting += 1
            return self._local

    def _run_local(
        self, body: bytes, headers: Mapping[str, str], url: str, known: Mapping[str, str] | None, done: Done
    ) -> None:
        outcome = self._run_here(body, headers, url, known)
        self._local_done()
        done(outcome)

    def _local_done(self) -> None:
        with self._lock:
            self._local_waiting -= 1

    def _run_here(
        self, body: bytes, headers: Mapping[str, str], url: str, known: Mapping[str, str] | None
    ) -> ProcessedFeed | BaseException:
        pipeline = self._pipeline
        if pipeline is None:
            return RuntimeError("use_rules() was not called")
        try:
            return pipeline.process(body, headers, url, known)
        except Exception as exc:  # reported as this feed's error
            return exc

    def _outcome(
        self, future: Future[ProcessedFeed], pool: ProcessPoolExecutor
    ) -> ProcessedFeed | BaseException:
        if future.cancelled():  # the lane closed first (a poll that ended on a database fault)
            return CancelledError("the poll ended before this feed was parsed")
        exc = future.exception()
        if exc is None:
            return future.result()
        if isinstance(exc, BrokenProcessPool):
            self._forget(pool)
            return BrokenProcessPool("the parser process stopped unexpectedly")
        return exc

    def _current_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._rules_key is None:
                raise RuntimeError("use_rules() was not called")
            if self._pool is None:
                method = start_method(self._fork)
                if method == "fork" and self._pipeline is not None and self._rules_key is not None:
                    global _forked_pipeline
                    _forked_pipeline = (self._rules_key, self._pipeline)
                self._pool = ProcessPoolExecutor(
                    max_workers=self._processes,
                    mp_context=multiprocessing.get_context(method),
                    initializer=init_worker,
                    initargs=(self._rules, os.getpid(), self._rules_key),
                )
            return self._pool

    def _forget(self, pool: ProcessPoolExecutor) -> None:
        """Drop a pool that broke so that the next feed gets a fresh one."""
        with self._lock:
            if self._pool is not pool:
                return  # already replaced
            self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            local, self._local = self._local, None
        if local is not None:
            local.shutdown(wait=True, cancel_futures=True)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def start_method(fork_allowed: bool) -> str:
    """How to start parser processes: "fork" only where it is safe, else "spawn".

    A process with threads must not fork: the child gets their locks in whatever
    state they happen to be. Forking is allowed only to callers that run no
    toolkit threads Python cannot see, and only while Python runs one thread.
    Never "forkserver": a worker must be a child of the poller process itself
    to tell when that process dies (see _exit_with_parent).
    """
    if fork_allowed and sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"

