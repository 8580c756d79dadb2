"""Rules as text the reader edits: JSON or TOML in, the same dict out. Pure.

TOML has no writer in the standard library; rules are plain tables, lists, strings,
numbers and booleans, which the small writer below covers.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from typing import Any, Literal

from monitor.tagging import RuleError, Tagger
from ui.i18n import translate

TextFormat = Literal["json", "toml"]


def to_text(body: Mapping[str, Any], fmt: TextFormat) -> str:
    if fmt == "json":
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    return to_toml(body)


def parse_text(text: str, fmt: TextFormat) -> dict[str, Any]:
    """The dict the text spells, or RuleError with one line saying where it went wrong."""
    try:
        value = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleError(
            translate("RulesText", "not valid JSON: {message} (line {line}, column {column})").format(
                message=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(
            translate("RulesText", "not valid TOML: {}").format(str(exc).splitlines()[0])
        ) from None
    if not isinstance(value, dict):
        raise RuleError(translate("RulesText", "the rules must be a table of settings ({…} in JSON)"))
    return value


def checked_rules(all_rules: Mapping[str, Any], scope: str, body: dict[str, Any]) -> dict[str, Any]:
    """Every rule with `scope` replaced by `body`, validated by building a Tagger (RuleError if not)."""
    issues = dict(all_rules.get("issues", {}))
    relevance = all_rules.get("relevance", {})
    if scope == "relevance":
        relevance = body
    else:
        issues[scope] = body
    rules = {"relevance": relevance, "issues": issues}
    try:
        Tagger.from_rules(rules)
    except RuleError as exc:
        raise RuleError(str(exc).splitlines()[0]) from None
    return rules


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def to_toml(body: Mapping[str, Any], prefix: str = "") -> str:
    """Plain keys first, then sub-tables, then arrays of tables (`[[groups]]`)."""
    lines: list[str] = []
    tables = []
    for key, value in body.items():
        if isinstance(value, Mapping) or _is_table_list(value):
            tables.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_toml_value(value)}")
    for key, value in tables:
        path = f"{prefix}{_key(key)}"
        if isinstance(value, Mapping):
            lines.extend(["", f"[{path}]", to_toml(value, path + ".").rstrip("\n")])
        else:
            for entry in value:
                lines.extend(["", f"[[{path}]]", to_toml(entry, path + ".").rstrip("\n")])
    return "\n".join(line for line in lines).strip("\n") + "\n"
