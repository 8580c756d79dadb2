"""How fast stories are told: CPU seconds to assign new items against a warm index, and
for a batch recluster. Items come from bench.newstext (templated news: many near
duplicates, so more candidates per item than real feeds give).

    python bench/stories_bench.py [--stored 20000] [--new 500] [--batch 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.newstext import news_item  # noqa: E402
from monitor.rules import load_resource_rules, parse_rules, rules_from_resource  # noqa: E402
from monitor.stories import Clusterer, StoryItem, recluster  # noqa: E402

START = datetime(2025, 1, 1, tzinfo=UTC)


def items(count: int, days: float, seed: int) -> list[StoryItem]:
    rng = random.Random(seed)
    step = days * 86400 / count
    made = []
    for n in range(count):
        text = news_item(rng, f"https://example.org/{seed}/{n}")
        made.append(StoryItem(f"{seed}-{n}", text.title, text.text[:600], text.lang,
                              START + timedelta(seconds=n * step)))
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stored", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--batch", type=int, default=100_000)
    args = parser.parse_args()
    rules = parse_rules(rules_from_resource(load_resource_rules()))

    stored = items(args.stored + args.new, 14, seed=1)
    clusterer = Clusterer(rules)
    began = time.process_time()
    for item in stored[: args.stored]:
        clusterer.place(item, item.key)
    warm = time.process_time() - began
    began = time.process_time()
    for item in stored[args.stored:]:
        clusterer.assign(item)
    assign = time.process_time() - began
    print(f"index {args.stored} stored items (14 days): {warm:.2f} s CPU")
    print(f"assign {args.new} new items against them: {assign:.2f} s CPU")

    batch = items(args.batch, 365, seed=2)
    began = time.process_time()
    result = recluster(batch, rules)
    spent = time.process_time() - began
    print(f"recluster {args.batch} items (one year): {spent:.1f} s CPU, "
          f"{len(set(result.values()))} stories")


if __name__ == "__main__":
    main()
