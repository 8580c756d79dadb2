"""The digest for programs: JSON (schema cc-monitor/digest, resources/digest.schema.json) and CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from monitor.digest.build import BaselineNote, Digest, DigestItem, DigestMove, DigestStory, IssueSection
from monitor.digest.escape import csv_cell
from monitor.digest.lang import Words
from monitor.digest.wording import iso

SCHEMA = "cc-monitor/digest"
SCHEMA_VERSION = 1
CSV_COLUMNS = (
    "issue", "date", "source", "title", "url", "matched_terms", "summary", "also_in", "article_id",
    "story_id", "story_headline", "moves",
)


def to_json_document(digest: Digest) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "title": digest.title,
        "lang": digest.lang,
        "generated_at": iso(digest.generated_at),
        "period": {
            "since": iso(digest.since),
            "until": iso(digest.until),
            "previous_since": iso(digest.previous_since),
        },
        "filters": {
            "issues": [s.slug for s in digest.sections],
            "unread": digest.unread_only,
            "starred": digest.starred_only,
        },
        "app_version": digest.app_version,
        "rules_version": digest.rules_version,
        "feeds": [
            {"title": f.title, "url": f.url, "enabled": f.enabled, "items": f.items} for f in digest.feeds
        ],
        "issues": [_section(s) for s in digest.sections],
        "moves": [_move(m) for m in digest.moves],
    }


def _section(section: IssueSection) -> dict[str, Any]:
    return {
        "slug": section.slug,
        "name": section.name,
        "count": section.count,
        "period_total": section.period_total,
        "previous_total": section.previous_total,
        "change": section.change,
        "baseline": [_fact(f) for f in section.baseline],
        "items": [_item(i) for i in section.items],
        "stories": [_story(s) for s in section.stories],
        "elsewhere": [{"id": p.id, "headline": p.headline, "section": p.section} for p in section.elsewhere],
    }


def _story(story: DigestStory) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "headline_reason": story.headline_reason,
        "first_seen": iso(story.first_seen),
        "first_outlet": story.first_outlet,
        "outlets": list(story.outlets),
        "issues": list(story.issues),
        "items": [i.article_id for i in story.items],
        "moves": [_move(m) for m in story.moves],
    }


def _move(move: DigestMove) -> dict[str, Any]:
    return {**asdict(move), "date": iso(move.date)}


def _fact(note: BaselineNote) -> dict[str, Any]:
    return {"id": note.id, "statement": note.statement, "when": note.when, "figures": list(note.figures)}


def _item(item: DigestItem) -> dict[str, Any]:
    return {
        "article_id": item.article_id,
        "date": iso(item.date),
        "source": item.source,
        "title": item.title,
        "url": item.url,
        "matched_terms": list(item.matched_terms),
        "tagged_by_hand": item.tagged_by_hand,
        "summary": item.summary,
        "also_in": list(item.also_in),
        "read": item.read,
        "starred": item.starred,
    }


def render_json(digest: Digest) -> bytes:
    text = json.dumps(to_json_document(digest), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def render_csv(digest: Digest) -> bytes:
    """One row per item and issue, each naming its story and the moves it reports.

    A byte-order mark first, so spreadsheets read UTF-8 as UTF-8.
    """
    story_of = {i.article_id: st for sec in digest.sections for st in sec.stories for i in st.items}
    out = io.StringIO()
    # Every cell quoted: a spreadsheet opened with ";" as the separator would otherwise
    # split "Canada;=HYPERLINK(...)" into a cell that starts a formula.
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    words = Words(digest.lang)
    writer.writerow([words.t(column) for column in CSV_COLUMNS])
    for section in digest.sections:
        for item in section.items:
            story = story_of.get(item.article_id)
            moves = "; ".join(
                f"{m.figure or words.t('state')}{words.colon}{m.baseline} -> {m.reported}"
                for m in (story.moves if story else ()) if m.article_id == item.article_id
            )
            row = (
                section.slug, iso(item.date), item.source, item.title, item.url,
                "; ".join(item.matched_terms), item.summary, "; ".join(item.also_in), item.article_id,
                story.id if story else None, story.headline if story else "", moves,
            )
            writer.writerow([csv_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
