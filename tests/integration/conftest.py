"""Fixtures the integration tests share: a local feed server and a seeded database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.feedserver import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


@pytest.fixture
def db(db_path: Path) -> Path:
    """A seeded database without the default feeds (see test_poller.fresh_db)."""
    from tests.integration.test_poller import fresh_db

    fresh_db(db_path)
    return db_path
