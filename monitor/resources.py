"""The data the app ships with (resources/), read as data with importlib.resources."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from db.records import BaselineFact, Figure


def read_bytes(name: str) -> bytes:
    return (resources.files("resources") / name).read_bytes()


def read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_bytes(name).decode("utf-8"))


def baseline_facts(doc: dict[str, Any] | None = None) -> tuple[int, list[BaselineFact]]:
    """(version, facts) from baseline.toml."""
    doc = doc if doc is not None else read_toml("baseline.toml")
    source = doc.get("source", {})
    facts = [
        BaselineFact(
            id=str(entry["id"]),
            issues=tuple(entry.get("issues", ())),
            statement=str(entry["statement"]).strip(),
            date=entry.get("date") and str(entry["date"]),
            date_end=entry.get("date_end") and str(entry["date_end"]),
            date_label=entry.get("date_label"),
            event=bool(entry.get("event", False)),
            figures=tuple(
                Figure(
                    label=str(f["label"]),
                    value=float(f["value"]),
                    unit=str(f.get("unit", "")),
                    qualifier=f.get("qualifier"),
                    phrase=f.get("phrase"),
                )
                for f in entry.get("figures", ())
            ),
            source=source.get("title"),
            source_date=source.get("date") and str(source["date"]),
        )
        for entry in doc.get("facts", ())
    ]
    return int(doc.get("version", 1)), facts


def tracked_issue_entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The issues of tracked_issues.toml as a list of tables, each with its slug."""
    issues = doc.get("issues", [])
    if isinstance(issues, dict):
        return [{"slug": slug, **entry} for slug, entry in issues.items()]
    return list(issues)
