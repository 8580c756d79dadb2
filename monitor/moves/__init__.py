"""What has moved since the baseline: figures stated with another value, states that changed.

    detector = MoveDetector.from_baseline(read_toml("baseline.toml"))   # once
    detector.detect(title, summary, lang, published) -> list[Move]       # every item

Everything the detector knows about the storyline is data in resources/baseline.toml.
"""

from monitor.moves.detect import Move, MoveDetector, move_to_json
from monitor.moves.spec import MoveDataError, read_move_data

__all__ = ["Move", "MoveDataError", "MoveDetector", "move_to_json", "read_move_data"]
