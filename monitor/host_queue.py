"""The feeds a poll has yet to hand out, queued by host, a host's feeds one after another.

A host's next feed goes out as soon as it has a connection free, before any other host's:
it then takes the connection its last feed left open (a TLS handshake less, and a few
round trips), where going round the hosts one feed each would have closed it long before
the host's turn came again. Taking a batch looks at the batch and at the hosts passed
over for being busy, not at every feed waiting: a reader who follows 500 sections of one
outlet has one host whose connections are nearly always busy, and its other feeds wait
behind them.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import zip_longest
from urllib.parse import urlsplit

from db.records import Feed


class HostQueue:
    """Waiting feeds by host; `take` empties the first host in turn before the next, up to
    `per_host` feeds in flight each, and a busy host keeps its turn."""

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
        counted up here for those taken), in the order to fetch them: one host's after
        another's, so that a slow host's feeds never come first for every fetch thread.
        A feed `set_aside` returns True for leaves the queue without being taken (the caller
        has dealt with it)."""
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
                self._turns.appendleft(host)  # its next feed next, while it has room
            else:
                del self._by_host[host]
        self._turns.extendleft(reversed(busy))  # busy hosts keep their turn
        return _round_the_hosts(batch)


def _round_the_hosts(feeds: list[Feed]) -> list[Feed]:
    """The first feed of each host, then the second of each, and so on."""
    by_host: dict[str, list[Feed]] = {}
    for feed in feeds:
        by_host.setdefault(host_of(feed.url), []).append(feed)
    rounds = zip_longest(*by_host.values())
    return [feed for turn in rounds for feed in turn if feed is not None]


@lru_cache(maxsize=4096)
def host_of(url: str) -> str:
    """The lower-cased host of a feed URL ("" when it has none); remembered, as every
    fetch and every hand-out asks."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
