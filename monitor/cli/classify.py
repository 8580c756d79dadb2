"""`classify` (JSON Lines in, judgements out) and `eval --labels FILE` (scores against labels).

Both use the rules shipped in resources/tracked_issues.toml, or `--rules FILE.toml` of the
same shape; neither needs the database or the network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from monitor.bounded_read import MIB, UserFileError, read_line, read_user_file
from monitor.evaluate import (
    LabelError,
    evaluate,
    evaluate_clusters,
    format_cluster_report,
    format_report,
)
from monitor.language import item_language
from monitor.moves import baseline_detector, move_to_json
from monitor.rules import load_resource_rules, load_rules_file, parse_rules
from monitor.stories.items import ItemError, item_from_json
from monitor.tagging import Tagger, rules_from_resource, tag_to_json

if TYPE_CHECKING:
    from monitor.cli import Context

MAX_LABELS_BYTES = 64 * MIB  # a labels or events file; the hand-labelled sets are under 100 KB

CLASSIFY_HELP = """\
Reads JSON Lines on stdin, one item a line: {"title": ..., "summary": ..., "lang": ...,
"published": ...} (summary, lang and published optional; summary is plain text; lang, when
absent, is detected from the text; published
is an ISO 8601 date or time). Writes one line per item, in the same order:
{"relevant": true|false, "tags": [{"issue", "score", "matches"}], "moves": [...]}, where
each match is {"term", "field", "start", "end"} with offsets into that field, and each
move, a baseline figure or state the item says has changed, is {"fact", "figure",
"baseline", "reported", "words", "field", "start", "end"} ("figure" is null for a change
of state; "words" is the text that states it). An item published before the baseline
has no moves; without "published", changes tied to a date are not looked for.
Blank lines are skipped; a line may be at most 1 MiB long. Output is streamed: at the
first bad line (longer than 1 MiB, not JSON, not an object, title not a string,
published not a date) the lines before it have been written, and the command stops with
one error line naming the line number, exit status 2."""


def register(subparsers: argparse._SubParsersAction) -> None:
    classify = subparsers.add_parser(
        "classify",
        help="judge items from stdin (JSON Lines) for relevance and tracked issues",
        description=CLASSIFY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_rules_option(classify)
    classify.set_defaults(func=run_classify)

    evaluation = subparsers.add_parser(
        "eval",
        help="precision, recall and F1 of the rules against labelled items",
        description="Scores the rules against labelled JSON Lines (title, summary, relevant, "
        "issues) and lists every false positive and false negative. With --events, scores "
        "the stories instead: each labels file is clustered alone, then all together, and "
        "pairwise and B-cubed precision, recall and F1 are printed.",
    )
    evaluation.add_argument("--labels", metavar="FILE.jsonl", type=Path, required=True,
                            action="append",
                            help="labelled items, one JSON object a line (may be repeated)")
    evaluation.add_argument("--events", metavar="FILE.jsonl", type=Path,
                            help='the happening of each labelled item: {"file", "line", "event"} '
                            "a line, line being the 0-based line of the item in file")
    _add_rules_option(evaluation)
    evaluation.set_defaults(func=run_eval)


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules", metavar="FILE.toml", type=Path,
        help="rules to use instead of the shipped ones (same shape as tracked_issues.toml)",
    )


def run_classify(args: argparse.Namespace, ctx: Context | None = None) -> int:
    tagger = _tagger(args.rules)
    detector = baseline_detector()
    out = sys.stdout
    for number, item in _json_lines(getattr(sys.stdin, "buffer", sys.stdin), "stdin"):
        where = f"stdin line {number}"
        title, summary, lang = _item_fields(item, where)
        lang = item_language(lang, title, summary)
        published = _published(item, where)
        result = tagger.classify(title, summary, lang, published)
        record = {"relevant": result.relevant, "tags": [tag_to_json(t) for t in result.tags],
                  "moves": [move_to_json(m) for m in detector.detect(title, summary, lang, published)]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def run_eval(args: argparse.Namespace, ctx: Context | None = None) -> int:
    if args.events is not None:
        return run_story_eval(args)
    tagger = _tagger(args.rules)
    numbered: list[tuple[str, int, Any]] = []
    for path in args.labels:
        numbered += [(str(path), number, item) for number, item in _read_labels(path)]
    try:
        report = evaluate(tagger, [item for _, _, item in numbered])
    except LabelError as exc:
        name, number, _ = numbered[exc.index]
        raise _usage_error(f"{name} line {number}: {exc.reason}") from None
    _write(sys.stdout, format_report(report))
    return 0


def run_story_eval(args: argparse.Namespace) -> int:
    events = _read_events(args.events)
    labelled = []
    for path in args.labels:
        items, gold = [], []
        for number, value in _read_labels(path):
            event = events.get((path.name, number - 1))
            if event is None:
                raise _usage_error(f"{path} line {number}: no event for it in {args.events}")
            try:
                items.append(item_from_json(value, f"{path.name}:{number}", date_field="date"))
            except ItemError as exc:
                raise _usage_error(f"{path} line {number}: {exc}") from None
            gold.append(event)
        labelled.append((path.stem, items, gold))
    doc = load_resource_rules() if args.rules is None else load_rules_file(str(args.rules))
    _write(sys.stdout, format_cluster_report(evaluate_clusters(labelled, parse_rules(
        rules_from_resource(doc)))))
    return 0


def _read_labels(path: Path) -> list[tuple[int, Any]]:
    return list(_json_lines(_user_file(path, "labels file"), str(path)))


def _user_file(path: Path, what: str) -> io.BytesIO:
    try:
        return io.BytesIO(read_user_file(path, MAX_LABELS_BYTES, what))
    except UserFileError as exc:
        raise _usage_error(str(exc)) from None


def _read_events(path: Path) -> dict[tuple[str, int], str]:
    """(file name, 0-based line) -> event, from the events file."""
    events = {}
    for number, value in _json_lines(_user_file(path, "events file"), str(path)):
        if not (isinstance(value, dict) and isinstance(value.get("file"), str)
                and isinstance(value.get("line"), int) and isinstance(value.get("event"), str)):
            raise _usage_error(f"{path} line {number}: expected "
                               '{"file": str, "line": int, "event": str}')
        events[(Path(value["file"]).name, value["line"])] = value["event"]
    return events


def _tagger(rules_path: Path | None) -> Tagger:
    doc = load_resource_rules() if rules_path is None else load_rules_file(str(rules_path))
    return Tagger.from_rules(rules_from_resource(doc))


def _json_lines(stream: BinaryIO | TextIO, name: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line; bytes are decoded here so that
    a line that is not UTF-8 is reported by number like any other bad line. A line longer
    than MAX_LINE_BYTES stops the reading there, before it is held whole."""
    number = 0
    while True:
        number += 1
        try:
            raw = read_line(stream)
        except UserFileError as exc:
            raise _usage_error(f"{name} line {number}: {exc}") from None
        if raw is None:
            return
        line = raw
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise _usage_error(f"{name} line {number}: not UTF-8 text") from None
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _usage_error(f"{name} line {number}: not JSON ({exc.msg})") from None
        except (ValueError, RecursionError):  # e.g. a 10,000-digit number, endless nesting
            raise _usage_error(f"{name} line {number}: not JSON this tool can read") from None
        yield number, value


def _item_fields(item: Any, where: str) -> tuple[str, str, str | None]:
    if not isinstance(item, dict):
        raise _usage_error(f"{where}: expected a JSON object")
    title, summary, lang = item.get("title"), item.get("summary"), item.get("lang")
    if not isinstance(title, str):
        raise _usage_error(f"{where}: title must be a string")
    if summary is not None and not isinstance(summary, str):
        raise _usage_error(f"{where}: summary must be a string")
    if lang is not None and not isinstance(lang, str):
        raise _usage_error(f"{where}: lang must be a string")
    return title, summary or "", lang


def _published(item: dict[str, Any], where: str) -> dt.datetime | None:
    value = item.get("published")
    if value is None:
        return None
    if not isinstance(value, str):
        raise _usage_error(f"{where}: published must be an ISO 8601 date or time")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise _usage_error(f"{where}: published is not an ISO 8601 date or time: {value!r}") from None


def _usage_error(message: str) -> Exception:
    from monitor.cli import UsageError

    return UsageError(message)


def _write(out: TextIO, text: str) -> None:
    out.write(text)
    out.flush()
