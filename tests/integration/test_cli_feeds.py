"""`cc-monitor feeds ...`: managing the feed list from the command line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import dump_database


def feed_urls(cli) -> list[str]:
    return [json.loads(line)["url"] for line in cli("feeds", "list", "--json").out.splitlines()]


def test_first_run_lists_the_default_feeds_with_their_health(cli):
    result = cli("feeds", "list")
    assert result.code == 0
    assert "health" in result.out.splitlines()[0]
    assert len(result.out.splitlines()) > 10
    assert all("not polled yet" in line for line in result.out.splitlines()[1:])


def test_feeds_list_json_carries_the_documented_keys(cli):
    first = json.loads(cli("feeds", "list", "--json").out.splitlines()[0])
    assert {"id", "url", "title", "enabled", "last_status", "last_error"} <= set(first)


def test_a_feed_is_added_removed_disabled_and_enabled_by_id_or_url(cli):
    assert cli("feeds", "add", "--no-fetch", "https://news.example.org/canada-china.xml").code == 0
    assert "https://news.example.org/canada-china.xml" in feed_urls(cli)

    listed = [json.loads(x) for x in cli("feeds", "list", "--json").out.splitlines()]
    feed = next(f for f in listed if f["url"].startswith("https://news.example.org"))
    assert cli("feeds", "disable", str(feed["id"])).code == 0
    listed = [json.loads(x) for x in cli("feeds", "list", "--json").out.splitlines()]
    assert next(f for f in listed if f["id"] == feed["id"])["enabled"] is False
    assert cli("feeds", "enable", feed["url"]).code == 0
    assert cli("feeds", "remove", feed["url"]).code == 0
    assert feed["url"] not in feed_urls(cli)


def test_feed_scheme_is_normalised_and_the_host_lower_cased(cli):
    assert cli("feeds", "add", "--no-fetch", "feed://News.Example.ORG/rss").code == 0
    assert "http://news.example.org/rss" in feed_urls(cli)


@pytest.mark.parametrize(
    "bad",
    ["/etc/passwd", "file:///etc/passwd", "ftp://example.org/feed", "javascript:alert(1)",
     "data:text/xml,<rss/>", "not a url", ""],
)
def test_a_feed_that_is_not_http_is_refused_in_one_line_and_nothing_changes(cli, db_path, bad):
    cli("feeds", "list")  # first run seeds
    before = dump_database(db_path)
    result = cli("feeds", "add", bad)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "http" in result.err
    assert dump_database(db_path) == before


def test_a_duplicate_feed_is_refused(cli, db_path):
    assert cli("feeds", "add", "--no-fetch", "https://example.org/rss").code == 0
    before = dump_database(db_path)
    result = cli("feeds", "add", "https://EXAMPLE.org/rss")  # refused before any fetch
    assert result.code == 2
    assert "already" in result.err
    assert dump_database(db_path) == before


def test_removing_an_unknown_feed_is_a_one_line_error(cli, db_path):
    cli("feeds", "list")
    before = dump_database(db_path)
    result = cli("feeds", "remove", "99999")
    assert (result.code, len(result.err.strip().splitlines())) == (2, 1)
    assert dump_database(db_path) == before


OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Canada">
    <outline text="Politics">
      <outline type="rss" text="Ottawa desk" xmlUrl="https://ottawa.example.org/rss" htmlUrl="https://ottawa.example.org/"/>
    </outline>
    <outline type="rss" text="Trade wire" xmlUrl="https://trade.example.org/atom"/>
  </outline>
  <outline type="rss" text="Broken row" xmlUrl="ftp://old.example.org/feed"/>
  <outline type="rss" text="Top level" xmlUrl="http://top.example.org/feed"/>
</body></opml>"""


def test_opml_import_keeps_categories_and_skips_a_bad_row(cli, tmp_path):
    path = tmp_path / "mine.opml"
    path.write_bytes(OPML)
    result = cli("feeds", "import", str(path))
    assert result.code == 0
    assert "Broken row" in result.err
    feeds = {json.loads(x)["url"]: json.loads(x) for x in cli("feeds", "list", "--json").out.splitlines()}
    assert feeds["https://ottawa.example.org/rss"]["category"] == "Canada/Politics"
    assert feeds["https://trade.example.org/atom"]["category"] == "Canada"
    assert feeds["http://top.example.org/feed"]["category"] is None
    assert "ftp://old.example.org/feed" not in feeds


def test_opml_export_then_import_into_a_new_database_gives_the_same_list(cli, tmp_path, capsys):
    from monitor.cli import main

    (tmp_path / "mine.opml").write_bytes(OPML)
    cli("feeds", "import", str(tmp_path / "mine.opml"))
    assert cli("feeds", "export", str(tmp_path / "out.opml")).code == 0

    other = tmp_path / "other.db"
    assert main(["--db", str(other), "feeds", "import", str(tmp_path / "out.opml")]) == 0
    capsys.readouterr()
    main(["--db", str(other), "feeds", "list", "--json"])
    again = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    original = [json.loads(x) for x in cli("feeds", "list", "--json").out.splitlines()]

    def key(f):
        return (f["url"], f["title"], f["category"])

    assert sorted(map(key, again)) == sorted(map(key, original))


@pytest.mark.parametrize(
    "content",
    [b"", b"<html><body>not opml</body></html>", b"<opml><head/></opml>", b"\x00\xff garbage",
     b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>'],
)
def test_a_bad_opml_file_is_one_line_exit_2_and_nothing_changes(cli, db_path, tmp_path, content):
    cli("feeds", "list")
    before = dump_database(db_path)
    path = tmp_path / "bad.opml"
    path.write_bytes(content)
    result = cli("feeds", "import", str(path))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert dump_database(db_path) == before


def test_importing_a_missing_file_is_a_one_line_error(cli, tmp_path):
    result = cli("feeds", "import", str(tmp_path / "nope.opml"))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
