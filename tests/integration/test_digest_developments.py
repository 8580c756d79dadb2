"""A digest leads with the moves against the baseline, then lists each story once with its outlets."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources

import pytest
from markdown_it import MarkdownIt

from db.moves import replace_moves
from db.records import Move
from monitor.digest.build import build_digest
from monitor.digest.render import render
from tests.digest_support import NOW, Entry, add_feed, add_issues, days_ago, ingest, schema_errors

CUT = Move("canola-tariff", "Tariff on canola oil", "100%", "15%", "cut the tariff on canola oil to 15%",
           "summary", 0, 35)


@pytest.fixture
def digest(store):
    """One happening carried by three outlets (on two issues), one item alone, one move."""
    add_issues(store)
    globe, cbc, xinhua = (add_feed(store, name, f"https://{name.lower()}.example/rss")
                          for name in ("Globe", "CBC", "Xinhua"))
    (first,) = ingest(store, globe, [Entry("China cuts canola tariff as Carney visits", days_ago(2),
                                           {"tariffs": ("tariff",), "visit": ("visits",)},
                                           "Beijing cut the tariff on canola oil to 15%.",
                                           "https://globe.example/1")])
    (second,) = ingest(store, cbc, [Entry("Beijing lowers canola duty", days_ago(1.9), {"tariffs": ("duty",)},
                                          url="https://cbc.example/1")])
    meeting = Entry("Xi meets Carney in Beijing", days_ago(1.8), {"visit": ("meets",)},
                    url="https://xinhua.example/1")
    (third,) = ingest(store, xinhua, [meeting])
    (alone,) = ingest(store, globe, [Entry("Steel quota talks", days_ago(1), {"tariffs": ("steel",)},
                                           url="https://globe.example/2")])
    placed = store.stories.assign([(first, "cut"), (second, "cut"), (third, "cut")])
    store.stories.set_headlines({placed[first]: (first, "the earliest item")})
    with store.write() as conn:
        replace_moves(conn, first, [CUT])
    return build_digest(store, days_ago(7), now=NOW), placed[first], (first, second, third, alone)


def test_the_story_is_listed_once_under_its_first_issue_with_every_outlet(digest):
    built, story_id, (first, second, third, alone) = digest
    tariffs, visit = built.sections[0], built.sections[1]
    assert [s.id for s in tariffs.stories] == [None, story_id]  # the latest day first
    story = tariffs.stories[1]
    assert [i.article_id for i in story.items] == [first, second, third]
    assert story.outlets == ("Globe", "CBC", "Xinhua") and story.first_outlet == "Globe"
    assert story.headline == "China cuts canola tariff as Carney visits"
    assert visit.stories == () and [p.id for p in visit.elsewhere] == [story_id]
    assert built.story_count == 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_each_format_leads_with_the_moves_and_shows_each_story_once(digest, fmt):
    built, _story_id, _ids = digest
    text = render(built, fmt).decode()
    if fmt == "md":
        text = MarkdownIt("commonmark").render(text)
    plain = re.sub(r"<[^>]+>", "", text)
    moves_at = plain.index("Moves since the baseline")
    tariffs_at = re.search(r"^Tariffs and trade$", plain, re.MULTILINE).start()  # the section's heading
    assert moves_at < tariffs_at
    assert "Tariff on canola oil: 100% → 15%" in plain[moves_at:tariffs_at]
    assert "“cut the tariff on canola oil to 15%”" in plain
    visit_at = re.search(r"^The visit$", plain, re.MULTILINE).start()
    tariffs, visit = plain[tariffs_at:visit_at], plain[visit_at:]
    assert tariffs.count("China cuts canola tariff as Carney visits") == 2  # the headline, then its item
    assert "3 outlets: Globe, CBC, Xinhua" in tariffs and "Xi meets Carney in Beijing" in tariffs
    assert "Xi meets Carney in Beijing" not in visit
    pointer = "Also on this issue, listed above: China cuts canola tariff as Carney visits (Tariffs and"
    assert pointer + " trade)" in visit


def test_json_carries_moves_and_stories_and_matches_its_schema(digest):
    built, story_id, (first, second, third, _alone) = digest
    document = json.loads(render(built, "json"))
    schema = json.loads(resources.files("resources").joinpath("digest.schema.json").read_text())
    assert schema_errors(document, schema) == []
    (move,) = document["moves"]
    assert (move["fact"], move["baseline"], move["reported"], move["article_id"]) == (
        "canola-tariff", "100%", "15%", first)
    story = document["issues"][0]["stories"][1]
    assert story["id"] == story_id and story["items"] == [first, second, third]
    assert story["outlets"] == ["Globe", "CBC", "Xinhua"] and story["issues"] == ["tariffs", "visit"]
    assert [m["reported"] for m in story["moves"]] == ["15%"]
    assert document["issues"][1]["elsewhere"] == [
        {"id": story_id, "headline": story["headline"], "section": "Tariffs and trade"}]


def test_csv_rows_name_their_story_and_moves(digest):
    built, story_id, (first, second, _third, alone) = digest
    rows = list(csv.DictReader(io.StringIO(render(built, "csv").decode("utf-8-sig"))))
    by_id = {(r["issue"], int(r["article_id"])): r for r in rows}
    assert by_id[("tariffs", first)]["story_id"] == str(story_id)
    assert by_id[("tariffs", first)]["moves"] == "Tariff on canola oil: 100% -> 15%"
    assert by_id[("tariffs", second)]["moves"] == ""
    assert by_id[("tariffs", alone)]["story_id"] == ""


def test_reports_of_one_change_are_one_move_with_each_report_under_it(digest, store):
    built, _story_id, (first, second, _third, _alone) = digest
    with store.write() as conn:
        replace_moves(conn, second, [CUT])
    again = build_digest(store, days_ago(7), now=NOW)
    (group,) = again.move_groups
    assert [m.article_id for m in group] == [second, first]  # newest first
    text = render(again, "md").decode()
    assert text.count("Tariff on canola oil: 100% → 15%") == 1 + 2  # the move once; each story's line
    assert "- Moves against the baseline: 1 (2 items report them)" in text
