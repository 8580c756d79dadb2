"""Record what cleaning makes of real entries: `python -m tests.record_clean_golden`.

Writes tests/data/clean_golden.json: the raw fields of the first entries of each
feed kept in tests/data/feeds (as feedparser reads them), what
monitor.parse.clean_entry makes of each, and the RAW_HASH_VERSION they were
recorded under. tests/unit/test_parse_clean_golden.py compares cleaning with it.

Re-record only after bumping RAW_HASH_VERSION (or when the recorded feeds
change), and review the diff: it is every change a user will see in items
cleaned from now on.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import feedparser

from monitor.parse import RAW_HASH_VERSION, ParsedEntry, clean_entry

REPO = Path(__file__).resolve().parents[1]
FEEDS = REPO / "tests" / "data" / "feeds"
GOLDEN = REPO / "tests" / "data" / "clean_golden.json"
COMMAND = "python -m tests.record_clean_golden"
PER_FEED = 5
# The fields cleaning reads, and the parts of the detail dictionaries it reads.
_TEXT_KEYS = ("id", "link", "title", "published", "updated", "author")
_DETAIL_KEYS = ("title_detail", "summary_detail", "author_detail")
_DATE_KEYS = ("published_parsed", "updated_parsed")
_DETAIL_PARTS = ("type", "value", "name")


def feed_url(name: str) -> str:
    return f"https://feeds.example.com/{name}"


def raw_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """The fields of one feedparser entry that cleaning reads, as JSON values."""
    out: dict[str, Any] = {key: entry[key] for key in _TEXT_KEYS if key in entry}
    for key in _DETAIL_KEYS:
        if key in entry:
            out[key] = {part: entry[key][part] for part in _DETAIL_PARTS if part in entry[key]}
    if "content" in entry:
        out["content"] = [{p: c[p] for p in ("type", "value") if p in c} for c in entry["content"]]
    for key in _DATE_KEYS:
        if entry.get(key):
            out[key] = list(entry[key])
    return out


def from_json(raw: dict[str, Any]) -> dict[str, Any]:
    """Recorded raw fields as cleaning receives them (dates as tuples, like struct_time)."""
    return {key: tuple(value) if key in _DATE_KEYS else value for key, value in raw.items()}


def as_recorded(entry: ParsedEntry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    fields = dataclasses.asdict(entry)
    del fields["raw_hash"]  # not cleaning's output
    fields["published"] = entry.published.isoformat() if entry.published else None
    return fields


def record() -> dict[str, Any]:
    entries = []
    for path in sorted(FEEDS.glob("*.xml")):
        url = feed_url(path.name)
        read = feedparser.parse(io.BytesIO(path.read_bytes()), response_headers={"content-location": url},
                                sanitize_html=False, resolve_relative_uris=False)
        for entry in read.entries[:PER_FEED]:
            raw = raw_fields(dict(entry))
            cleaned = as_recorded(clean_entry(from_json(raw), url))
            entries.append({"feed": path.name, "feed_url": url, "raw": raw, "cleaned": cleaned})
    return {"raw_hash_version": RAW_HASH_VERSION, "re_record_with": COMMAND, "entries": entries}


def main() -> None:
    golden = record()
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    count = len(golden["entries"])
    print(f"{count} entries recorded under RAW_HASH_VERSION {RAW_HASH_VERSION!r} in {GOLDEN}")


if __name__ == "__main__":
    main()
