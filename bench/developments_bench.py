"""How long opening the Developments view takes on a big database (target: < 300 ms).

    QT_QPA_PLATFORM=offscreen python -m bench.developments_bench [--items 200000]

The database comes from bench.bigdb (cached); its relevant items are put in stories of
one to five items (consecutive items of one issue), as the clustering would, and one
story in twenty gets a move. Then the view's read (every period) and the model reset
are timed, best of five.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.bigdb import big_database
from db import open_store
from db.moves import replace_moves
from db.records import Move
from ui.developments import PERIODS, load_developments, since_for


def fill_stories(path: Path) -> int:
    store = open_store(path)
    rng = random.Random(7)
    items = store.stories.unassigned()
    assignments, moves, key, left = [], [], 0, 0
    for item in items:
        if left == 0:
            key, left = key + 1, rng.randint(1, 5)
            if rng.random() < 0.05:
                moves.append(item.article_id)
        assignments.append((item.article_id, f"s{key}"))
        left -= 1
    store.stories.assign(assignments)
    move = Move("canola-seafood-tariffs", "Chinese tariffs on canola", "over 70%", "15%", "tariff to 15%")
    with store.write() as conn:
        for article in moves:
            replace_moves(conn, article, [move])
    store.close()
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from ui.models.stories import StoryTreeModel

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = big_database(args.items, 1, Path(folder) / "big.db")
        start = time.perf_counter()
        stories = fill_stories(path)
        print(f"{args.items:,} items, {stories:,} stories assigned in {time.perf_counter() - start:.1f} s")
        store = open_store(path)
        now = max(s.last_date for s in store.stories.recent(limit=1))
        model = StoryTreeModel(store)
        for period, label in PERIODS:
            since = since_for(period, now, (now - timedelta(days=120)).date(), now - timedelta(hours=10))
            best = float("inf")
            for _ in range(5):
                start = time.perf_counter()
                model.set_developments(load_developments(store, since))
                best = min(best, time.perf_counter() - start)
            shown = len(model.stories_shown())
            print(f"{label:22} {shown:5} stories  {best * 1000:6.0f} ms")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
