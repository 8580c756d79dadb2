"""Is an item about Canada–China, and which tracked issues does it touch? And why.

A `Tagger` is built once from rules (data: see monitor.rules) and is then a pure
function of a headline and its summary. Every term of every rule is found in one pass
over each field; the scopes (relevance, then each issue) only add up what was found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce
from operator import itemgetter, or_
from typing import Any, Literal, NamedTuple

from db.records import Match as StoredMatch
from db.records import Tag
from monitor.language import primary_language, script_language
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


_NOT_RELEVANT = Classification(False, 0.0, (), ())


@dataclass(frozen=True)
class _Group:
    rule: GroupRule
    gid: int
    near: tuple[int, ...]  # gids of the context groups
    unless_near: tuple[int, ...]  # gids of the groups that void a hit close to them


class _Result(NamedTuple):  # a tuple: built five times an item, it should cost little
    score: float
    required: bool  # every `require` entry has a group that hit
    hits: tuple[_Hit, ...]  # the evidence: hits of positive groups and their context
    passed: bool  # required, and the score reaches the threshold


@dataclass(frozen=True)
class _Scope:
    rule: ScopeRule
    groups: tuple[_Group, ...]  # those that can change the score or meet `require`
    gids: frozenset[int]
    require: tuple[frozenset[str], ...]  # rule.require, each entry as a set of group names
    unmet: _Result  # the result when none of `groups` hit, as for most items and issues


class Tagger:
    """Classifies items against one set of rules. Safe to share between threads."""

    def __init__(self, rule_set: RuleSet) -> None:
        terms: dict[str, int] = {}
        self._uses: dict[int, list[int]] = {}
        self._exclusions: dict[int, list[int]] = {}
        self._langs_of: dict[int, frozenset[str]] = {}  # groups that count only in some languages
        self._during_of: dict[int, tuple[date, date]] = {}  # groups that count only in some days
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
                if group.langs:
                    self._langs_of[gid] = group.langs
                if group.during:
                    self._during_of[gid] = group.during
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
            unrequired = not scope.require
            scopes.append(_Scope(
                scope, scored, frozenset(g.gid for g in scored),
                tuple(frozenset(alternatives) for alternatives in scope.require),
                _Result(0.0, unrequired, (), unrequired and scope.threshold <= 0.0),
            ))
        self._groups = {group.gid: group for scope in scopes for group in scope.groups}
        self._relevance = scopes[0]
        self._issues = tuple(scopes[1:])
        self._matcher = TermMatcher(terms)
        # The terms of the groups the relevance rules require, with the entries of `require`
        # each can meet (bits): see `verdict`.
        required_terms, self._required_marks = _required_terms(rule_set.relevance)
        self._required = (1 << len(rule_set.relevance.require)) - 1
        self._required_matcher = TermMatcher(required_terms)
        self._term_lengths = [len(term) for term in terms]
        # the groups that use each term, by term id: a list index is cheaper than a dict look-up
        self._groups_of_term = [tuple(self._uses.get(term_id, ())) for term_id in range(len(terms))]

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

    def classify(self, title: str, summary: str = "", lang: str | None = None,
                 published: datetime | date | None = None) -> Classification:
        """Judge one item. `summary` is plain text; `lang` its language (a tag such as "fr"
        or "zh-Hant"), which the groups with `langs` need: unknown, it is read from the
        script (Chinese characters: "zh") and otherwise such groups do not count.
        `published` is for the groups with `during`, which never count without it."""
        return self._judge(title, summary, lang, published, explain=True)

    def verdict(self, title: str, summary: str = "", lang: str | None = None,
                published: datetime | date | None = None) -> Classification:
        """As `classify`, for a caller that keeps only `relevant` and `tags` (a poll, a
        retag): an item that lacks a group the relevance rules require is not relevant,
        whatever its issues, so they are not scored, and its score and matches stay
        empty. Most items of a feed are such items, and most of those hold no term at
        all of some required group: they are told apart by looking for those terms
        alone, before every term's hits are found and scored."""
        if self._required and (self._may_meet(title) | self._may_meet(summary)) != self._required:
            return _NOT_RELEVANT
        return self._judge(title, summary, lang, published, explain=False)

    def _may_meet(self, text: str) -> int:
        """The `require` entries of the relevance rules that some term in `text` may meet
        (bits). Exclusions, languages, days and nearness only ever take hits away."""
        if not text:
            return 0
        marks = self._required_marks
        return reduce(or_, [marks[hit[0]] for hit in self._required_matcher.scan(text).hits], 0)

    def _judge(self, title: str, summary: str, lang: str | None,
               published: datetime | date | None, *, explain: bool) -> Classification:
        scan = self._matcher.scan
        scans = (scan(title) if title else _EMPTY, scan(summary) if summary else _EMPTY)
        found = self._collect(scans)
        if self._langs_of and found:
            self._drop_other_languages(found, title, lang)
        if self._during_of and found:
            self._drop_other_days(found, published)
        if not found:
            return Classification(False, 0.0, (), ())
        relevance = self._score(self._relevance, found)
        if not explain and not relevance.required:
            return Classification(False, 0.0, (), ())
        hit_gids = found.keys()
        issue_results = [
            scope.unmet if hit_gids.isdisjoint(scope.gids) else self._score(scope, found)
            for scope in self._issues
        ]
        met = sum(1 for result in issue_results if result.passed)
        rule = self._relevance.rule
        score = relevance.score + met * rule.issue_bonus
        relevant = relevance.required and score >= rule.threshold
        matches = self._matches(relevance.hits, scans)
        if not relevant:
            return Classification(False, round(score, 3), matches, ())
        tags = tuple(
            IssueTag(scope.rule.scope, round(result.score, 3), self._matches(result.hits, scans))
            for scope, result in zip(self._issues, issue_results, strict=True)
            if result.passed
        )
        return Classification(True, round(score, 3), matches, tags)

    # --- scoring ------------------------------------------------------------------------

    def _drop_other_days(self, found: dict[int, list[_Hit]], published: datetime | date | None) -> None:
        day = published.date() if isinstance(published, datetime) else published
        for gid in [g for g in found if g in self._during_of]:
            start, end = self._during_of[gid]
            if day is None or not start <= day <= end:
                del found[gid]

    def _drop_other_languages(self, found: dict[int, list[_Hit]], title: str,
                              lang: str | None) -> None:
        langs_of = self._langs_of
        restricted = [gid for gid in found if gid in langs_of]
        if not restricted:
            return
        primary = primary_language(lang) or script_language(title)
        for gid in restricted:
            if primary not in langs_of[gid]:
                del found[gid]

    def _collect(self, scans: tuple[ScannedText, ScannedText]) -> dict[int, list[_Hit]]:
        """The hits of each group, without those an exclusion of the group overlaps."""
        found: dict[int, list[_Hit]] = {}
        masks: list[_Hit] = []
        groups_of_term = self._groups_of_term
        exclusions = self._exclusions
        for field, scan in enumerate(scans):
            in_field = (field,)
            for term_hit in scan.hits:
                hit = in_field + term_hit
                term_id = term_hit[0]
                for gid in groups_of_term[term_id]:
                    if gid in found:
                        found[gid].append(hit)
                    else:
                        found[gid] = [hit]
                if term_id in exclusions:
                    masks.append(hit)
        if masks:
            self._exclude(found, masks)
        for gid, hits in found.items():
            if len(hits) > 1:
                found[gid] = _outermost(hits, self._term_lengths)
        return found

    def _exclude(self, found: dict[int, list[_Hit]], masks: list[_Hit]) -> None:
        """Drop the hits of each group that one of the group's exclusions overlaps."""
        excluded: dict[int, list[_Hit]] = {}
        for mask in masks:
            for gid in self._exclusions[mask[1]]:
                excluded.setdefault(gid, []).append(mask)
        for gid, group_masks in excluded.items():
            hits = found.get(gid)
            if hits:
                kept = [h for h in hits if not any(_overlap(h, m) for m in group_masks)]
                if kept:
                    found[gid] = kept
                else:
                    del found[gid]

    def _score(self, scope: _Scope, found: dict[int, list[_Hit]]) -> _Result:
        hit_gids = scope.gids.intersection(found)
        if not hit_gids:
            return scope.unmet
        title_weight = scope.rule.title_weight
        total = 0.0
        evidence: list[_Hit] = []
        hit_groups: set[str] = set()
        for gid in sorted(hit_gids):  # gids follow the order of the groups in the rules
            group = self._groups[gid]
            rule = group.rule
            hits = found[gid]
            if group.near:
                hits, context = _near(hits, group.near, rule.within, found)
                if not hits:
                    continue
                if rule.weight > 0:
                    evidence.extend(context)
            if group.unless_near:
                voiding, _ = _near(hits, group.unless_near, rule.within, found)
                if voiding:
                    voided = set(voiding)
                    hits = [hit for hit in hits if hit not in voided]
                    if not hits:
                        continue
            hit_groups.add(rule.name)
            if len(hits) == 1:  # the usual case, and the same sum as below
                weight = title_weight if hits[0][0] == 0 else 1.0
                counted: float = weight if weight > 0.0 else 0
            else:
                best: dict[int, float] = {}  # each term once, at its best weight
                for hit in hits:
                    weight = title_weight if hit[0] == 0 else 1.0
                    if best.get(hit[1], 0.0) < weight:
                        best[hit[1]] = weight
                counted = sum(best.values())
            total += rule.weight * min(rule.cap, counted)
            if rule.weight > 0:
                evidence.extend(hits)
        required = not scope.require or all(
            not alternatives.isdisjoint(hit_groups) for alternatives in scope.require
        )
        passed = required and total >= scope.rule.threshold
        return _Result(total, required, tuple(evidence), passed)

    def _matches(self, hits: tuple[_Hit, ...], scans: tuple[ScannedText, ...]) -> tuple[Match, ...]:
        lengths = self._term_lengths
        chosen: dict[tuple[int, int, int], int] = {}  # stretch of text: the term explaining it
        for field, term_id, start, end, _, _ in hits:
            key = (field, start, end)  # one explanation per stretch of text is enough
            known = chosen.get(key)
            if known is None or lengths[term_id] > lengths[known]:  # as in _outermost
                chosen[key] = term_id
        terms = self._matcher.terms
        matches = []
        for key in sorted(chosen):
            field, start, end = key
            folded = scans[field].folded
            if folded.starts is not None:  # else folding kept every offset
                start, end = folded.original_span(start, end)
            matches.append(Match(terms[chosen[key]], _FIELDS[field], start, end))
        return tuple(matches)


def _outermost(hits: list[_Hit], term_lengths: list[int]) -> list[_Hit]:
    """One hit per stretch of text: "tariffs" found by two terms, or "trade" inside
    "trade war", is one piece of evidence, not two. Of two terms on the same words
    ("tarif*", "tariff*") the longer one, which says more, is kept."""
    kept = [hits[0]]
    previous = hits[0]
    for hit in hits[1:]:  # hits come in the order of the text: sorting can usually wait
        if hit[0] < previous[0] or (hit[0] == previous[0] and hit[2] <= previous[2]):
            break
        if hit[0] != kept[-1][0] or hit[3] > kept[-1][3]:
            kept.append(hit)
        previous = hit
    else:
        return kept
    # hits starting together come the longer stretch first, then the longer term
    ordered = sorted(hits, key=lambda h: (h[0], h[2], -h[3], -term_lengths[h[1]]))
    kept = [ordered[0]]
    for hit in ordered[1:]:
        last = kept[-1]
        if hit[0] != last[0] or hit[3] > last[3]:
            kept.append(hit)
    return kept


_field_and_first = itemgetter(0, 4)


def _overlap(a: _Hit, b: _Hit) -> bool:
    return a[0] == b[0] and a[2] < b[3] and b[2] < a[3]


def _near(hits: list[_Hit], near: tuple[int, ...], within: int,
          found: dict[int, list[_Hit]]) -> tuple[list[_Hit], list[_Hit]]:
    """The hits with a hit of the `near` groups close enough in the same field, and those."""
    if found.keys().isdisjoint(near):  # the usual case, found cheaply
        return [], []
    context = [c for gid in near for c in found.get(gid, ())]
    context.sort(key=_field_and_first)
    keys = list(map(_field_and_first, context))
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


def to_store_tags(tags: Iterable[IssueTag]) -> tuple[Tag, ...]:
    """The tagger's tags as the store's records."""
    return tuple(
        Tag(
            issue=t.issue,
            score=t.score,
            matches=tuple(StoredMatch(m.term, m.field, m.start, m.end) for m in t.matches),
        )
        for t in tags
    )


def _required_terms(relevance: ScopeRule) -> tuple[list[str], list[int]]:
    """The terms of the groups named in the `require` entries of the relevance rules, and
    for each the entries (bits) one of whose groups holds it."""
    marks: dict[str, int] = {}
    for bit, alternatives in enumerate(relevance.require):
        for group in relevance.groups:
            if group.name in alternatives:
                for term in group.terms:
                    marks[term] = marks.get(term, 0) | 1 << bit
    return list(marks), list(marks.values())
