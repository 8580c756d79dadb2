"""The polling engine: which feeds to poll, fetch them in parallel, parse in processes, store in one lane.

The thread that calls `Poller.poll` is the one writer: it leases feeds (several per
transaction), hands them to the fetch threads, and stores each result as soon as it
arrives, then drops it: a feed with items in its own `BEGIN IMMEDIATE` transaction
(items, tags, validators and the next poll time together), the item-less results
that arrived together (304s, failures) in one transaction with a savepoint each.
Fetch threads never touch the database: a changed body goes back to the writer,
which adds the feed's stored entries (so that the parse skips those unchanged) and
hands it to a process pool (see monitor.pipeline). At most a bounded number of feeds are in
flight at once, so memory does not grow with the number of feeds.

Two pollers on one database (the app and a headless one) share the work through
leases: a feed leased by one is "skipped" by the other.

A fault of the database file itself (a full disk, a lock held too long, a damaged or
read-only file) is not one feed's failure: the poll stops there and raises it as a
`DatabaseFault`, and the feeds it could not store stay due, their validators unchanged.
After a damaged file the poller writes nothing more.
"""

from __future__ import annotations

import hashlib
import os
import queue
import random
import socket
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from db import DatabaseCorruptError, DatabaseFault, Patience, Store, open_store
from db.feeds import ClaimFilter
from db.ingest import FeedIngestResult
from db.records import Feed, FeedOutcome, IncomingItem, StoryItem
from db.timeutil import utcnow
from monitor import schedule
from monitor.fetch import MAX_PER_HOST, Fetcher, Validators, make_client
from monitor.host_queue import HostQueue, host_of
from monitor.messages import message as core_message
from monitor.normalize import cap, one_line
from monitor.outcome import (
    ERROR_CAP,
    Fetched,
    ResultStatus,
    decide,
    failing,
)
from monitor.pipeline import LOCAL_BACKLOG, ParseLane, ProcessedFeed
from monitor.settings import load as load_settings
from monitor.stories.assign import StoryAssigner, StorySession

__all__ = ["FeedResult", "PollSummary", "Poller"]

# Long enough for the slowest fetch (45 s deadline) plus parsing and a wait for the
# write lock; short enough that a poller that died frees its feeds soon.
LEASE = timedelta(minutes=5)
# A poll reads the whole file for damage at most this often (cron may start one every few minutes).
CHECK_EVERY = timedelta(hours=1)
LEFTOVERS = timedelta(days=30)  # how far back a poll looks for items an earlier one left in no story
# Feeds of one host handed to the fetch threads at once: as many as the fetcher opens
# connections to it. More would keep fetch threads waiting for the host's connections
# while other hosts' feeds wait for a thread; its next feed takes the connection left
# open (see monitor.host_queue).
PER_HOST = MAX_PER_HOST
_WAIT_S = 0.2  # how often the writer looks at the cancel event while it waits
_BATCH = 64  # messages the writer takes from its inbox at once
# Feeds with new items stored in one transaction: fewer commits and full-text flushes,
# while a transaction still holds the write lock for a few tenths of a second at most.
_FEEDS_A_TRANSACTION = 16


@dataclass(frozen=True)
class FeedResult:
    """One feed's poll, delivered as soon as it is stored."""

    feed_id: int
    url: str
    status: ResultStatus  # skipped: another poller holds its lease (or just polled it)
    http_status: int | None
    error: str | None  # one line, for the sidebar tooltip / feed health
    new_ids: tuple[int, ...] = ()  # ids of articles created by this poll
    new_by_issue: dict[str, int] = field(default_factory=dict)  # slug -> new relevant items


@dataclass(frozen=True)
class PollSummary:
    total: int = 0
    ok: int = 0
    not_modified: int = 0
    failed: int = 0
    skipped: int = 0
    new_items: int = 0
    new_relevant: int = 0
    new_by_issue: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    new_stories: int = 0  # stories that new items started or joined
    story_error: str | None = None

    def line(self) -> str:
        """"12 feeds: 3 ok, 8 not modified, 1 failed; 17 new items (tariffs 4, visit 1)"
        (the desktop app words its own line, in the reader's language: ui/poll_line.py)."""
        counts = f"{self.ok} ok, {self.not_modified} not modified, {self.failed} failed"
        if self.skipped:
            counts += f", {self.skipped} skipped"
        text = (f"{self.total} feed{'s' if self.total != 1 else ''}: {counts}; "
                f"{self.new_items} new item{'s' if self.new_items != 1 else ''}")
        issues = sorted(self.new_by_issue.items(), key=lambda kv: (-kv[1], kv[0]))
        if issues:
            text += " (" + ", ".join(f"{slug} {n}" for slug, n in issues) + ")"
        if self.new_stories:
            text += f"; {self.new_stories} stor{'ies' if self.new_stories != 1 else 'y'} grew"
        if self.story_error:
            text += f"; {self.story_error}"
        return text + ("; cancelled" if self.cancelled else "")


@dataclass(frozen=True)
class _HostFreed:
    """A fetch thread is done with a host's connection (the feed may still be parsing)."""

    host: str


@dataclass(frozen=True)
class _ToParse:
    """A changed body: the writer looks up the feed's stored entries, then has it parsed."""

    fetched: Fetched
    body: bytes
    headers: dict[str, str]
    url: str


_Message = Fetched | _HostFreed | _ToParse  # what the fetch threads send the writer


@dataclass(frozen=True)
class _Crew:
    """What one poll's writer works with, handed over by the Poller that owns it."""

    clock: Callable[[], datetime]
    owner: str  # the lease owner written on claimed feeds
    capacity: int  # feeds in flight at once
    submit: Callable[..., object]  # runs a call on a fetch thread
    fetch: Callable[[Feed, datetime, threading.Event, Callable[[_Message], None]], None]
    abort_fetches: Callable[[], None]
    lane: ParseLane
    rand: Callable[[], float]  # jitter for the next poll times


class Poller:
    """Polls feeds into the database at `db_path`; blocking, run it off the GUI thread."""

    def __init__(
        self,
        db_path: Path,
        *,
        client: httpx.Client | None = None,
        clock: Callable[[], datetime] = utcnow,
        fetch_workers: int = 16,
        parse_processes: int | None = None,
        local_parse_backlog: int = LOCAL_BACKLOG,
        fork_parsers: bool = False,
        owner: str | None = None,
        patience: Patience | None = None,
        open_db: Callable[[Path], Store] | None = None,
    ) -> None:
        """`open_db` opens the store for each poll (by default `open_store` with `patience`)."""
        self._db_path = Path(db_path)
        self._open_db = open_db or (lambda path: open_store(path, patience=patience or Patience()))
        self._damaged: DatabaseCorruptError | None = None  # then every later poll is refused
        self._checked = False  # the file's quick check passed (0.25 s per 100k items: see CHECK_EVERY)
        self._own_client = client is None
        self._client = client if client is not None else make_client()
        self._fetcher = Fetcher(self._client, clock=clock)
        self._clock = clock
        self._fetch_workers = max(1, fetch_workers)
        processes = (os.cpu_count() or 1) if parse_processes is None else parse_processes
        self._lane = ParseLane(processes, local_parse_backlog, fork=fork_parsers)
        self._owner = owner or _owner_id()
        self._random = random.Random()
        self._threads = ThreadPoolExecutor(self._fetch_workers, thread_name_prefix="fetch")
        self._story_thread = ThreadPoolExecutor(1, thread_name_prefix="stories")
        self._one_poll = threading.Lock()
        self._stories = StoryAssigner(clock)
        self._crew = _Crew(
            clock=clock, owner=self._owner, capacity=max(4, 2 * self._fetch_workers),
            submit=self._threads.submit, fetch=self._fetch, abort_fetches=self._fetcher.abort,
            lane=self._lane, rand=self._random.random,
        )

    @property
    def owner(self) -> str:
        return self._owner

    def poll(
        self,
        *,
        all_feeds: bool = False,
        feed_ids: Sequence[int] | None = None,
        on_result: Callable[[FeedResult], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PollSummary:
        """Poll the due feeds (every enabled feed with `all_feeds`, or exactly `feed_ids`).

        Callbacks run on the thread that called poll(), between two transactions.
        Raises `DatabaseFault` when the database file itself cannot take the results.
        """
        with self._one_poll:
            if self._damaged is not None:
                raise self._damaged
            try:
                with self._open() as store:
                    if not self._checked:
                        # damaged pages that no poll reads would take its writes
                        store.check(self._clock(), CHECK_EVERY)
                        self._checked = True
                    return self._poll(store, all_feeds, feed_ids, on_result, on_progress, cancel)
            except DatabaseCorruptError as exc:
                self._damaged = exc
                raise

    def _poll(
        self,
        store: Store,
        all_feeds: bool,
        feed_ids: Sequence[int] | None,
        on_result: Callable[[FeedResult], None] | None,
        on_progress: Callable[[int, int], None] | None,
        cancel: threading.Event | None,
    ) -> PollSummary:
        try:
            self._lane.use_rules(store.issues.rule_bodies())
            only: ClaimFilter = "any" if feed_ids is not None else "enabled" if all_feeds else "due"
            stories = _Stories(self._open, self._stories, self._story_thread)
            try:
                run = _Run(self._crew, store, only, on_result, on_progress, cancel or threading.Event(),
                           stories)
                try:
                    summary = run.execute(_candidates(store, self._clock(), all_feeds, feed_ids))
                finally:
                    self._fetcher.close_idle()
                stories.flush()
                stories.wait()  # the prune below forgets stories left empty
                if not summary.cancelled:
                    _prune(store, self._clock())
                    stories.leftovers(self._clock())
            finally:
                stories.close()
        except Exception as exc:  # a read that met a damaged page says so in SQLite's words
            problem = store.fault(exc)
            if problem is None:
                raise
            raise problem from exc
        return replace(summary, new_stories=stories.grew, story_error=stories.error)

    def _open(self) -> Store:
        return self._open_db(self._db_path)

    def prepare(self) -> None:
        """Build the tagger from the saved rules and start the parser processes now,
        rather than during the first poll (with `fork_parsers`, call it before
        starting threads of your own: the processes are then forked)."""
        with self._open() as store:
            self._lane.use_rules(store.issues.rule_bodies())
        self._lane.start()

    def next_due_at(self) -> datetime | None:
        """When the next feed comes due (now, if one never polled is waiting); None if none will."""
        with self._open() as store:
            now = self._clock()
            if store.feeds.due(now, limit=1):
                return now
            return store.feeds.next_due_at()

    def close(self) -> None:
        """Stop the fetch threads and the parser processes; close the HTTP client if it is ours."""
        self._fetcher.abort()  # a fetch in flight would otherwise hold process exit until its deadline
        self._threads.shutdown(wait=False, cancel_futures=True)
        self._story_thread.shutdown(wait=True)  # a poll waits for its stories: nothing runs here
        self._lane.close()
        if self._own_client:
            self._client.close()

    def __enter__(self) -> Poller:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the fetch side (fetch threads) -------------------------------------------------------

    def _fetch(
        self, feed: Feed, attempted_at: datetime, cancel: threading.Event,
        deliver: Callable[[_Message], None],
    ) -> None:
        """Fetch one feed and, when its bytes changed, have it parsed; runs on a fetch thread.

        After a cancel no new body is delivered unparsed: the writer would store its
        validators and hash, and a later 304 would then hide items never stored.
        """
        try:
            try:
                if cancel.is_set():
                    return
                fetched = self._fetcher.fetch(feed.url, Validators(feed.etag, feed.last_modified))
            finally:
                deliver(_HostFreed(host_of(feed.url)))
            slim = Fetched(feed, attempted_at, replace(fetched, body=None))
            if fetched.outcome != "ok":
                deliver(slim)
                return
            body = fetched.body or b""
            slim = replace(slim, body_hash=hashlib.sha256(body).hexdigest())
            if cancel.is_set():
                return
            if slim.body_hash == feed.content_hash:
                deliver(slim)  # the same bytes as last time: nothing to parse
                return
            deliver(_ToParse(slim, body, dict(fetched.headers), fetched.final_url))
        except Exception as exc:  # our bug or an odd input: this feed's error, not the poll's
            deliver(Fetched(feed, attempted_at, parsed=exc))


class _Stories:
    """Puts a poll's new items in stories as the feeds are stored, a batch at a time
    (a story's dates and headline are written again each time it grows).

    The batches run on the poller's story thread, with a connection of its own: the
    writer goes on handing bodies to the parsers meanwhile (when it assigned them itself,
    the parsers sat idle through each batch, a second or more of a first poll).
    A failure is the poll's note, not its end: the items stay in no story and the next
    poll puts them in one.
    """

    # New relevant items per batch: the first stories show early in a long first poll,
    # and the batches after grow, since every batch writes its stories' dates and headlines
    # again (the benchmark's 500 new feeds: 29 batches of 64 took 2.3 s of CPU, growing
    # ones 1.7-2.1 s); not past 256, so that little is left when the last feed is stored.
    FIRST_BATCH = 64
    LARGEST_BATCH = 256

    def __init__(self, open_store: Callable[[], Store], assigner: StoryAssigner,
                 thread: ThreadPoolExecutor) -> None:
        self._open_store = open_store
        self._assigner = assigner
        self._thread = thread
        self._pending: list[Future[None]] = []
        self._store: Store | None = None  # the story thread's, for this poll
        self._session: StorySession | None = None
        self._waiting: list[int] = []
        self._relevant = 0
        self._batch = self.FIRST_BATCH
        self.error: str | None = None

    @property
    def grew(self) -> int:
        return len(self._session.touched) if self._session is not None else 0

    def stored(self, new_ids: Sequence[int], new_relevant: int) -> None:
        self._waiting.extend(new_ids)
        self._relevant += new_relevant
        if self._relevant >= self._batch:
            self._batch = min(2 * self._batch, self.LARGEST_BATCH)
            self.flush()

    def flush(self) -> None:
        waiting, self._waiting, self._relevant = self._waiting, [], 0
        if waiting:
            self._submit(lambda store: store.stories.unassigned(among=waiting))

    def leftovers(self, now: datetime) -> None:
        """What an earlier poll of the last weeks left in no story (a crash, an error)."""
        self._submit(lambda store: store.stories.unassigned(seen_since=now - LEFTOVERS))

    def wait(self) -> None:
        """Until every batch handed over so far is in its stories."""
        pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def close(self) -> None:
        """Wait for the batches, then close the story thread's connection."""
        self.wait()
        self._pending.append(self._thread.submit(self._close_store))
        self.wait()

    def _submit(self, items: Callable[[Store], list[StoryItem]]) -> None:
        self._pending.append(self._thread.submit(self._tell, items))

    def _tell(self, items: Callable[[Store], list[StoryItem]]) -> None:
        """On the story thread."""
        try:
            if self._store is None:
                self._store = self._open_store()
                self._session = self._assigner.session(self._store)
            assert self._session is not None
            self._session.assign(items(self._store))
        except Exception as exc:  # our bug or a locked database: said once, retried next poll
            self.error = cap(core_message("stories_failed", reason=one_line(exc)), ERROR_CAP)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class _Run:
    """One poll: the writer's loop and its bookkeeping."""

    def __init__(
        self,
        crew: _Crew,
        store: Store,
        only: ClaimFilter,
        on_result: Callable[[FeedResult], None] | None,
        on_progress: Callable[[int, int], None] | None,
        cancel: threading.Event,
        stories: _Stories,
    ) -> None:
        self._crew = crew
        self._stories = stories
        self._store = store
        self._only: ClaimFilter = only  # which feeds may still be claimed once chosen
        self._on_result = on_result
        self._on_progress = on_progress
        self._cancel = cancel
        self._inbox: queue.SimpleQueue[_Message] = queue.SimpleQueue()
        self._in_flight: dict[int, Feed] = {}
        self._hosts: Counter[str] = Counter()  # connections open per host, as the writer knows it
        self._capacity = crew.capacity
        self._claim_batch = max(1, self._capacity // 4)
        settings = load_settings(store)
        self._interval_default = settings.poll_interval_s
        self._cutoff = crew.clock() - settings.retention
        self._results: Counter[str] = Counter()
        self._by_issue: Counter[str] = Counter()
        self._new_items = self._new_relevant = self._done = self._total = 0

    def execute(self, feeds: list[Feed]) -> PollSummary:
        waiting = HostQueue(feeds)
        self._total = len(waiting)
        self._progress()
        try:
            while (waiting and not self._cancel.is_set()) or self._in_flight:
                if self._cancel.is_set():
                    self._drain()
                    # Only now: an aborted fetch's error must not be stored as the feed's state.
                    self._crew.abort_fetches()
                    break
                self._dispatch(waiting)
                if self._in_flight:
                    self._receive(_WAIT_S)
        except DatabaseFault:
            self._crew.abort_fetches()  # their results could not be stored either
            raise
        finally:
            self._abandon()
        return self._summary()

    # --- handing out feeds ----------------------------------------------------------------------

    def _dispatch(self, waiting: HostQueue) -> None:
        room = self._capacity - len(self._in_flight)
        if room <= 0 or not waiting:
            return
        if room < self._claim_batch and self._in_flight:
            return  # each claim is a write transaction: wait until there is room for several
        now = self._crew.clock()

        def deferred(feed: Feed) -> bool:
            until = schedule.deferred_until(feed.retry_after, now)
            if until is not None:
                self._deliver(FeedResult(feed.id, feed.url, "skipped", None,
                                         f"the server asked to wait until {_hhmm(until)}"))
            return until is not None

        batch = waiting.take(room, Counter(self._hosts), PER_HOST, deferred)
        if batch:
            self._claim(batch, now)

    def _claim(self, batch: list[Feed], now: datetime) -> None:
        ids = [feed.id for feed in batch]
        feeds = self._store.feeds
        owner = self._crew.owner
        claimed, refused = feeds.claim(ids, owner, now, now + LEASE, only=self._only)
        dead = sorted({o for o in refused.values() if o and o != owner and _is_dead_here(o)})
        if dead:
            again = [i for i, o in refused.items() if o in dead]
            more, refused_again = feeds.claim(again, owner, now, now + LEASE, only=self._only,
                                              stale_owners=dead)
            claimed += more
            refused = {**{i: o for i, o in refused.items() if o not in dead}, **refused_again}
        place = {feed_id: n for n, feed_id in enumerate(ids)}
        claimed.sort(key=lambda feed: place[feed.id])  # fetched in the order handed out
        for feed in claimed:  # in flight before any callback runs, so that leases are always released
            self._in_flight[feed.id] = feed
            self._hosts[host_of(feed.url)] += 1
            self._crew.submit(self._crew.fetch, feed, now, self._cancel, self._inbox.put)
        by_id = {feed.id: feed for feed in batch}
        for feed_id in refused:
            feed = by_id[feed_id]
            self._deliver(FeedResult(feed.id, feed.url, "skipped", None, None))

    # --- storing results --------------------------------------------------------------------------

    def _receive(self, timeout: float) -> None:
        """Handle what has arrived, waiting up to `timeout` for the first message."""
        try:
            messages = [self._inbox.get(timeout=timeout)]
        except queue.Empty:
            return
        while len(messages) < _BATCH:
            try:
                messages.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        self._handle(messages)

    def _drain(self) -> None:
        """After a cancel: store what has already arrived, abandon the rest."""
        while True:
            messages: list[_Message] = []
            while len(messages) < _BATCH:
                try:
                    messages.append(self._inbox.get_nowait())
                except queue.Empty:
                    break
            if not messages:
                return
            self._handle(messages)

    def _handle(self, messages: list[_Message]) -> None:
        """What has arrived is stored in two transactions at most: the feeds whose poll
        brought items, then those whose poll brought none."""
        with_items: list[tuple[Fetched, FeedOutcome, tuple[IncomingItem, ...]]] = []
        itemless: list[tuple[Fetched, FeedOutcome]] = []
        for message in messages:
            if isinstance(message, _HostFreed):
                self._hosts[message.host] -= 1  # the host may take another feed now
            elif isinstance(message, _ToParse):
                self._parse(message)
            elif message.feed.id in self._in_flight:  # else abandoned earlier
                outcome, items = self._decide(message)
                if items:
                    with_items.append((message, outcome, items))
                else:
                    itemless.append((message, outcome))
        self._store_with_items(with_items)
        self._store_itemless(itemless)

    def _store_with_items(self, polls: list[tuple[Fetched, FeedOutcome, tuple[IncomingItem, ...]]]) -> None:
        for start in range(0, len(polls), _FEEDS_A_TRANSACTION):
            batch = polls[start:start + _FEEDS_A_TRANSACTION]
            if len(batch) == 1:
                self._store_one(*batch[0])
                continue
            now = self._crew.clock()
            try:
                results = self._store.ingest.store_feeds(
                    [(fetched.feed.id, outcome, items) for fetched, outcome, items in batch], now)
            except DatabaseFault:
                raise  # the file's problem: rolled back, the feeds stay due as they were
            except Exception:  # nothing was stored: each feed on its own, to learn which failed
                for poll in batch:
                    self._store_one(*poll)
                continue
            for (fetched, outcome, items), result in zip(batch, results, strict=True):
                if isinstance(result, Exception):
                    self._store_one(fetched, outcome, items)  # fails again alone, and records why
                else:
                    self._stored(fetched, outcome, result)

    def _store_itemless(self, done: list[tuple[Fetched, FeedOutcome]]) -> None:
        if len(done) <= 1:
            for fetched, outcome in done:
                self._store_one(fetched, outcome, ())
            return
        try:
            errors = self._store.ingest.store_outcomes([(f.feed.id, o) for f, o in done])
        except DatabaseFault:
            raise
        except Exception:  # nothing was stored: each feed on its own, to learn which failed
            for fetched, outcome in done:
                self._store_one(fetched, outcome, ())
            return
        for (fetched, outcome), error in zip(done, errors, strict=True):
            if error is None:
                self._stored(fetched, outcome, FeedIngestResult((), (), {}))
            else:
                self._store_one(fetched, outcome, ())  # it records the failure

    def _parse(self, message: _ToParse) -> None:
        """Have a changed body parsed, skipping the entries stored unchanged.

        After a cancel the body is dropped: its feed stays in flight, and is abandoned.
        """
        feed = message.fetched.feed
        if feed.id not in self._in_flight or self._cancel.is_set():
            return
        try:
            known = self._store.ingest.known_entries(feed.id)
        except Exception:  # then every entry is cleaned again, as on a first poll
            known = {}
        lane = self._crew.lane

        def done(parsed: ProcessedFeed | BaseException) -> None:
            self._inbox.put(replace(message.fetched, parsed=parsed))

        def parse() -> None:
            try:
                lane.run(message.body, message.headers, message.url, done, known)
            except Exception as exc:  # our bug: this feed's error, not the poll's
                done(exc)

        if not lane.parses_in_caller:
            parse()
            return
        try:
            self._crew.submit(parse)  # in a fetch thread, not on the writer's
        except RuntimeError as exc:  # the poller is closing
            done(exc)

    def _decide(self, fetched: Fetched) -> tuple[FeedOutcome, tuple[IncomingItem, ...]]:
        feed = fetched.feed
        interval = schedule.interval_s(feed.interval_s, self._interval_default)
        return decide(fetched, self._crew.clock(), interval, self._crew.rand, self._cutoff)

    def _store_one(self, fetched: Fetched, outcome: FeedOutcome, items: tuple[IncomingItem, ...]) -> None:
        """Store one feed's poll in its own transaction: items and validators together."""
        feed = fetched.feed
        now = self._crew.clock()
        try:
            stored = self._store.ingest.store_feed(feed.id, outcome, items, now)
        except DatabaseFault:
            raise  # the file's problem, not the feed's: rolled back, the feed stays due as it was
        except Exception as exc:  # rolled back; record the failure alone, so the feed shows it
            interval = schedule.interval_s(feed.interval_s, self._interval_default)
            outcome = failing(feed, fetched.attempted_at, now, interval, self._crew.rand,
                               cap(f"could not store: {one_line(exc)}", ERROR_CAP), outcome.http_status)
            try:
                self._store.ingest.store_feed(feed.id, outcome, (), now)
            except DatabaseFault:
                raise
            except Exception:  # the feed may have been removed meanwhile
                self._store.feeds.release_leases([feed.id], self._crew.owner)
            self._in_flight.pop(feed.id, None)
            self._deliver(FeedResult(feed.id, feed.url, "failing", outcome.http_status, outcome.error))
            return
        self._stored(fetched, outcome, stored)

    def _stored(self, fetched: Fetched, outcome: FeedOutcome, stored: FeedIngestResult) -> None:
        feed = fetched.feed
        self._in_flight.pop(feed.id, None)
        self._new_relevant += stored.new_relevant
        if stored.new_relevant:
            self._stories.stored(stored.new_ids, stored.new_relevant)
        self._deliver(FeedResult(
            feed.id, outcome.new_url or feed.url, outcome.status, outcome.http_status, outcome.error,
            stored.new_ids, dict(stored.new_by_issue),
        ))

    def _abandon(self) -> None:
        """Release the leases of feeds still in flight; their results will never be written."""
        if self._in_flight:
            try:
                self._store.feeds.release_leases(list(self._in_flight), self._crew.owner)
            except DatabaseFault:  # the leases run out by themselves (this poller may take them again)
                pass
            self._in_flight.clear()

    def _deliver(self, result: FeedResult) -> None:
        self._results[result.status] += 1
        self._new_items += len(result.new_ids)
        self._by_issue.update(result.new_by_issue)
        self._done += 1
        if self._on_result is not None:
            self._on_result(result)
        self._progress()

    def _progress(self) -> None:
        if self._on_progress is not None:
            self._on_progress(self._done, self._total)

    def _summary(self) -> PollSummary:
        r = self._results
        return PollSummary(
            total=self._done,
            ok=r["ok"],
            not_modified=r["not_modified"],
            failed=r["failing"] + r["gone"],
            skipped=r["skipped"],
            new_items=self._new_items,
            new_relevant=self._new_relevant,
            new_by_issue={k: v for k, v in self._by_issue.items() if v},
            cancelled=self._cancel.is_set(),
        )


def _hhmm(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- choosing feeds ------------------------------------------------------------------------------


def _candidates(store: Store, now: datetime, all_feeds: bool, feed_ids: Sequence[int] | None) -> list[Feed]:
    if feed_ids is not None:
        from db import NotFoundError

        found = []
        for feed_id in dict.fromkeys(feed_ids):
            try:
                found.append(store.feeds.get(feed_id))
            except NotFoundError:
                continue  # removed meanwhile
        return found
    return store.feeds.due(now, include_not_due=all_feeds)


def _prune(store: Store, now: datetime) -> int:
    pruned = store.articles.prune_irrelevant(now - load_settings(store).retention)
    store.stories.forget_empty()  # the stories of removed feeds' items
    return pruned


# --- leases of pollers that died -----------------------------------------------------------------


def _owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{random.getrandbits(32):08x}"


def _is_dead_here(owner: str) -> bool:
    """True for the lease of a poller process on this machine that no longer runs.

    Its lease would otherwise hold its feeds for minutes after a crash. Only
    checked on POSIX, where signal 0 probes a process without touching it.
    """
    host, _, rest = owner.rpartition(":")[0].rpartition(":")
    if os.name != "posix" or host != socket.gethostname() or not rest.isdigit():
        return False
    pid = int(rest)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists but belongs to someone else
        return False
    return False
