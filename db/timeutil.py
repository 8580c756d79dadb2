"""Timestamps are stored as ISO 8601 UTC text so that string order is time order."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, in UTC: the clock every part of the app uses unless a test hands it another."""
    return datetime.now(UTC)


def to_db(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_db(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
