"""Build the French catalogue: `python -m ui.i18n_build` (after changing any string of ui/).

1. pyside6-lupdate reads every module of ui/ and brings resources/i18n/cc_monitor_fr.ts in
   step: new strings arrive "unfinished", strings gone from the code are dropped.
2. Translate the unfinished entries (pyside6-linguist, or any editor: it is XML).
3. pyside6-lrelease compiles the .ts into the .qm the app loads.

Both tools ship with PySide6-Essentials (the `pyside6-lupdate` and `pyside6-lrelease`
commands of the virtual environment). tests/unit/test_translations.py fails while a
string is missing from the .ts, left unfinished, or the .qm is older than the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "cc_monitor_fr.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """The pyside6-<name> command beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if p.name != "i18n_build.py")


def core_catalogue() -> str:
    """The core's messages (monitor.messages) as Python lupdate reads, under ui.core_text's context.

    The templates live in monitor/ (no Qt there); ui.core_text translates them by code at
    run time, so lupdate is shown them as a generated module of QT_TRANSLATE_NOOP calls.
    """
    from monitor.messages import PHRASES, TEMPLATES
    from ui.core_text import CONTEXT

    texts = dict.fromkeys([*TEMPLATES.values(), *PHRASES])
    return "".join(f"QT_TRANSLATE_NOOP({CONTEXT!r}, {text!r})\n" for text in texts)


def update(ts: Path = TS) -> str:
    """Bring `ts` in step with the sources (no line numbers, so only real changes show)."""
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "core_messages.py"
        generated.write_text(core_catalogue(), encoding="utf-8")
        command = [tool("lupdate"), "-locations", "none", "-no-obsolete", "-target-language", "fr_CA",
                   *map(str, sources()), str(generated), "-ts", str(ts)]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def release(ts: Path = TS, qm: Path = QM) -> str:
    command = [tool("lrelease"), "-nounfinished", "-removeidentical", str(ts), "-qm", str(qm)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> int:
    print(update(), end="")
    print(release(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
