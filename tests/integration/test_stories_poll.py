"""Stories as polls bring items: assigned right after each poll, rebuilt by recluster and retag,
with the reader's merges and splits kept."""

from __future__ import annotations

from datetime import timedelta

import pytest

from monitor.poller import Poller
from tests.integration.test_poller import START, Clock, Entry, Route, feed_route, read, rss


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def poller(db, clock):
    with Poller(db, clock=clock, parse_processes=0, fetch_workers=4) as p:
        yield p

# One announcement as three outlets wrote it, and an unrelated happening.
CUT = [
    "China cuts tariff on Canadian canola oil to 15% after Carney visit",
    "Beijing cuts canola oil tariff to 15% following Carney's Beijing visit",
    "China slashes canola oil tariff to 15% as Carney wraps up Beijing trip",
]
EXPEL = "Canada expels Chinese diplomat Zhao Wei over threats to MP Michael Chong"


def published(hours: float):
    return START - timedelta(hours=hours)


def serve_all(server, db) -> None:
    for n, title in enumerate(CUT):
        report = Entry(f"cut-{n}", title, published=published(3 - n))
        feed_route(server, db, f"/outlet{n}", Route(rss(report, title=f"Outlet {n}")))
    other = Entry("expel", EXPEL, published=published(30))
    feed_route(server, db, "/other", Route(rss(other, title="Other")))


def test_a_poll_puts_the_outlets_reports_of_one_happening_in_one_story(server, db, poller):
    serve_all(server, db)
    summary = poller.poll(all_feeds=True)
    assert summary.story_error is None and summary.new_stories == 2
    with read(db) as store:
        stories = store.stories.recent()
        assert store.stories.unassigned() == []
    assert [len(s.item_ids) for s in stories] == [3, 1]
    assert stories[0].outlets == ("Outlet 0", "Outlet 1", "Outlet 2")
    assert stories[0].headline in CUT and stories[0].headline_reason
    assert stories[1].headline == EXPEL


def test_a_later_poll_adds_to_the_story_it_reports_instead_of_starting_another(server, db, poller, clock):
    feed_route(server, db, "/a", Route(rss(Entry("cut-0", CUT[0], published=published(3)), title="A")))
    poller.poll(all_feeds=True)
    feed_route(server, db, "/b", Route(rss(Entry("cut-1", CUT[1], published=published(1)), title="B")))
    clock.advance(hours=1)
    poller.poll(all_feeds=True)
    with read(db) as store:
        (story,) = store.stories.recent()
    assert story.outlets == ("A", "B")


def test_recluster_keeps_a_merge_and_a_take_out(server, db, poller, cli):
    serve_all(server, db)
    poller.poll(all_feeds=True)
    with read(db) as store:
        cut, expel = store.stories.recent()
        store.stories.merge(cut.id, expel.id)
        store.stories.take_out(cut.item_ids[1])
    result = cli("recluster")
    assert result.code == 0 and "4 items in 2 stories" in result.out
    with read(db) as store:
        groups = sorted(sorted(s.item_ids) for s in store.stories.recent())
    assert groups == sorted([sorted([cut.item_ids[0], cut.item_ids[2], *expel.item_ids]), [cut.item_ids[1]]])


def test_retag_rebuilds_the_stories_from_what_is_relevant_now(server, db, poller, cli):
    feed_route(server, db, "/a", Route(rss(Entry("cut-0", CUT[0], published=published(3)), title="A")))
    poller.poll(all_feeds=True)
    result = cli("retag")
    assert result.code == 0 and "1 stories" in result.out
    with read(db) as store:
        assert len(store.stories.recent()) == 1


def test_a_poll_stores_the_moves_its_items_report_with_their_words(server, db, poller):
    serve_all(server, db)
    poller.poll(all_feeds=True)
    with read(db) as store:
        moves = store.moves.recent()
        cut = store.stories.recent()[0]
    assert {m.article_id for m in moves} == set(cut.item_ids)  # each outlet's report of the cut
    assert {(m.move.baseline, m.move.reported) for m in moves} == {("over 70%", "15%")}
    assert all("15%" in m.move.words and m.move.words in m.title for m in moves)


def test_a_new_poller_reads_the_index_back_and_adds_to_the_same_story(server, db, poller, clock):
    feed_route(server, db, "/a", Route(rss(Entry("cut-0", CUT[0], published=published(3)), title="A")))
    poller.poll(all_feeds=True)
    with read(db) as store:
        (first,) = store.stories.items_since(None)
    assert '"w":' in first.features  # what the clustering read of it, kept for the next index
    feed_route(server, db, "/b", Route(rss(Entry("cut-1", CUT[1], published=published(1)), title="B")))
    clock.advance(hours=1)
    with Poller(db, clock=clock, parse_processes=0, fetch_workers=4) as another:  # as a new process would
        another.poll(all_feeds=True)
    with read(db) as store:
        (story,) = store.stories.recent()
    assert story.outlets == ("A", "B")


def test_items_an_earlier_poll_left_in_no_story_are_put_in_one_by_the_next(server, db, poller, clock):
    feed_route(server, db, "/a", Route(rss(Entry("cut-0", CUT[0], published=published(3)), title="A")))
    poller.poll(all_feeds=True)
    with read(db) as store, store.write() as conn:  # as if the process died before assigning
        conn.execute("DELETE FROM story_items")
    clock.advance(hours=1)
    summary = poller.poll(all_feeds=True)  # nothing new: the feed answers with the same bytes
    assert summary.new_items == 0 and summary.new_stories == 1
    with read(db) as store:
        assert store.stories.unassigned() == [] and len(store.stories.recent()) == 1
