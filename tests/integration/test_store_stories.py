"""Stories and moves in the store: assignment, rebuilds, the reader's corrections, listing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from db import NotFoundError
from db.moves import replace_moves
from db.records import FeedOutcome, Move
from tests.digest_support import NOW, Entry, add_feed, add_issues, ingest


@pytest.fixture
def stocked(store):
    """Two outlets reporting one announcement, and a third item on another matter."""
    add_issues(store)
    globe = add_feed(store, "The Globe", "http://127.0.0.1/globe")
    cbc = add_feed(store, "CBC", "http://127.0.0.1/cbc")
    a, c = ingest(store, globe, [
        Entry("China cuts canola tariff", NOW - timedelta(hours=5), {"tariffs": ("tariff",)}),
        Entry("Xi meets Carney", NOW - timedelta(days=2), {"visit": ("meets",)}),
    ])
    (b,) = ingest(store, cbc, [Entry("Beijing lowers duty on canola", NOW - timedelta(hours=3),
                                     {"tariffs": ("duty",)})])
    return store, a, b, c


def test_assigning_new_and_existing_stories_keeps_dates_outlets_and_issues(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (c, "s2")])
    store.stories.assign([(b, placed[a])])
    story = store.stories.get(placed[a])
    assert story.item_ids == (a, b)
    assert story.outlets == ("The Globe", "CBC")
    assert story.first_outlet == "The Globe" and story.issues == ("tariffs",)
    assert story.first_date == NOW - timedelta(hours=5) and story.last_date == NOW - timedelta(hours=3)
    assert story.unread == 2
    assert store.stories.unassigned() == []


def test_unassigned_lists_relevant_items_without_a_story_oldest_first(stocked):
    store, a, b, c = stocked
    store.stories.assign([(a, "x")])
    assert [i.article_id for i in store.stories.unassigned()] == [c, b]
    item = store.stories.unassigned()[1]
    assert item.outlet == "CBC" and item.issues == ("tariffs",) and item.title.startswith("Beijing")


def test_recent_stories_filter_by_date_and_issue_newest_first(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (b, "s1"), (c, "s2")])
    assert [s.id for s in store.stories.recent()] == [placed[a], placed[c]]
    assert [s.id for s in store.stories.recent(NOW - timedelta(days=1))] == [placed[a]]
    assert [s.id for s in store.stories.recent(issue="visit")] == [placed[c]]


def test_a_rebuild_keeps_story_ids_where_it_can_and_drops_empty_stories(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (b, "s2"), (c, "s3")])
    ids = store.stories.rebuild([[a, b], [c]])
    assert ids == [placed[a], placed[c]]
    with pytest.raises(NotFoundError):
        store.stories.get(placed[b])
    assert store.stories.get(placed[a]).item_ids == (a, b)


def test_merging_and_taking_out_pin_the_readers_decision(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (b, "s2"), (c, "s3")])
    store.stories.merge(placed[a], placed[b])
    assert store.stories.get(placed[a]).item_ids == (a, b)
    pins = store.stories.pins()
    assert pins[a] == pins[b]
    alone = store.stories.take_out(b)
    assert store.stories.get(alone).item_ids == (b,)
    assert store.stories.get(placed[a]).item_ids == (a,)
    pins = store.stories.pins()
    assert pins[a] != pins[b]


def test_a_removed_article_leaves_its_story_and_an_emptied_story_is_forgotten(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (c, "s2")])
    with store.write() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (c,))
    assert store.stories.forget_empty() == 1
    assert [s.id for s in store.stories.recent()] == [placed[a]]


def test_moves_are_stored_with_their_item_and_replaced_when_it_changes(store):
    add_issues(store)
    feed = add_feed(store, "The Globe", "http://127.0.0.1/globe")
    move = Move("canola-tariff", "Tariff on canola", "over 70%", "15%", "cut the canola tariff to 15%",
                "title", 4, 32)
    entry = Entry("China cut the canola tariff to 15%", NOW, {"tariffs": ("tariff",)}, guid="g1")
    (article,) = ingest(store, feed, [entry])
    assert store.moves.recent() == []
    with store.write() as conn:
        replace_moves(conn, article, [move])
    (stored,) = store.moves.recent()
    assert stored.move == move and stored.article_id == article and stored.title.startswith("China cut")
    assert store.moves.by_fact() == {"canola-tariff": [stored]}
    assert store.moves.recent(NOW + timedelta(days=1)) == []
    # The feed sends the entry again, changed: its moves are those of the new text.
    changed = replace(entry.incoming(), title="China cut the canola tariff", content_hash="changed")
    outcome = FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=NOW)
    store.ingest.store_feed(feed, outcome, [changed], NOW)
    assert store.moves.recent() == []


def test_stories_of_articles_and_many_stories_at_once(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (b, "s1"), (c, "s2")])
    assert store.stories.of_articles([a, b, c, 9999]) == {a: placed[a], b: placed[a], c: placed[c]}
    assert [s.id for s in store.stories.get_many([placed[c], placed[a]])] == [placed[c], placed[a]]


def test_members_lists_each_storys_items_oldest_first(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(b, "s1"), (a, "s1"), (c, "s2")])
    members = store.stories.members([placed[a], placed[c]])
    assert [i.article_id for i in members[placed[a]]] == [a, b]
    assert [i.outlet for i in members[placed[a]]] == ["The Globe", "CBC"]
    assert [i.article_id for i in members[placed[c]]] == [c]


def test_a_storys_item_rows_carry_outlet_date_and_read_state_oldest_first(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1"), (b, "s1"), (c, "s2")])
    store.articles.set_read([b], True, NOW)
    rows = store.stories.item_rows(placed[a])
    assert [(r.id, r.feed_title, r.read) for r in rows] == [(a, "The Globe", False), (b, "CBC", True)]
    assert rows[0].date == NOW - timedelta(hours=5) and rows[0].issues == ("tariffs",)
    assert store.stories.item_rows(placed[c])[0].title == "Xi meets Carney"


def test_an_item_assigned_to_a_story_forgotten_meanwhile_starts_another(stocked):
    store, a, b, c = stocked
    placed = store.stories.assign([(a, "s1")])
    version = store.stories.version()
    with store.write() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (a,))
    assert store.stories.forget_empty() == 1 and store.stories.version() > version
    moved = store.stories.assign([(b, placed[a])])
    assert moved[b] != placed[a] and store.stories.get(moved[b]).item_ids == (b,)
