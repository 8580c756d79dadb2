"""Is an item about Canada–China, and which tracked issues does it touch? And why.

A `Tagger` is built once from rules (data: see monitor.rules) and is then a pure
function of a headline and its summary. Every term of every rule is found in one pass
over each field; the scopes (relevance, then each issue) only add up what was found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from monitor.rules import (
    GroupRule,
    RuleError,
    RuleSet,
    ScopeRule,
    load_resource_rules,
    parse_rules,
    rules_from_resource,
)
from monitor.textmatch import Folded, ScannedText, TermMatcher

__all__ = [
    "Classification",
    "IssueTag",
    "Match",
    "RuleError",
    "Tagger",
    "load_resource_rules",
    "match_to_json",
    "rules_from_resource",
    "tag_to_json",
]

Field = Literal["title", "summary"]
_FIELDS: tuple[Field, Field] = ("title", "summary")
_EMPTY = ScannedText(Folded(""), ())
# (field index, term id, start, end, first word, last word), offsets into folded text
_Hit = tuple[int, int, int, int, int, int]


@dataclass(frozen=True)
class Match:
    term: str  # the rule term that matched, as written in the rules
    field: Field
    start: int  # offsets into the original string of that field
    end: int


@dataclass(frozen=True)
class IssueTag:
    issue: str
    score: float
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class Classification:
    relevant: bool
    relevance_score: float
    relevance_matches: tuple[Match, ...]
    tags: tuple[IssueTag, ...]  # empty when not relevant


@dataclass(frozen=True)
class _Group:
    rule: GroupRule
    gid: int
    near: tuple[int, ...]  # gids of the context groups
    unless_near: tuple[int, ...]  # gids of the groups that void a hit close to them


@dataclass(frozen=True)
class _Scope:
    rule: ScopeRule
    groups: tuple[_Group, ...]  # those that can change the score or meet `require`
    gids: frozenset[int]


@dataclass(frozen=True)
class _Result:
    score: float
    required: bool  # every `require` entry has a group that hit
    hits: tuple[_Hit, ...]  # the evidence: hits of positive groups and their context
    threshold: float

    @property
    def passed(self) -> bool:
        return self.required and self.score >= self.threshold


class Tagger:
    """Classifies items against one set of rules. Safe to share between threads."""

    def __init__(self, rule_set: RuleSet) -> None:
        terms: dict[str, int] = {}
        self._uses: dict[int, list[int]] = {}
        self._exclusions: dict[int, list[int]] = {}
        gids = {
            (scope.scope, group.name): gid
            for gid, (scope, group) in enumerate(
                (s, g) for s in (rule_set.relevance, *rule_set.issues) for g in s.groups
            )
        }

        def register(term: str, gid: int, table: dict[int, list[int]]) -> None:
            term_id = terms.setdefault(term, len(terms))
            table.setdefault(term_id, []).append(gid)

        scopes = []
        for scope in (rule_set.relevance, *rule_set.issues):
            groups = []
            for group in scope.groups:
                gid = gids[(scope.scope, group.name)]
                for term in group.terms:
                    register(term, gid, self._uses)
                for term in group.exclude:
                    register(term, gid, self._exclusions)
                groups.append(_Group(
                    group, gid, tuple(gids[ref] for ref in group.near),
                    tuple(gids[ref] for ref in group.unless_near),
                ))
            required = {name for alternatives in scope.require for name in alternatives}
            # context-only groups (weight 0) count only through the groups that name them
            scored = tuple(g for g in groups if g.rule.weight or g.rule.name in required)
            scopes.append(_Scope(scope, scored, frozenset(g.gid for g in scored)))
        self._relevance = scopes[0]
        self._issues = tuple(scopes[1:])
        self._matcher = TermMatcher(terms)
        self._term_lengths = [len(term) for term in terms]

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> Tagger:
        """Rules as {"relevance": {...}, "issues": {slug: {...}}}; RuleError if unusable."""
        return cls(parse_rules(rules))

    @classmethod
    def from_resource(cls) -> Tagger:
        """The rules shipped in resources/tracked_issues.toml."""
        return cls.from_rules(rules_from_resource(load_resource_rules()))

    @property
    def issues(self) -> tuple[str, ...]:
        return tuple(scope.rule.scope for scope in self._issues)

    def classify(self, title: str, summary: str = "", lang: str | None = None) -> Classification:
        """Judge one item. `summary` is plain text; `lang` is a hint, all languages always apply."""
        title = title or ""
        summary = summary or ""
        scans = (
            self._matcher.scan(title) if title else _EMPTY,
            self._matcher.scan(summary) if summary else _EMPTY,
        )
        found = self._collect(scans)
        if not found:
            return Classification(False, 0.0, (), ())
        issue_results = [(scope, self._score(scope, found)) for scope in self._issues]
        relevance = self._score(self._relevance, found)
        met = sum(1 for _, result in issue_results if result.passed)
        score = relevance.score + met * self._relevance.rule.issue_bonus
        relevant = relevance.required and score >= self._relevance.rule.threshold
        matches = self._matches(relevance.hits, scans)
        if not relevant:
            return Classification(False, round(score, 3), matches, ())
        tags = tuple(
            IssueTag(scope.rule.scope, round(result.score, 3), self._matches(result.hits, scans))
            for scope, result in issue_results
            if result.passed
        )
        return Classification(True, round(score, 3), matches, tags)

    # --- scoring ------------------------------------------------------------------------

    def _collect(self, scans: tuple[ScannedText, ScannedText]) -> dict[int, list[_Hit]]:
        """The hits of each group, without those an exclusion of the group overlaps."""
        found: dict[int, list[_Hit]] = {}
        excluded: dict[int, list[_Hit]] = {}
        for field, scan in enumerate(scans):
            for term_id, start, end, first, last in scan.hits:
                hit = (field, term_id, start, end, first, last)
                for gid in self._uses.get(term_id, ()):
                    found.setdefault(gid, []).append(hit)
                for gid in self._exclusions.get(term_id, ()):
                    excluded.setdefault(gid, []).append(hit)
        for gid, masks in excluded.items():
            hits = found.get(gid)
            if hits:
                kept = [h for h in hits if not any(_overlap(h, m) for m in masks)]
                if kept:
                    found[gid] = kept
                else:
                    del found[gid]
        for gid, hits in found.items():
            if len(hits) > 1:
                found[gid] = _outermost(hits, self._term_lengths)
        return found

    def _score(self, scope: _Scope, found: dict[int, list[_Hit]]) -> _Result:
        if found.keys().isdisjoint(scope.gids):
            return _Result(0.0, not scope.rule.require, (), scope.rule.threshold)
        title_weight = scope.rule.title_weight
        total = 0.0
        evidence: list[_Hit] = []
        hit_groups: set[str] = set()
        for group in scope.groups:
            hits = found.get(group.gid)
            if not hits:
                continue
            if group.near:
                hits, context = _near(hits, group.near, group.rule.within, found)
                if not hits:
                    continue
                if group.rule.weight > 0:
                    evidence.extend(context)
            if group.unless_near:
                voiding, _ = _near(hits, group.unless_near, group.rule.within, found)
                if voiding:
                    voided = set(voiding)
                    hits = [hit for hit in hits if hit not in voided]
                    if not hits:
                        continue
            hit_groups.add(group.rule.name)
            best: dict[int, float] = {}
            for hit in hits:
                weight = title_weight if hit[0] == 0 else 1.0
                if best.get(hit[1], 0.0) < weight:
                    best[hit[1]] = weight
            total += group.rule.weight * min(group.rule.cap, sum(best.values()))
            if group.rule.weight > 0:
                evidence.extend(hits)
        required = all(
            any(name in hit_groups for name in alternatives) for alternatives in scope.rule.require
        )
        return _Result(total, required, tuple(evidence), scope.rule.threshold)

    def _matches(self, hits: tuple[_Hit, ...], scans: tuple[ScannedText, ...]) -> tuple[Match, ...]:
        terms = self._matcher.terms
        seen: dict[tuple[int, int, int], Match] = {}
        for field, term_id, start, end, _, _ in hits:
            key = (field, start, end)  # one explanation per stretch of text is enough
            known = seen.get(key)
            if known is None or len(terms[term_id]) > len(known.term):  # as in _outermost
                o_start, o_end = scans[field].folded.original_span(start, end)
                seen[key] = Match(terms[term_id], _FIELDS[field], o_start, o_end)
        return tuple(seen[key] for key in sorted(seen))


def _outermost(hits: list[_Hit], term_lengths: list[int]) -> list[_Hit]:
    """One hit per stretch of text: "tariffs" found by two terms, or "trade" inside
    "trade war", is one piece of evidence, not two. Of two terms on the same words
    ("tarif*", "tariff*") the longer one, which says more, is kept."""
    ordered = sorted(hits, key=lambda h: (h[0], h[2], -h[3], -term_lengths[h[1]]))
    kept = [ordered[0]]
    for hit in ordered[1:]:
        last = kept[-1]
        if hit[0] != last[0] or hit[3] > last[3]:
            kept.append(hit)
    return kept


def _overlap(a: _Hit, b: _Hit) -> bool:
    return a[0] == b[0] and a[2] < b[3] and b[2] < a[3]


def _near(hits: list[_Hit], near: tuple[int, ...], within: int,
          found: dict[int, list[_Hit]]) -> tuple[list[_Hit], list[_Hit]]:
    """The hits with a hit of the `near` groups close enough in the same field, and those."""
    context = sorted(
        (c for gid in near for c in found.get(gid, ())), key=lambda c: (c[0], c[4])
    )
    if not context:
        return [], []
    keys = [(c[0], c[4]) for c in context]
    longest = max(c[5] - c[4] for c in context)
    kept: list[_Hit] = []
    used: list[_Hit] = []
    for hit in hits:
        low = bisect_left(keys, (hit[0], hit[4] - within - longest))
        high = bisect_right(keys, (hit[0], hit[5] + within))
        close = [
            c for c in context[low:high]
            if not (c[2] < hit[3] and hit[2] < c[3])  # a hit is no context for itself
            and max(c[4] - hit[5], hit[4] - c[5], 0) <= within
        ]
        if close:
            kept.append(hit)
            used.extend(close)
    return kept, used


def match_to_json(m: Match) -> dict[str, Any]:
    return {"term": m.term, "field": m.field, "start": m.start, "end": m.end}


def tag_to_json(t: IssueTag) -> dict[str, Any]:
    return {"issue": t.issue, "score": t.score, "matches": [match_to_json(m) for m in t.matches]}
