"""Build the French catalogue: `python -m ui.i18n_build` (after changing any string of ui/).

1. pyside6-lupdate reads every module of ui/ (and the core's message catalogue,
   monitor.messages) and brings resources/i18n/cc_monitor_fr.ts in step: new strings arrive
   "unfinished", strings gone from the code are dropped. cc_monitor_en.ts gets the strings
   with plural forms ("%n new item(s)"), whose English forms need writing out too.
2. Translate the unfinished entries (pyside6-linguist, or any editor: it is XML).
3. pyside6-lrelease compiles the .ts into the .qm the app loads.

Both tools ship with PySide6-Essentials (the `pyside6-lupdate` and `pyside6-lrelease`
commands of the virtual environment). tests/unit/test_translations.py fails while a
string is missing from the .ts, left unfinished, or the .qm is older than the .ts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "cc_monitor_fr.ts"
QM = TS.with_suffix(".qm")
# English needs a catalogue too, for its plural forms only: "%n new item(s)" -> "1 new item", "2 new items".
EN_TS = TS.with_name("cc_monitor_en.ts")
EN_QM = EN_TS.with_suffix(".qm")


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
    """Bring `ts` in step with the sources (no line numbers, so only real changes show).

    pyside6-lupdate reads `translate(context, text, None, n)` without its count, so it files
    a "%n" string as an ordinary one and drops its plural forms: they are put back after it.
    """
    kept = plural_forms(ts) if ts.exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "core_messages.py"
        generated.write_text(core_catalogue(), encoding="utf-8")
        command = [tool("lupdate"), "-locations", "none", "-no-obsolete", "-target-language", "fr_CA",
                   *map(str, sources()), str(generated), "-ts", str(ts)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    restore_plurals(ts, kept)
    return out


def plural_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the translated plural forms of every plural string in `ts`."""
    return {
        (context, message.findtext("source") or ""): [form.text or "" for form in message.iter("numerusform")]
        for context, message in _messages(ET.parse(ts).getroot())
        if message.get("numerus") == "yes"
    }


def restore_plurals(ts: Path, kept: dict[tuple[str, str], list[str]]) -> None:
    """Mark the "%n" strings of `ts` as plural, with the forms they had (new ones unfinished)."""
    tree = ET.parse(ts)
    for context, message in _messages(tree.getroot()):
        source = message.findtext("source") or ""
        if not PLURAL.search(source):
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        assert translation is not None
        forms = kept.get((context, source)) or [translation.text or "", ""]
        translation.clear()
        if not all(forms):
            translation.set("type", "unfinished")
        for text in forms:
            ET.SubElement(translation, "numerusform").text = text
    _write(tree, ts)


def english(ts: Path = TS, en_ts: Path = EN_TS) -> None:
    """The English catalogue: the plural strings of `ts` spelt out, "item(s)" -> "item" and "items"."""
    root = ET.Element("TS", version="2.1", language="en_CA")
    contexts: dict[str, ET.Element] = {}
    for context, message in _messages(ET.parse(ts).getroot()):
        if message.get("numerus") != "yes":
            continue
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        source = message.findtext("source") or ""
        entry = ET.SubElement(contexts[context], "message", numerus="yes")
        ET.SubElement(entry, "source").text = source
        translation = ET.SubElement(entry, "translation")
        for form in english_forms(source):
            ET.SubElement(translation, "numerusform").text = form
    _write(ET.ElementTree(root), en_ts)


PLURAL = re.compile(r"%L?n")


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a source: "%n story(ies)" -> "%n story", "%n stories"."""
    one = source.replace("y(ies)", "y").replace("(s)", "")
    return one, source.replace("y(ies)", "ies").replace("(s)", "s")


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def _write(tree: ET.ElementTree, ts: Path) -> None:
    root = tree.getroot()
    root.text = "\n"
    for context in root:  # laid out as lupdate lays it out, so that its next run changes nothing
        ET.indent(context, space="    ")
        context.tail = "\n"
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        text = ET.tostring(tree.getroot(), encoding="unicode")
        out.write(_LUPDATE_QUOTES.sub(_quoted, text).encode("utf-8") + b"\n")


_LUPDATE_QUOTES = re.compile(r">([^<]*)<")


def _quoted(text: re.Match[str]) -> str:
    """Quotes in text escaped as lupdate escapes them."""
    return ">" + text[1].replace('"', "&quot;").replace("'", "&apos;").replace("\u00a0", "&#xa0;") + "<"


def release(ts: Path = TS, qm: Path = QM) -> str:
    command = [tool("lrelease"), "-nounfinished", "-removeidentical", str(ts), "-qm", str(qm)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> int:
    print(update(), end="")
    english()
    print(release(), end="")
    print(release(EN_TS, EN_QM), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
