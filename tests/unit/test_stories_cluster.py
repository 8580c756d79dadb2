"""Stories: real headlines from the labelled dev sets, grouped by the happening they report."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.evaluate import score_clusters
from monitor.rules import load_resource_rules, parse_rules, rules_from_resource
from monitor.stories import Clusterer, Constraints, StoryItem, by_time, recluster
from monitor.stories.headline import headline
from monitor.stories.items import ItemError, item_from_json, parse_published

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels"


@pytest.fixture(scope="module")
def rules():
    return parse_rules(rules_from_resource(load_resource_rules()))


@pytest.fixture(scope="module")
def dev_items() -> dict[str, StoryItem]:
    """Every labelled dev item, keyed "file:line" (line 0-based, as in events-dev.jsonl)."""
    items = {}
    for name in ("dev.jsonl", "dev-2024-2026.jsonl"):
        for line, text in enumerate((LABELS / name).read_text(encoding="utf-8").splitlines()):
            key = f"{name}:{line}"
            items[key] = item_from_json(json.loads(text), key, date_field="date")
    return items


@pytest.fixture(scope="module")
def dev_stories(dev_items, rules) -> dict[str, str]:
    return recluster(dev_items.values(), rules)


@pytest.mark.parametrize(("a", "b"), [
    ("dev.jsonl:17", "dev.jsonl:58"),  # fighter jets spook a Canadian plane, two outlets
    ("dev.jsonl:76", "dev.jsonl:90"),  # Canada expels a Chinese diplomat, two wordings
    ("dev.jsonl:71", "dev.jsonl:143"),  # a former Canadian diplomat arrested in China
    ("dev.jsonl:128", "dev-2024-2026.jsonl:60"),  # French: provisional duties on canola
    ("dev-2024-2026.jsonl:0", "dev-2024-2026.jsonl:49"),  # China's WTO request, two outlets
    ("dev-2024-2026.jsonl:15", "dev-2024-2026.jsonl:49"),  # ... and a third, four days later
    ("dev.jsonl:98", "dev.jsonl:103"),  # the two Michaels freed: names only the summaries share
    ("dev.jsonl:115", "dev-2024-2026.jsonl:39"),  # the canola probe, "canola" and "rapeseed"
])
def test_reports_of_one_happening_share_a_story(dev_stories, a, b):
    assert dev_stories[a] == dev_stories[b]


@pytest.mark.parametrize(("a", "b"), [
    # Canada's 100% EV surtax (26 August 2024) and China's canola probe in reply (3 September)
    ("dev.jsonl:18", "dev.jsonl:115"),
    # China's tariffs on canola oil in March 2025 and its canola-seed duties in August 2025
    ("dev-2024-2026.jsonl:26", "dev-2024-2026.jsonl:60"),
    # the 2023 expulsion of a Chinese diplomat and China's reply the next day: two happenings
    ("dev.jsonl:76", "dev.jsonl:72"),
])
def test_same_topic_at_another_time_is_another_story(dev_stories, a, b):
    assert dev_stories[a] != dev_stories[b]


@pytest.fixture(scope="module")
def dev_events() -> dict[str, str]:
    events = {}
    for text in (LABELS / "events-dev.jsonl").read_text(encoding="utf-8").splitlines():
        value = json.loads(text)
        events[f"{value['file']}:{value['line']}"] = value["event"]
    return events


@pytest.mark.parametrize("prefix", ["dev.jsonl:", "dev-2024-2026.jsonl:", ""])
def test_stories_agree_with_the_labelled_happenings_at_the_measured_level(
        dev_items, dev_events, rules, prefix):
    """Pairwise precision stays at 0.85 or more on each labelled file and on both; F1
    (0.40, 0.43 and 0.375 when measured) does not fall back to where it was (0.33)."""
    keys = [key for key in dev_items if key.startswith(prefix)]
    assignment = recluster([dev_items[k] for k in keys], rules)
    score = score_clusters(prefix, [dev_events[k] for k in keys], [assignment[k] for k in keys])
    assert score.pairs.precision >= 0.85
    assert score.pairs.f1 >= 0.36


def test_a_story_is_keyed_by_its_first_item(dev_stories, dev_items):
    first = min(("dev.jsonl:76", "dev.jsonl:90"), key=lambda k: dev_items[k].published)
    assert dev_stories["dev.jsonl:90"] == first


def test_incremental_assignment_in_time_order_equals_the_batch(dev_items, rules):
    shuffled = list(dev_items.values())
    random.Random(7).shuffle(shuffled)
    clusterer = Clusterer(rules)
    incremental = {item.key: clusterer.assign(item) for item in by_time(shuffled)}
    assert incremental == recluster(shuffled, rules)
    assert len(set(incremental.values())) < len(incremental)  # some items were grouped


def test_a_pinned_item_goes_to_its_story_and_others_can_follow_it(dev_items, rules):
    jets = [dev_items["dev.jsonl:17"], dev_items["dev.jsonl:58"]]
    pins = Constraints(pinned={"dev.jsonl:17": "story-42"})
    assert recluster(jets, rules, constraints=pins) == {
        "dev.jsonl:17": "story-42", "dev.jsonl:58": "story-42",
    }


def test_items_kept_apart_never_share_a_story(dev_items, rules):
    jets = [dev_items["dev.jsonl:17"], dev_items["dev.jsonl:58"]]
    assert len(set(recluster(jets, rules).values())) == 1
    apart = Constraints(apart=[("dev.jsonl:58", "dev.jsonl:17")])
    assert len(set(recluster(jets, rules, constraints=apart).values())) == 2


def test_stored_items_placed_in_their_stories_attract_new_reports(dev_items, rules):
    clusterer = Clusterer(rules)
    clusterer.place(dev_items["dev.jsonl:76"], "db-7")
    assert clusterer.assign(dev_items["dev.jsonl:90"]) == "db-7"


def test_headline_prefers_the_readers_language_then_the_earliest():
    def item(key: str, title: str, lang: str, day: int) -> StoryItem:
        return StoryItem(key, title, lang=lang, published=datetime(2025, 8, day, tzinfo=UTC))

    story = [
        item("a", "La Chine inflige des droits de douane temporaires sur le canola", "fr", 12),
        item("b", "China slaps duties on Canadian canola", "en", 13),
        item("c", "Canola duties: China acts", "en", 14),
    ]
    assert headline(story, "en") == (story[1], "the earliest item in en")
    assert headline(story, "fr") == (story[0], "the only item in fr")
    # no item in Chinese: the English title that shares most with both others heads it
    assert headline(story, "zh") == (story[1], "the title closest to the others")


def test_coarse_dates_are_spans_and_bad_ones_are_refused():
    assert parse_published("2025-03") == (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC))
    assert parse_published("2024-08-26T10:00:00-04:00") == (datetime(2024, 8, 26, 14, tzinfo=UTC), None)
    assert parse_published("") == (None, None)
    with pytest.raises(ItemError, match="ISO 8601"):
        parse_published("last Tuesday")
