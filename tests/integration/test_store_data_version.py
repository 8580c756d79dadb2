"""A store notices commits made by other connections to its file, and only those."""

from __future__ import annotations

from db import open_store


def test_data_version_moves_when_another_connection_commits_and_not_for_its_own(db_path):
    with open_store(db_path) as mine, open_store(db_path) as other:
        start = mine.data_version()
        mine.feeds.add("http://127.0.0.1:9/mine.xml")
        assert mine.data_version() == start
        other.feeds.add("http://127.0.0.1:9/other.xml")
        moved = mine.data_version()
        assert moved != start
        assert mine.data_version() == moved
