"""The feeds a poll has yet to hand out, queued by host and taken in turn over the hosts.

Taking a batch looks at the batch and at the hosts passed over for being busy, not at
every feed waiting: a reader who follows 500 sections of one outlet has one host
whose connections are nearly always busy, and its other feeds wait behind them.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from db.records import Feed


class HostQueue:
    """Waiting feeds by host; `take` goes round the hosts, one feed each per turn."""

    def __init__(self, feeds: Iterable[Feed]) -> None:
        self._by_host: dict[str, deque[Feed]] = {}
        for feed in feeds:
            self._by_host.setdefault(host_of(feed.url), deque()).append(feed)
        self._turns = deque(self._by_host)  # hosts with feeds waiting, whose turn comes first first
        self._count = sum(len(feeds) for feeds in self._by_host.values())

    def __len__(self) -> int:
        return self._count

    def take(
        self, room: int, in_flight: Counter[str], per_host: int, set_aside: Callable[[Feed], bool]
    ) -> list[Feed]:
        """Up to `room` feeds, none of a host with `per_host` feeds in flight (`in_flight`,
        counted up here for those taken). A feed `set_aside` returns True for leaves the
        queue without being taken (the caller has dealt with it)."""
        batch: list[Feed] = []
        busy: list[str] = []
        while self._turns and len(batch) < room:
            host = self._turns.popleft()
            if in_flight[host] >= per_host:
                busy.append(host)
                continue
            feeds = self._by_host[host]
            feed = feeds.popleft()
            self._count -= 1
            if not set_aside(feed):
                in_flight[host] += 1
                batch.append(feed)
            if feeds:
                self._turns.append(host)
            else:
                del self._by_host[host]
        self._turns.extendleft(reversed(busy))  # busy hosts keep their turn
        return batch


@lru_cache(maxsize=4096)
def host_of(url: str) -> str:
    """The lower-cased host of a feed URL ("" when it has none); remembered, as every
    fetch and every hand-out asks."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
