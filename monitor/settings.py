"""The user's settings as one typed, frozen record, read and written as a whole.

Each setting is one key of the store's key/value table (db.settings); this module is
the only one that knows the keys and the defaults. `load` never fails: a value that is
missing, of the wrong kind or out of range takes its default, so a hand-edited or
older database still opens. `save` checks every value first and writes them all in
one transaction, or writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from monitor.digest.formats import FORMATS
from monitor.messages import message
from monitor.schedule import MIN_INTERVAL_S

if TYPE_CHECKING:
    from db import Store

__all__ = [
    "DEFAULTS", "LANGUAGES", "DailyDigestSettings", "Settings", "SettingsError", "ViewState",
    "last_daily_digest", "load", "load_view", "mark_daily_digest", "rules_format", "save",
    "save_rules_format", "save_view",
]

MAX_INTERVAL_S = 24 * 3600
MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = 1, 3650
# The interface's language: "auto" follows the system's locale (French when it is French,
# English otherwise); the digests default to it too.
LANGUAGES = ("auto", "en", "fr")
# Not a setting but a mark: which day's daily digest was written last. Kept out of the
# record so that saving settings from a dialog opened earlier never moves it back.
DAILY_LAST_DAY_KEY = "digest.daily.last_day"
LAST_LOOKED_KEY = "ui.developments.last_looked"  # when the reader last left the Developments view
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
R = TypeVar("R")


class SettingsError(ValueError):
    """A setting's value is of the wrong kind or out of range; the message is one line."""


@dataclass(frozen=True)
class DailyDigestSettings:
    """The previous day's digest, written into `folder` each day after `at` (local time)."""

    enabled: bool = False
    formats: tuple[str, ...] = ("html",)
    folder: Path | None = None
    at: time = time(7, 0)


@dataclass(frozen=True)
class Settings:
    poll_interval_s: int = 900  # each feed may have its own interval instead
    notify: bool = True  # a notification when a poll brings new items on tracked issues
    minimise_to_tray: bool = False  # closing the window keeps the app in the tray
    retention_days: int = 30  # items judged not about the storyline are forgotten after this
    daily: DailyDigestSettings = field(default_factory=DailyDigestSettings)
    language: str = "auto"  # one of LANGUAGES; the window takes a change at its next start

    @property
    def retention(self) -> timedelta:
        return timedelta(days=self.retention_days)


DEFAULTS = Settings()


# --- checking one value: the stored (JSON) form or the typed one, in; the typed one, out ---------


def _whole(name: str, low: int, high: int, unit: str) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise SettingsError(
                message("setting_number", name=name, unit=unit, low=low, high=high, value=repr(value))
            )
        return value

    return check


def _boolean(name: str) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        if not isinstance(value, bool):
            raise SettingsError(message("setting_flag", name=name, value=repr(value)))
        return value

    return check


def _formats(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple) or not value:
        raise SettingsError(message("setting_formats", choices=", ".join(FORMATS), value=repr(value)))
    unknown = [f for f in value if f not in FORMATS]
    if unknown:
        raise SettingsError(message("setting_format", value=repr(unknown[0]), choices=", ".join(FORMATS)))
    return tuple(dict.fromkeys(value))


def _folder(value: object) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str | Path) or not str(value).strip():
        raise SettingsError(message("setting_folder", value=repr(value)))
    return Path(str(value).strip()).expanduser()


def _clock(value: object) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise SettingsError(message("setting_time", value=repr(value)))
    return time(int(match[1]), int(match[2]))


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise SettingsError(message("setting_language", choices=", ".join(LANGUAGES), value=repr(value)))
    return str(value)


def _same(value: Any) -> Any:  # noqa: ANN401 - a value already in its JSON form
    return value


@dataclass(frozen=True)
class _Key:
    key: str
    attr: str
    check: Callable[[object], Any]
    encode: Callable[[Any], Any] = _same


_TOP = (
    _Key("poll.interval_s", "poll_interval_s",
         _whole("the poll interval", MIN_INTERVAL_S, MAX_INTERVAL_S, "seconds")),
    _Key("notify.enabled", "notify", _boolean("notifications")),
    _Key("ui.minimise_to_tray", "minimise_to_tray", _boolean("minimise to tray")),
    _Key("retention.irrelevant_days", "retention_days",
         _whole("the retention", MIN_RETENTION_DAYS, MAX_RETENTION_DAYS, "days")),
    _Key("ui.language", "language", _language),
)
_DAILY = (
    _Key("digest.daily.enabled", "enabled", _boolean("the daily digest")),
    _Key("digest.daily.formats", "formats", _formats, list),
    _Key("digest.daily.folder", "folder", _folder, lambda p: None if p is None else str(p)),
    _Key("digest.daily.time", "at", _clock, lambda t: t.strftime("%H:%M")),
)
KEYS = tuple(k.key for k in (*_TOP, *_DAILY))


# --- reading and writing -------------------------------------------------------------------------


def load(store: Store) -> Settings:
    """The stored settings; each missing or unusable value takes its default."""
    stored = store.settings.get_many(KEYS)
    daily = _read(stored, _DAILY, DEFAULTS.daily)
    return replace(_read(stored, _TOP, DEFAULTS), daily=daily)


def _read(stored: Mapping[str, Any], keys: tuple[_Key, ...], default: R) -> R:
    values = {}
    for k in keys:
        if k.key in stored:
            try:
                values[k.attr] = k.check(stored[k.key])
            except SettingsError:
                continue  # a bad stored value costs only that setting, never the start-up
    return replace(default, **values)  # type: ignore[type-var]


def save(store: Store, settings: Settings) -> None:
    """Check every value, then store them all in one transaction; SettingsError writes nothing."""
    store.settings.set_many(encode(settings))


def encode(settings: Settings) -> dict[str, Any]:
    """The stored (JSON) form of every setting, by key; raises SettingsError on a bad value."""
    values = {}
    for record, keys in ((settings, _TOP), (settings.daily, _DAILY)):
        for k in keys:
            values[k.key] = k.encode(k.check(getattr(record, k.attr)))
    return values


def last_daily_digest(store: Store) -> date | None:
    """The last day whose daily digest was written; None when none was or the mark is unreadable."""
    value = store.settings.get_many([DAILY_LAST_DAY_KEY]).get(DAILY_LAST_DAY_KEY)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # an unreadable mark only costs writing yesterday's digest again


def mark_daily_digest(store: Store, day: date) -> None:
    store.settings.set(DAILY_LAST_DAY_KEY, day.isoformat())


def last_looked(store: Store) -> datetime | None:
    """When the reader last left the Developments view; None when never or unreadable."""
    value = store.settings.get_many([LAST_LOOKED_KEY]).get(LAST_LOOKED_KEY)
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def mark_looked(store: Store, when: datetime) -> None:
    store.settings.set(LAST_LOOKED_KEY, when.isoformat())


# --- what the window showed when it closed, and the rules editor's text format -----------------
# Marks like LAST_LOOKED_KEY, not settings: the window writes them as it closes, and a stale
# or hand-edited value only costs opening on the default view.

VIEW_KEY = "ui.view"
RULES_FORMAT_KEY = "ui.rules.format"
RULES_FORMATS = ("json", "toml")
_SCOPE_KINDS = ("all", "issue", "starred", "search", "feed")


@dataclass(frozen=True)
class ViewState:
    """The tab, the sidebar entry, the open article and the list's first visible row."""

    tab: int = 0
    scope_kind: str = "all"
    scope_key: str | int | None = None
    article_id: int | None = None
    first_row: int = 0


def load_view(store: Store) -> ViewState | None:
    """The view saved on closing; None when none was saved or it cannot be read."""
    value = store.settings.get_many([VIEW_KEY]).get(VIEW_KEY)
    if not isinstance(value, dict):
        return None
    try:
        return ViewState(
            tab=_whole("the tab", 0, 99, "tabs")(value.get("tab", 0)),
            scope_kind=_one_of(value.get("scope_kind", "all"), _SCOPE_KINDS),
            scope_key=_optional(value.get("scope_key"), (str, int)),
            article_id=_optional(value.get("article_id"), (int,)),
            first_row=_whole("the first row", 0, 10_000_000, "rows")(value.get("first_row", 0)),
        )
    except SettingsError:
        return None


def save_view(store: Store, state: ViewState) -> None:
    store.settings.set(VIEW_KEY, {
        "tab": state.tab, "scope_kind": state.scope_kind, "scope_key": state.scope_key,
        "article_id": state.article_id, "first_row": state.first_row,
    })


def rules_format(store: Store) -> str:
    """The text format the reader last chose for rules: "json" (the default) or "toml"."""
    value = store.settings.get_many([RULES_FORMAT_KEY]).get(RULES_FORMAT_KEY)
    return value if value in RULES_FORMATS else RULES_FORMATS[0]


def save_rules_format(store: Store, fmt: str) -> None:
    store.settings.set(RULES_FORMAT_KEY, _one_of(fmt, RULES_FORMATS))


def _one_of(value: object, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise SettingsError(message("setting_choice", choices=", ".join(choices), value=repr(value)))
    return str(value)


def _optional(value: object, kinds: tuple[type, ...]) -> Any:  # noqa: ANN401 - one of `kinds` or None
    if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
        names = " or ".join(k.__name__ for k in kinds)
        raise SettingsError(message("setting_kind", kinds=names, value=repr(value)))
    return value
