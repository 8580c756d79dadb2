"""`stories` and `moves` on the command line: what a script reads from the store."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from db import open_store
from db.moves import replace_moves
from db.records import Move
from tests.digest_support import NOW, Entry, add_feed, add_issues, ingest

CUT = Move("canola-tariff", "Chinese tariff on Canadian canola", "over 70%", "15%",
           "cut the canola tariff to 15%", "title", 6, 34)


@pytest.fixture
def filled(db_path):
    with open_store(db_path) as store:
        add_issues(store)
        globe = add_feed(store, "The Globe", "http://127.0.0.1/globe")
        cbc = add_feed(store, "CBC", "http://127.0.0.1/cbc")
        a, old = ingest(store, globe, [
            Entry("China cut the canola tariff to 15%", NOW - timedelta(hours=5), {"tariffs": ("tariff",)}),
            Entry("Xi meets Trudeau", NOW - timedelta(days=30), {"visit": ("meets",)}),
        ])
        (b,) = ingest(store, cbc, [Entry("Beijing lowers canola duty", NOW - timedelta(hours=3),
                                         {"tariffs": ("duty",)})])
        placed = store.stories.assign([(a, "cut"), (b, "cut"), (old, "old")])
        with store.write() as conn:
            replace_moves(conn, a, [CUT])
    return placed, a, b, old


def test_stories_json_has_the_documented_keys_latest_first(cli, filled):
    placed, a, b, old = filled
    result = cli("stories", "--json")
    assert result.code == 0
    first, second = (json.loads(line) for line in result.out.splitlines())
    keys = {"id", "headline", "first_seen", "first_outlet", "outlets", "items", "issues", "moves"}
    assert keys <= set(first)
    assert first["id"] == placed[a] and first["items"] == [a, b]
    assert first["outlets"] == ["The Globe", "CBC"] and first["first_outlet"] == "The Globe"
    assert first["issues"] == ["tariffs"]
    assert [m["reported"] for m in first["moves"]] == ["15%"]
    assert second["id"] == placed[old] and second["moves"] == []


def test_stories_filter_by_issue_and_period(cli, filled):
    placed, a, _b, old = filled
    ids = lambda result: [json.loads(line)["id"] for line in result.out.splitlines()]  # noqa: E731
    assert ids(cli("stories", "--json", "--issue", "visit")) == [placed[old]]
    assert ids(cli("stories", "--json", "--since", "2026-01-19")) == [placed[a]]


def test_stories_table_marks_unread_stories_and_counts_outlets(cli, filled):
    result = cli("stories")
    assert result.code == 0
    line = next(row for row in result.out.splitlines() if "canola" in row)
    assert "* China cut the canola tariff" in line and " 2 " in line


def test_moves_lists_what_changed_with_the_words_that_say_so(cli, filled):
    _placed, a, _b, _old = filled
    (move,) = [json.loads(line) for line in cli("moves", "--json").out.splitlines()]
    assert move == {
        "fact": "canola-tariff", "figure": "Chinese tariff on Canadian canola", "baseline": "over 70%",
        "reported": "15%", "words": "cut the canola tariff to 15%", "article_id": a,
        "published": (NOW - timedelta(hours=5)).isoformat().replace("+00:00", "Z"),
    }
    assert "cut the canola tariff to 15%" in cli("moves").out


@pytest.mark.parametrize("args", [["stories", "--issue", "nope"], ["stories", "--since", "soon"],
                                  ["stories", "--limit", "-1"], ["moves", "--since", "soon"]])
def test_bad_arguments_are_one_line_and_exit_2(cli, filled, args):
    result = cli(*args)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
