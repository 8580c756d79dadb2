"""The real feeds the parse tests read: those kept in tests/data/feeds, then any more in ../shared.

The kept ones (provenance in tests/data/feeds/SOURCES.tsv) cover every kind of
document the parser meets, so no test depends on ../shared being there; the
shared folder, when present, only adds material.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, SHARED

KEPT = REPO / "tests" / "data" / "feeds"


def sample_feeds() -> list[Path]:
    """Every sample feed file, the kept ones first, each name once."""
    kept = sorted(KEPT.glob("*.xml"))
    names = {path.name for path in kept}
    return kept + sorted(p for p in (SHARED / "data" / "feeds").glob("*.xml") if p.name not in names)
