"""`Tagger.verdict`, the poll's and retag's short way, judges every item as `classify` does."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.evaluate import _label_day
from monitor.parse import parse_feed
from monitor.tagging import Tagger
from tests.sample_feeds import sample_feeds

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
OURS = Path(__file__).resolve().parents[1] / "data" / "labels"  # copies of the shared sets too


def _labelled() -> list[tuple[str, str, str | None, object]]:
    items = []
    for path in [*sorted((SHARED / "labels").glob("*.jsonl")), *sorted(OURS.glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "title" in item:
                items.append((item["title"], item.get("summary") or "", item.get("lang"), _label_day(item)))
    return items


def _feed_entries() -> list[tuple[str, str, str | None, object]]:
    entries = []
    for path in sample_feeds():
        try:
            parsed = parse_feed(path.read_bytes(), {}, "https://feeds.example/")
        except Exception:  # a file that holds no feed has no entries to judge
            continue
        entries += [(e.title, e.text, parsed.language, e.published) for e in parsed.entries]
    return entries


def test_verdict_and_classify_agree_on_every_labelled_item_and_real_feed_entry():
    tagger = Tagger.from_resource()
    items = _labelled() + _feed_entries()
    assert len(items) > 1500  # the kept labelled sets and feeds alone hold about 1,800
    relevant = 0
    for title, text, lang, published in items:
        full = tagger.classify(title, text, lang, published)
        short = tagger.verdict(title, text, lang, published)
        assert (short.relevant, short.tags) == (full.relevant, full.tags), title
        relevant += full.relevant
    assert relevant > 500  # both ways judged plenty of relevant items, not only the easy "no"


def test_an_item_without_the_required_sides_gets_no_score_from_verdict_but_does_from_classify():
    tagger = Tagger.from_resource()
    title = "Ottawa raises tariffs on U.S. steel in trade dispute with Washington"  # no Chinese side
    assert tagger.classify(title).relevance_score > 0 and not tagger.classify(title).relevant
    assert tagger.verdict(title).relevance_score == 0 and not tagger.verdict(title).relevant
