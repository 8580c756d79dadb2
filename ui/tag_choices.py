"""Which issues the tag menus offer for the selected items."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from db.records import TrackedIssue


def tag_choices(
    issues: Sequence[TrackedIssue], tagged: Sequence[Collection[str]]
) -> tuple[list[TrackedIssue], list[TrackedIssue]]:
    """(issues to add, issues to remove) for items carrying the `tagged` slug sets.

    Adding is offered for an issue not on every selected item, removing for one on any.
    """
    if not tagged:
        return [], []
    add = [issue for issue in issues if not all(issue.slug in slugs for slugs in tagged)]
    remove = [issue for issue in issues if any(issue.slug in slugs for slugs in tagged)]
    return add, remove
