"""What has moved since the baseline: figures stated with another value, states that changed.

    detector = MoveDetector.from_baseline(read_toml("baseline.toml"))   # once
    detector.detect(title, summary, lang, published) -> list[Move]       # every item

Everything the detector knows about the storyline is data in resources/baseline.toml.
"""

from collections.abc import Iterable
from functools import cache

from db.records import Move as StoredMove
from monitor.moves.detect import Move, MoveDetector, move_to_json
from monitor.moves.spec import MoveDataError, read_move_data
from monitor.resources import read_toml

__all__ = [
    "Move", "MoveDataError", "MoveDetector", "baseline_detector", "move_to_json", "read_move_data",
    "to_store_moves",
]


@cache
def baseline_detector() -> MoveDetector:
    """The detector for the shipped baseline, compiled once per process."""
    return MoveDetector.from_baseline(read_toml("baseline.toml"))


def to_store_moves(moves: Iterable[Move]) -> tuple[StoredMove, ...]:
    """The detector's moves as the store's records."""
    return tuple(
        StoredMove(m.fact, m.figure, m.baseline, m.reported, m.words, m.field, m.start, m.end)  # type: ignore[arg-type]
        for m in moves
    )
