"""The rules compiled for a poll (the tagger, the stories' feature extractor, the move
detector), kept between runs in the user's cache folder.

Compiling them is most of what a poll pays before its first feed (about 0.25 s of CPU:
every term of the rules, the stories' lexicon and the baseline read and indexed);
loading the compiled copy costs about a fifth of that. A copy is named by everything it
was compiled from: the rules, the data files in resources/, the code of this package and
the Python that ran it. Edited rules, a new release or an edited module therefore
compile afresh, and a copy that cannot be read is compiled again and replaced.

The folder is the user's own (created private); what is stored there is loaded as
Python objects, as the interpreter loads its own compiled modules from beside the code.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from monitor import APP_NAME
from monitor.atomic import write_atomically
from monitor.moves import MoveDetector, baseline_detector
from monitor.rules import parse_rules
from monitor.stories.features import FeatureExtractor
from monitor.tagging import Tagger

_KEEP = 4  # copies kept: rules a reader tries out and then takes back need not compile again


@dataclass(frozen=True)
class Compiled:
    tagger: Tagger
    extractor: FeatureExtractor
    moves: MoveDetector


_lock = threading.Lock()
_in_process: dict[str, Compiled] = {}


def compiled(rule_bodies: Mapping[str, Any]) -> Compiled:
    """The rules compiled, from this process's copy, the cache folder's, or compiled now.

    Raises RuleError (from the tagger) when the rules are unusable; never because of the
    cache folder, whose faults only cost the time to compile."""
    key = _key(rule_bodies)
    with _lock:  # the poll's writer and its story thread ask at the same time
        found = _in_process.get(key)
        if found is None:
            found = _in_process[key] = _loaded(key) or _compile_and_keep(rule_bodies, key)
    return found


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "compiled"


def _compile_and_keep(rule_bodies: Mapping[str, Any], key: str) -> Compiled:
    built = Compiled(
        tagger=Tagger.from_rules(rule_bodies),
        extractor=FeatureExtractor(parse_rules(rule_bodies)),
        moves=baseline_detector(),
    )
    try:
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(folder / f"{key}.pickle", pickle.dumps(built, pickle.HIGHEST_PROTOCOL))
        _forget_old(folder)
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # a full disk or a read-only home: compiled again next time
    return built


def _loaded(key: str) -> Compiled | None:
    path = cache_dir() / f"{key}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    collecting = gc.isenabled()
    gc.disable()  # the collector would look through the objects as they are made: twice the time
    try:
        found = pickle.loads(data)
    except Exception:  # cut short by a crash of the writer's machine, or damaged: compiled again
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(found, Compiled):
        return None
    try:
        os.utime(path)  # recently used: kept by _forget_old
    except OSError:
        pass
    return found


def _forget_old(folder: Path) -> None:
    copies = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[_KEEP:]:
        old.unlink(missing_ok=True)


def _key(rule_bodies: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    # This module is among the code digested: a new shape of Compiled is a new name too.
    digest.update(f"{sys.version}\0{_code_and_data()}\0".encode())
    digest.update(json.dumps(rule_bodies, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:40]


@cache
def _code_and_data() -> str:
    """A digest of this package's modules and of resources/ (about 2 ms, once a process)."""
    digest = hashlib.sha256()
    for root in (Path(__file__).resolve().parent, Path(str(resources.files("resources")))):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()
