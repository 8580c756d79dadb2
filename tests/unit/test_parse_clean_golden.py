"""Cleaning a recorded set of real entries still gives what it gave when RAW_HASH_VERSION was last set.

A poll skips a stored entry whose raw hash comes round again, trusting that
cleaning it anew would give what is stored. That holds only while cleaning is
unchanged or RAW_HASH_VERSION (part of every raw hash) changes with it; this
test is what notices a change to cleaning made without the bump.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from monitor.parse import RAW_HASH_VERSION, clean_entry
from tests.record_clean_golden import COMMAND, GOLDEN, as_recorded, from_json


def recording() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def departures(golden: dict[str, Any]) -> list[str]:
    """The recorded entries that clean otherwise now, named by feed and guid."""
    return [
        f"{item['feed']}: {(item['cleaned'] or {}).get('guid')}"
        for item in golden["entries"]
        if as_recorded(clean_entry(from_json(item["raw"]), item["feed_url"])) != item["cleaned"]
    ]


def test_cleaning_gives_the_recorded_output_unless_raw_hash_version_changed():
    golden = recording()
    assert golden["raw_hash_version"] == RAW_HASH_VERSION, (
        f"RAW_HASH_VERSION is now {RAW_HASH_VERSION!r}, but {GOLDEN.name} was recorded under "
        f"{golden['raw_hash_version']!r}: re-record it with `{COMMAND}` and review the diff."
    )
    changed = departures(golden)
    assert not changed, (
        f"Cleaning changed for {len(changed)} recorded entries ({'; '.join(changed[:3])}), but "
        f"RAW_HASH_VERSION did not: stored entries would keep their old cleaning. Bump RAW_HASH_VERSION "
        f"in monitor/parse.py, then re-record with `{COMMAND}` and review the diff."
    )


def test_the_recording_holds_real_entries_of_every_kind_of_feed():
    golden = recording()
    feeds = {item["feed"] for item in golden["entries"]}

    # RSS 2.0 and 0.92, Atom, RDF, ISO-8859-1 and a feed that is not well-formed.
    assert {"smh_1.xml", "newyorker_1.xml", "heise_1.xml", "golem_1.xml", "uol_1.xml"} <= feeds
    assert sum(bool(item["cleaned"]["summary_html"]) for item in golden["entries"]) >= 30
    assert any(item["cleaned"]["published"] for item in golden["entries"])


def test_an_entry_cleaned_otherwise_than_recorded_is_noticed():
    golden = recording()
    tampered = copy.deepcopy(golden)
    item = tampered["entries"][3]
    item["cleaned"]["text"] += " (cleaned otherwise)"

    assert departures(golden) == []
    assert departures(tampered) == [f"{item['feed']}: {item['cleaned']['guid']}"]
