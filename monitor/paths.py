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


def resolve_db_path(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return default_db_path()
