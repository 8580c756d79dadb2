"""How well the rules agree with labelled items: precision, recall, F1, and the misses;
and how well the stories agree with labelled happenings (pairwise and B-cubed scores).

Labelled items are the JSON Lines of the labelling guideline: title, summary, lang,
`relevant` (true, false, or null when the labeller could not tell) and `issues`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from monitor.rules import RuleSet
from monitor.stories import StoryItem, recluster
from monitor.stories.items import ItemError, parse_published
from monitor.tagging import Tagger
from monitor.terminal import terminal_line

RELEVANCE = "relevance"
NONE = "(none)"
MissKind = Literal["false positive", "false negative"]


class LabelError(ValueError):
    """A labelled item that cannot be scored; `index` is its 0-based position."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"item {index + 1}: {reason}")
        self.index = index
        self.reason = reason


@dataclass(frozen=True)
class Score:
    """Counts for one scope; an empty denominator counts as perfect (nothing to get wrong)."""

    scope: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    scope: str  # "relevance" or an issue slug
    kind: MissKind
    index: int  # 0-based position of the item in the input
    title: str


@dataclass(frozen=True)
class EvalReport:
    items: int
    judged: int  # items whose relevance was labelled (not null)
    relevance: Score
    issues: tuple[Score, ...]
    misses: tuple[Miss, ...]
    # (predicted, labelled) -> items: an issue given in place of another on one item;
    # NONE on one side when an issue was missed or given with nothing in its place
    confusion: Mapping[tuple[str, str], int] = field(default_factory=dict)


def evaluate(tagger: Tagger, items: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Classify every item and compare with its labels; LabelError names a malformed item."""
    slugs = list(tagger.issues)
    counts: dict[str, list[int]] = {RELEVANCE: [0, 0, 0]}
    misses: list[Miss] = []
    confusion: Counter[tuple[str, str]] = Counter()
    total = judged = 0
    for index, item in enumerate(items):
        title, summary, lang, gold_relevant, gold_issues = _labelled(index, item)
        total += 1
        result = tagger.classify(title, summary, lang, _label_day(item))
        if gold_relevant is not None:
            judged += 1
            _count(counts, misses, RELEVANCE, index, title, result.relevant, gold_relevant)
        predicted = {tag.issue for tag in result.tags}
        for slug in gold_issues - set(slugs):
            slugs.append(slug)  # a label the rules do not know yet still counts as missed
        for slug in slugs:
            counts.setdefault(slug, [0, 0, 0])
            _count(counts, misses, slug, index, title, slug in predicted, slug in gold_issues)
        confusion.update(_confused(predicted - gold_issues, gold_issues - predicted))
    return EvalReport(
        items=total,
        judged=judged,
        relevance=Score(RELEVANCE, *counts[RELEVANCE]),
        issues=tuple(Score(slug, *counts.get(slug, [0, 0, 0])) for slug in slugs),
        misses=tuple(misses),
        confusion=dict(confusion),
    )


def _label_day(item: Mapping[str, Any]) -> date | None:
    """The labelled item's day (UTC), from its "date" (a day or a moment); None for a month
    or a year alone, an empty or an unreadable date."""
    raw = item.get("date")
    if not isinstance(raw, str):
        return None
    try:
        start, end = parse_published(raw)
    except ItemError:
        return None
    if start is None or (end is not None and end - start > timedelta(days=1)):
        return None
    return start.date()


def _confused(extra: set[str], missing: set[str]) -> list[tuple[str, str]]:
    """The (predicted, labelled) pairs of one item's wrong issues: each wrongly given issue
    against each missed one, or against NONE when the other side is empty."""
    if extra and missing:
        return [(p, g) for p in sorted(extra) for g in sorted(missing)]
    return [(p, NONE) for p in sorted(extra)] + [(NONE, g) for g in sorted(missing)]


def _labelled(index: int, item: object) -> tuple[str, str, str | None, bool | None, set[str]]:
    if not isinstance(item, Mapping):
        raise LabelError(index, "expected a JSON object")
    title = item.get("title")
    summary = item.get("summary") or ""
    lang = item.get("lang")
    relevant = item.get("relevant")
    issues = item.get("issues") or []
    if not isinstance(title, str):
        raise LabelError(index, "title must be a string")
    if not isinstance(summary, str):
        raise LabelError(index, "summary must be a string")
    if lang is not None and not isinstance(lang, str):
        raise LabelError(index, "lang must be a string")
    if relevant is not None and not isinstance(relevant, bool):
        raise LabelError(index, "relevant must be true, false or null")
    if not isinstance(issues, list) or not all(isinstance(s, str) for s in issues):
        raise LabelError(index, "issues must be a list of slugs")
    return title, summary, lang, relevant, set(issues)


def _count(counts: dict[str, list[int]], misses: list[Miss], scope: str, index: int,
           title: str, predicted: bool, gold: bool) -> None:
    tally = counts[scope]
    if predicted and gold:
        tally[0] += 1
    elif predicted:
        tally[1] += 1
        misses.append(Miss(scope, "false positive", index, title))
    elif gold:
        tally[2] += 1
        misses.append(Miss(scope, "false negative", index, title))


def format_report(report: EvalReport) -> str:
    """A plain-text report: the table of scores, then every miss with its title."""
    lines = [
        f"{report.items} items, {report.judged} with a relevance label",
        "",
        f"{'scope':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}",
    ]
    for score in (report.relevance, *report.issues):
        lines.append(
            f"{terminal_line(score.scope):<24}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}"
            f"{score.tp:>6}{score.fp:>5}{score.fn:>5}"
        )
    for score in (report.relevance, *report.issues):
        scope_misses = [m for m in report.misses if m.scope == score.scope]
        if not scope_misses:
            continue
        lines += ["", f"{terminal_line(score.scope)}:"]
        for kind in ("false positive", "false negative"):
            for miss in (m for m in scope_misses if m.kind == kind):
                lines.append(f"  {kind}  #{miss.index + 1}  {terminal_line(miss.title)}")
    if report.confusion:
        lines += ["", "issues confused (items: predicted instead of labelled):"]
        for (predicted, gold), n in sorted(report.confusion.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:>3}  {terminal_line(predicted):<24} instead of {terminal_line(gold)}")
    return "\n".join(lines) + "\n"


# --- stories: items grouped by the happening they report ----------------------------------


@dataclass(frozen=True)
class ClusterScore:
    """Agreement of a grouping with the labelled one.

    Pairwise: over pairs of items put in one story (tp: in one story in both). B-cubed:
    for each item, the share of its predicted story that is in its labelled story
    (precision) and the share of its labelled story that it was put with (recall),
    averaged over items."""

    scope: str
    items: int
    pairs: Score
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(scope: str, gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusterScore:
    """Scores a grouping: gold[i] and predicted[i] are the labelled and given story of item i."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must label the same items")
    both = Counter(zip(gold, predicted, strict=True))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    tp = sum(_pairs(n) for n in both.values())
    fp = sum(_pairs(n) for n in predicted_sizes.values()) - tp
    fn = sum(_pairs(n) for n in gold_sizes.values()) - tp
    count = len(gold)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in both.items()) / count if count else 1.0
    recall = sum(n * n / gold_sizes[g] for (g, _), n in both.items()) / count if count else 1.0
    return ClusterScore(scope, count, Score(scope, tp, fp, fn), precision, recall)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def format_cluster_report(scores: Sequence[ClusterScore]) -> str:
    """One row per scope: pairwise precision, recall, F1 and counts, then B-cubed."""
    lines = [
        f"{'stories':<24}{'items':>6}{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'tp':>5}{'fp':>5}"
        f"{'fn':>5}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}",
    ]
    for s in scores:
        pairs = s.pairs
        lines.append(
            f"{terminal_line(s.scope):<24}{s.items:>6}{pairs.precision:>8.3f}{pairs.recall:>8.3f}{pairs.f1:>8.3f}"
            f"{pairs.tp:>5}{pairs.fp:>5}{pairs.fn:>5}{s.bcubed_precision:>7.3f}"
            f"{s.bcubed_recall:>7.3f}{s.bcubed_f1:>7.3f}"
        )
    return "\n".join(lines) + "\n"


def evaluate_clusters(labelled: Sequence[tuple[str, Sequence[StoryItem], Sequence[str]]],
                      rules: RuleSet | None = None) -> list[ClusterScore]:
    """Cluster each labelled file alone, then all of them together, and score each grouping.

    `labelled` holds (name, items, gold story of each item); item keys must be unique."""
    scores = []
    for name, items, gold in labelled:
        assignment = recluster(items, rules)
        scores.append(score_clusters(name, gold, [assignment[i.key] for i in items]))
    if len(labelled) > 1:
        items = [item for _, file_items, _ in labelled for item in file_items]
        gold = [story for _, _, file_gold in labelled for story in file_gold]
        assignment = recluster(items, rules)
        scores.append(score_clusters("all", gold, [assignment[i.key] for i in items]))
    return scores
