"""Every labelled headline the tagging tests read: the sets in ../shared (when present), then
those kept in tests/data/labels, as (title, summary, lang, day) for `Tagger.classify`."""

from __future__ import annotations

import json

from monitor.evaluate import _label_day
from tests.conftest import REPO, SHARED

KEPT = REPO / "tests" / "data" / "labels"  # copies of the shared sets too


def labelled_items() -> list[tuple[str, str, str | None, object]]:
    items = []
    for path in [*sorted((SHARED / "data" / "labels").glob("*.jsonl")), *sorted(KEPT.glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "title" in item:
                items.append((item["title"], item.get("summary") or "", item.get("lang"), _label_day(item)))
    return items
