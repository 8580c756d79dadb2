"""The order a poll hands feeds out in: a host's feeds one after another, up to its
connections, then the next host's; a busy host keeps its turn."""

from __future__ import annotations

from collections import Counter

from db.records import Feed
from monitor.host_queue import HostQueue, host_of


def _feed(feed_id: int, host: str) -> Feed:
    return Feed(
        id=feed_id, url=f"https://{host}/feed/{feed_id}.xml", title=None, site_url=None, category=None,
        enabled=True, interval_s=None, etag=None, last_modified=None, content_hash=None,
        last_status=None, last_http_status=None, last_error=None, last_attempt_at=None,
        last_success_at=None, next_poll_at=None, retry_after=None, error_count=0, added_at=None,
    )


def _queue(*hosts: str) -> HostQueue:
    return HostQueue([_feed(n, host) for n, host in enumerate(hosts, start=1)])


def _ids(feeds: list[Feed]) -> list[int]:
    return [feed.id for feed in feeds]


def _never(feed: Feed) -> bool:
    return False


def test_a_hosts_feeds_are_handed_out_together_up_to_its_connections_then_the_next_hosts():
    queue = _queue("a.ca", "a.ca", "a.ca", "b.ca", "c.ca", "d.ca")
    in_flight: Counter[str] = Counter()
    batch = queue.take(4, in_flight, 2, _never)
    assert in_flight == {"a.ca": 2, "b.ca": 1, "c.ca": 1}  # d.ca waits: a.ca's second went first
    assert _ids(batch) == [1, 4, 5, 2]  # to be fetched round the hosts: no host fills the threads
    assert len(queue) == 2


def test_a_host_with_a_connection_free_again_has_its_next_feed_first():
    # It takes the connection its last feed left open, before another host opens one.
    queue = _queue("a.ca", "a.ca", "a.ca", "a.ca", "b.ca", "b.ca")
    in_flight: Counter[str] = Counter()
    assert _ids(queue.take(3, in_flight, 2, _never)) == [1, 5, 2]
    in_flight["a.ca"] -= 1
    assert _ids(queue.take(1, in_flight, 2, _never)) == [3]  # before b.ca's second feed


def test_a_host_with_its_feeds_in_flight_gives_none_until_one_is_done_and_keeps_its_turn():
    queue = _queue("a.ca", "a.ca", "a.ca", "b.ca", "b.ca")
    in_flight: Counter[str] = Counter({"a.ca": 2})
    assert _ids(queue.take(1, in_flight, 2, _never)) == [4]
    in_flight["a.ca"] -= 1
    assert _ids(queue.take(1, in_flight, 2, _never)) == [1]  # before b.ca's second feed
    assert _ids(queue.take(5, in_flight, 2, _never)) == [5]
    in_flight["a.ca"] = 0
    assert _ids(queue.take(5, in_flight, 2, _never)) == [2, 3]
    assert len(queue) == 0


def test_a_feed_set_aside_leaves_the_queue_without_taking_a_connection():
    queue = _queue("a.ca", "a.ca")
    in_flight: Counter[str] = Counter()
    assert _ids(queue.take(5, in_flight, 2, lambda feed: feed.id == 1)) == [2]
    assert in_flight == {"a.ca": 1}
    assert len(queue) == 0


def test_the_host_is_read_lower_cased_and_a_url_without_one_has_none():
    assert host_of("https://News.Example.CA:8443/feed") == "news.example.ca"
    assert host_of("file:///etc/passwd") == ""
    assert host_of("http://[::1/feed") == ""
