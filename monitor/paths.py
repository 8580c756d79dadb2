"""Where the database lives: --db, else $MONITOR_DB, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from monitor import APP_NAME

ENV_DB = "MONITOR_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "monitor.db"


class BadDbPathError(ValueError):
    """An empty --db or MONITOR_DB: most likely a script's unset variable."""


def resolve_db_path(cli_value: str | None) -> Path:
    """The database file to use; an empty value is refused rather than read as "the default"."""
    if cli_value is not None:
        return _non_empty(cli_value, "--db")
    if ENV_DB in os.environ:
        return _non_empty(os.environ[ENV_DB], ENV_DB)
    return default_db_path()


def _non_empty(value: str, where: str) -> Path:
    if not value.strip():
        raise BadDbPathError(f"{where} is empty: give the database file's path (or leave {where} out "
                             "for the default)")
    return Path(value).expanduser()
