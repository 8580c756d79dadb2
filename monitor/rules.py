"""Tagging rules as data: their shape, their validation, and where the shipped ones live.

The rules are {"relevance": <scope>, "issues": {slug: <scope>, ...}}, each scope a
JSON-serialisable dict (the store keeps one per row):

    threshold     the score an item needs (> 0)
    title_weight  what a hit in the title counts, a hit in the summary counting 1 (default 2)
    require       entries that must all be met, each a list of groups one of which must
                  hit, e.g. [["canada", "bilateral"], ["china", "bilateral"]]
    issue_bonus   relevance only: added for each issue whose own rules the item meets
    groups        list of term groups:
        name      unique within the scope
        terms     the terms (syntax in monitor.textmatch)
        weight    added per distinct term that hits; negative for distractors (default 1)
        cap       at most this many hits count, a title hit being title_weight hits (default 2)
        exclude   terms that void a hit of this group where they overlap it
        near      groups ("name" or "scope:name") one of which must hit within
        within    this many words, in the same field, for a hit to count (default 10)
        unless_near  groups a hit of which within `within` words, in the same field,
                  voids the hit: "another country, unless China is named beside it"
        entities  gazetteer entries whose names are terms of the group too (selectors
                  of monitor.gazetteer: an id, or "tag:<tag>"), e.g. ["tag:inquiry"]
        langs     the group counts only for items in these languages (ISO 639-1, e.g.
                  ["zh"]): "我国" names China in a Chinese text, "notre pays" Canada
                  in a French one
        during    ["YYYY-MM-DD", "YYYY-MM-DD"]: the group counts only for items published
                  between these days (inclusive), e.g. the deals reported during a visit;
                  never for an item without a date
        note      free text for the people who edit the rules
    note          free text, as for groups

A scope's score is the sum over its groups of weight × min(cap, hits); it passes when
the score reaches the threshold and `require` is met. Tags are given only to items
the relevance scope passes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from monitor import gazetteer
from monitor.bounded_read import MIB, UserFileError, read_user_file
from monitor.gazetteer import GazetteerError
from monitor.messages import message
from monitor.textmatch import TermError, parse_term

RELEVANCE = "relevance"
RESOURCE = "tracked_issues.toml"
MAX_RULES_BYTES = 4 * MIB  # the shipped rules are 50 KB
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_SCOPE_KEYS = {"threshold", "title_weight", "require", "issue_bonus", "groups", "note"}
_GROUP_KEYS = {
    "name", "terms", "weight", "cap", "exclude", "near", "unless_near", "within", "note",
    "entities", "langs", "during",
}
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


class RuleError(ValueError):
    """Rules that cannot be used; the message names the scope and the bad entry."""


@dataclass(frozen=True)
class GroupRule:
    name: str
    terms: tuple[str, ...]
    weight: float = 1.0
    cap: float = 2.0
    exclude: tuple[str, ...] = ()
    near: tuple[tuple[str, str], ...] = ()  # (scope, group)
    within: int = 10
    unless_near: tuple[tuple[str, str], ...] = ()  # (scope, group)
    langs: frozenset[str] = frozenset()  # empty: every language
    during: tuple[date, date] | None = None  # counts only for items published in these days


@dataclass(frozen=True)
class ScopeRule:
    scope: str  # "relevance" or an issue slug
    threshold: float
    groups: tuple[GroupRule, ...]
    title_weight: float = 2.0
    require: tuple[tuple[str, ...], ...] = ()
    issue_bonus: float = 0.0


@dataclass(frozen=True)
class RuleSet:
    relevance: ScopeRule
    issues: tuple[ScopeRule, ...]


def parse_rules(rules: Mapping[str, Any]) -> RuleSet:
    """Validate the {"relevance", "issues"} dicts into rule records, or raise RuleError.

    The same rules read twice give the same (immutable) records: a poll builds its tagger
    and its stories' index from one set of rules, and validating them costs 0.16 s."""
    if not isinstance(rules, Mapping):
        raise RuleError(message("rules_not_mapping", kind=type(rules).__name__))
    try:
        text = json.dumps(rules, ensure_ascii=False)
    except (TypeError, ValueError):  # not JSON-shaped: validation says where
        return _parse_rules(rules)
    return _parse_rules_text(text)


@lru_cache(maxsize=8)
def _parse_rules_text(text: str) -> RuleSet:
    return _parse_rules(json.loads(text))


def _parse_rules(rules: Mapping[str, Any]) -> RuleSet:
    unknown = set(rules) - {"relevance", "issues"}
    if unknown:
        raise RuleError(message("rule_unknown_key", where="rules", key=repr(sorted(unknown)[0])))
    issues = rules.get("issues", {})
    if not isinstance(issues, Mapping):
        raise RuleError(message("rules_issues_mapping"))
    relevance = _scope(RELEVANCE, rules.get("relevance"))
    parsed = tuple(_scope(_slug(slug), body) for slug, body in issues.items())
    rule_set = RuleSet(relevance, parsed)
    _check_references(rule_set)
    return rule_set


def _slug(slug: object) -> str:
    if not isinstance(slug, str) or not _NAME_RE.match(slug) or slug == RELEVANCE:
        raise RuleError(message("rules_bad_slug", slug=repr(slug)))
    return slug


def _scope(scope: str, body: object) -> ScopeRule:
    if not isinstance(body, Mapping) or not body:
        raise RuleError(message("rule_no_rules", where=scope))
    unknown = set(body) - _SCOPE_KEYS
    if unknown:
        raise RuleError(message("rule_unknown_key", where=scope, key=repr(sorted(unknown)[0])))
    if "issue_bonus" in body and scope != RELEVANCE:
        raise RuleError(message("rule_bonus_misplaced", where=scope))
    threshold = _number(scope, "threshold", body.get("threshold"), minimum=0, strict=True)
    groups_raw = body.get("groups")
    if not isinstance(groups_raw, Sequence) or isinstance(groups_raw, str) or not groups_raw:
        raise RuleError(message("rule_no_groups", where=scope))
    groups = tuple(_group(scope, i, g) for i, g in enumerate(groups_raw))
    names = [g.name for g in groups]
    for name in names:
        if names.count(name) > 1:
            raise RuleError(message("rule_twin_groups", where=scope, name=repr(name)))
    return ScopeRule(
        scope=scope,
        threshold=threshold,
        groups=groups,
        title_weight=_number(scope, "title_weight", body.get("title_weight", 2.0), minimum=0),
        require=_require(scope, body.get("require", []), set(names)),
        issue_bonus=_number(scope, "issue_bonus", body.get("issue_bonus", 0.0)),
    )


def _group(scope: str, index: int, body: object) -> GroupRule:
    where = f"{scope}: groups[{index}]"
    if not isinstance(body, Mapping):
        raise RuleError(message("rule_not_mapping", where=where))
    unknown = set(body) - _GROUP_KEYS
    if unknown:
        raise RuleError(message("rule_unknown_key", where=where, key=repr(sorted(unknown)[0])))
    name = body.get("name")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise RuleError(message("rule_bad_name", where=where, name=repr(name)))
    where = message("rule_group", scope=scope, group=repr(name))
    selectors = _strings(where, "entities", body.get("entities", []), "gazetteer selectors")
    terms = _terms(f"{where} terms", body.get("terms", []), required=not selectors)
    if selectors:
        try:
            terms = tuple(dict.fromkeys((*terms, *gazetteer.shipped().terms(selectors))))
        except GazetteerError as exc:
            raise RuleError(message("rule_at", where=where, problem=exc)) from None
    within = body.get("within", 10)
    if not isinstance(within, int) or isinstance(within, bool) or within < 0:
        raise RuleError(message("rule_within", where=where))
    return GroupRule(
        name=name,
        terms=terms,
        weight=_number(where, "weight", body.get("weight", 1.0)),
        cap=_number(where, "cap", body.get("cap", 2.0), minimum=0, strict=True),
        exclude=_terms(f"{where} exclude", body.get("exclude", []), required=False),
        near=tuple(_reference(scope, ref) for ref in _strings(where, "near", body.get("near", []))),
        within=within,
        unless_near=tuple(
            _reference(scope, ref)
            for ref in _strings(where, "unless_near", body.get("unless_near", []))
        ),
        langs=_langs(where, body.get("langs", [])),
        during=_during(where, body.get("during")),
    )


def _during(where: str, raw: object) -> tuple[date, date] | None:
    if raw is None:
        return None
    days = _strings(where, "during", raw, "two dates")
    try:
        start, end = (date.fromisoformat(day) for day in days)
    except ValueError:
        raise RuleError(message("rule_during", where=where)) from None
    if end < start:
        raise RuleError(message("rule_during_reversed", where=where))
    return (start, end)


def _langs(where: str, raw: object) -> frozenset[str]:
    langs = _strings(where, "langs", raw, "language codes")
    for lang in langs:
        if not _LANG_RE.match(lang):
            raise RuleError(message("rule_langs", where=where, lang=repr(lang)))
    return frozenset(langs)


def _terms(where: str, raw: object, *, required: bool) -> tuple[str, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str) or (required and not raw):
        wanted = "a non-empty list" if required else "a list"
        raise RuleError(message("rule_terms", where=where, wanted=wanted))
    for index, term in enumerate(raw):
        try:
            parse_term(term)
        except TermError as exc:
            raise RuleError(message("rule_at", where=f"{where}[{index}]", problem=exc)) from None
    return tuple(term.strip() for term in raw)


def _strings(where: str, key: str, raw: object, what: str = "group names") -> list[str]:
    if (not isinstance(raw, Sequence) or isinstance(raw, str)
            or not all(isinstance(item, str) for item in raw)):
        raise RuleError(message("rule_list", where=where, key=key, what=what))
    return list(raw)


def _reference(scope: str, ref: str) -> tuple[str, str]:
    """"name" is a group of the same scope; "scope:name" one of another scope."""
    other, _, group = ref.rpartition(":")
    return (other or scope, group)


def _require(scope: str, raw: object, names: set[str]) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise RuleError(message("rule_require", where=scope))
    result = []
    for entry in raw:
        alternatives = [entry] if isinstance(entry, str) else entry
        if not isinstance(alternatives, Sequence) or not alternatives or not all(
            isinstance(name, str) for name in alternatives
        ):
            raise RuleError(message("rule_require_entry", where=scope, entry=repr(entry)))
        for name in alternatives:
            if name not in names:
                raise RuleError(message("rule_require_unknown", where=scope, name=repr(name)))
        result.append(tuple(alternatives))
    return tuple(result)


def _number(where: str, key: str, value: object, *, minimum: float | None = None,
            strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise RuleError(message("rule_number", where=where, key=key, value=repr(value)))
    if minimum is not None and (value < minimum or (strict and value == minimum)):
        code = "rule_more_than" if strict else "rule_at_least"
        raise RuleError(message(code, where=where, key=key, minimum=minimum, value=repr(value)))
    return float(value)


def _check_references(rule_set: RuleSet) -> None:
    groups = {
        (scope.scope, group.name)
        for scope in (rule_set.relevance, *rule_set.issues)
        for group in scope.groups
    }
    for scope in (rule_set.relevance, *rule_set.issues):
        for group in scope.groups:
            for key, refs in (("near", group.near), ("unless_near", group.unless_near)):
                for ref in refs:
                    if ref not in groups:
                        where = message("rule_group", scope=scope.scope, group=repr(group.name))
                        unknown = repr(":".join(ref))
                        raise RuleError(message("rule_unknown_ref", where=where, key=key, ref=unknown))


# --- the shipped rules -------------------------------------------------------------------


def load_resource_rules() -> dict[str, Any]:
    """The whole parsed resources/tracked_issues.toml."""
    text = (resources.files("resources") / RESOURCE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_rules_file(path: str) -> dict[str, Any]:
    """A tracked-issues TOML file of the same shape, e.g. edited rules to try out."""
    try:
        data = read_user_file(path, MAX_RULES_BYTES, "rules file")
    except UserFileError as exc:
        raise RuleError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(message("rules_not_utf8", path=path, byte=exc.start + 1)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(message("rules_not_toml", path=path, reason=exc)) from None
    except RecursionError:
        raise RuleError(message("rules_too_deep", path=path)) from None


def rules_from_resource(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The {"relevance": ..., "issues": {slug: ...}} shape of a tracked-issues document."""
    relevance = doc.get("relevance")
    if not isinstance(relevance, Mapping):
        raise RuleError(message("rules_no_relevance"))
    entries = doc.get("issues", [])
    if isinstance(entries, Mapping):
        entries = [{"slug": slug, **entry} for slug, entry in entries.items()]
    issues: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("slug"), str):
            raise RuleError(message("rules_no_slug"))
        if not isinstance(entry.get("rules"), Mapping):
            raise RuleError(message("rules_no_issue_rules", slug=entry["slug"]))
        issues[entry["slug"]] = dict(entry["rules"])
    return {"relevance": dict(relevance), "issues": issues}
