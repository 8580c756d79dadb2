"""Times full-text searches on a database the way the article list runs them; prints JSON.

The list asks the store for the first page of the query the search box makes
(ui.filters.query_for: relevant items, newest first); that page is what the user
waits for. Each query runs `--rounds` times in a fresh process.

    python -m bench.drivers.search --db X [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from db import ArticleQuery, open_store

# What readers type: names, places, products, phrases, a prefix, boolean mixes, French,
# and a few words so common that most of the database matches.
QUERIES = (
    "canola", "tariffs", "steel", "Huawei", "Xi Jinping", "Carney Beijing", '"foreign interference"',
    "Hong Kong", "Uyghur*", "WTO", "ingérence", "surtaxe", "Meng Wanzhou", "CSIS", "lobster",
    "anti-dumping", "Ottawa", "China", "officials", '"electric vehicles"', "pork OR peas",
    "canola NOT oil", '"critical minerals"', "Hogue", "APEC", "Li Qiang", "bounty", "sanctions",
    "retaliatory", "said", "the", "report*",
)
PAGE = 200


def list_query(text: str) -> ArticleQuery:
    try:
        from ui.filters import ALL, query_for
    except ImportError:
        return ArticleQuery(search=text)
    return query_for(ALL, search=text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--all-items", action="store_true", help="include items judged not relevant")
    args = parser.parse_args()
    times: dict[str, list[float]] = {q: [] for q in QUERIES}
    hits: dict[str, int] = {}
    with open_store(args.db) as store:
        for _ in range(args.rounds):
            for text in QUERIES:
                query = list_query(text)
                if args.all_items:
                    query = ArticleQuery(search=text, include_irrelevant=True)
                start = time.perf_counter()
                rows = store.articles.rows(query, offset=0, limit=PAGE)
                times[text].append(time.perf_counter() - start)
                hits[text] = len(rows)
    print(json.dumps({"times": times, "hits": hits}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
