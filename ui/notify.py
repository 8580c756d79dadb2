"""What a notification says about new items: pure, so it is tested without a tray."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from db.records import TrackedIssue
from ui.i18n import translate


def notification_text(new_by_issue: Mapping[str, int], issues: Sequence[TrackedIssue]) -> str | None:
    """ "4 new: Tariffs 3, Visit 1" for the issues that notify; None when there is nothing to say.

    The total is the sum of the per-issue counts shown, so an item on two issues counts twice.
    """
    parts = [
        (issue.name, new_by_issue[issue.slug])
        for issue in issues
        if issue.notify and new_by_issue.get(issue.slug, 0) > 0
    ]
    if not parts:
        return None
    total = sum(n for _, n in parts)
    counts = ", ".join(f"{name} {n}" for name, n in parts)
    return translate("Notification", "{total} new: {counts}").format(total=total, counts=counts)
