"""The fetcher against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

import pytest

from monitor import __version__
from monitor.fetch import KEEP_ALIVE_CONNECTIONS, Fetcher, MiB, Validators, make_client
from tests.integration.feedserver import (
    FeedServer,
    drip,
    drip_headers,
    gzip_bomb,
    gzipped,
    never_answer,
    redirect,
    respond,
    self_signed_tls,
)

NOW = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
FEED_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


@pytest.fixture
def client():
    with make_client() as shared:
        yield shared


@pytest.fixture
def fetcher(client):
    return Fetcher(client, clock=lambda: NOW)


def test_a_feed_is_fetched_with_its_body_headers_and_validators(server, fetcher):
    server.route(
        "/feed",
        respond(RSS, headers={**FEED_TYPE, "ETag": '"v1"', "Last-Modified": "Mon, 02 Feb 2026 10:00:00 GMT"}),
    )
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.outcome == "ok"
    assert result.status == 200
    assert result.body == RSS
    assert result.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert result.validators == Validators('"v1"', "Mon, 02 Feb 2026 10:00:00 GMT")
    assert result.final_url == result.url == server.url("/feed")
    assert result.permanent_url is None
    assert result.error is None
    assert result.bytes_read == len(RSS)


def test_a_feed_with_credentials_gets_the_same_request_as_one_without_but_for_them(server, fetcher):
    # Requests without credentials skip httpx's client for its connection pool: what the
    # server receives must not tell the two apart.
    server.route("/feed", respond(status=304))
    old = Validators('"v1"', "Tue, 03 Feb 2026 10:00:00 GMT")
    fetcher.fetch(server.url("/feed"), old)
    fetcher.fetch(server.url("/feed").replace("http://", "http://me:secret@"), old)
    plain, with_credentials = server.requests
    assert with_credentials.headers["authorization"] == "Basic bWU6c2VjcmV0"
    assert plain.header_names == tuple(n for n in with_credentials.header_names if n != "authorization")
    assert plain.headers == {k: v for k, v in with_credentials.headers.items() if k != "authorization"}
    assert plain.path == with_credentials.path == "/feed"


@pytest.fixture
def proxy(server, monkeypatch):
    """The server, named as the proxy for plain HTTP in the environment."""
    others = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
    for name in others:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.base_url)
    return server


def test_a_proxy_named_in_the_environment_carries_the_requests(proxy):
    server = proxy
    server.route("/feed", respond(RSS, headers=FEED_TYPE))  # the proxy answers for the feed's host
    with make_client() as proxied:
        result = Fetcher(proxied).fetch("http://feeds.invalid/feed", Validators())
    assert result.outcome == "ok"
    assert result.body == RSS
    assert server.requests[0].path == "http://feeds.invalid/feed"  # asked of the proxy, not the host


def test_a_proxy_that_never_answers_times_out_at_the_deadline(proxy):
    hung_up = threading.Event()
    proxy.route("/feed", never_answer(hung_up))
    with make_client() as proxied:
        result = Fetcher(proxied, deadline_s=1.0).fetch("http://feeds.invalid/feed", Validators())
    assert (result.outcome, result.error) == ("error", "timed out after 1 s")
    assert hung_up.wait(10), "the fetcher kept the connection to the proxy open"


def test_hosts_in_no_proxy_are_reached_directly(proxy, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    proxy.route("/feed", respond(RSS, headers=FEED_TYPE))
    with make_client() as client:
        result = Fetcher(client).fetch(proxy.url("/feed"), Validators())
    assert result.outcome == "ok"
    assert proxy.requests[0].path == "/feed"  # not the absolute form a proxy gets


def test_stored_validators_are_sent_back_byte_for_byte(server, fetcher):
    server.route("/feed", respond(status=304))
    old = Validators('W/"abc-123"', "Tue, 03 Feb 2026 10:00:00 GMT")
    result = fetcher.fetch(server.url("/feed"), old)
    assert server.requests[0].headers["if-none-match"] == 'W/"abc-123"'
    assert server.requests[0].headers["if-modified-since"] == "Tue, 03 Feb 2026 10:00:00 GMT"
    assert result.outcome == "not_modified"
    assert result.body is None
    assert result.validators == old


def test_a_304_that_sends_a_new_etag_updates_only_that_validator(server, fetcher):
    server.route("/feed", respond(status=304, headers={"ETag": '"v2"'}))
    result = fetcher.fetch(server.url("/feed"), Validators('"v1"', "Tue, 03 Feb 2026 10:00:00 GMT"))
    assert result.validators == Validators('"v2"', "Tue, 03 Feb 2026 10:00:00 GMT")


def test_without_validators_no_conditional_headers_are_sent(server, fetcher):
    server.route("/feed", respond(RSS))
    fetcher.fetch(server.url("/feed"), Validators())
    assert "if-none-match" not in server.requests[0].headers
    assert "if-modified-since" not in server.requests[0].headers


def test_requests_name_the_app_and_ask_for_feeds_without_referer_or_cookies(server, fetcher):
    server.route("/feed", respond(RSS))
    fetcher.fetch(server.url("/feed"), Validators())
    sent = server.requests[0].headers
    assert sent["user-agent"] == f"cc-monitor/{__version__} (+https://github.com/cc-monitor/cc-monitor)"
    assert "application/rss+xml" in sent["accept"]
    assert "application/atom+xml" in sent["accept"]
    assert sent["accept-encoding"] == "gzip, deflate"
    assert "referer" not in sent
    assert "cookie" not in sent
    assert server.requests[0].path == "/feed"  # no cache-busting parameters


def test_cookies_a_server_sets_are_never_sent_back(server, fetcher):
    server.route("/set", respond(status=302, headers={"Set-Cookie": "sid=1; Path=/", "Location": "/feed"}))
    server.route("/feed", respond(RSS, headers={"Set-Cookie": "other=2; Path=/"}))
    fetcher.fetch(server.url("/set"), Validators())
    fetcher.fetch(server.url("/set"), Validators())
    assert [r.path for r in server.requests] == ["/set", "/feed", "/set", "/feed"]
    assert all("cookie" not in r.headers for r in server.requests)


def test_permanent_redirects_all_the_way_report_the_new_url(server, fetcher):
    server.route("/a", redirect("/b", 301))
    server.route("/b", redirect(server.url("/c"), 308))
    server.route("/c", respond(RSS))
    result = fetcher.fetch(server.url("/a"), Validators())
    assert result.outcome == "ok"
    assert result.final_url == server.url("/c")
    assert result.permanent_url == server.url("/c")
    assert result.url == server.url("/a")


@pytest.mark.parametrize("temporary", [302, 303, 307])
def test_one_temporary_hop_means_no_permanent_url(server, fetcher, temporary):
    server.route("/a", redirect("/b", 301))
    server.route("/b", redirect("/c", temporary))
    server.route("/c", respond(RSS))
    result = fetcher.fetch(server.url("/a"), Validators())
    assert result.outcome == "ok"
    assert result.final_url == server.url("/c")
    assert result.permanent_url is None


def test_a_permanent_redirect_to_an_error_keeps_the_old_url(server, fetcher):
    server.route("/a", redirect("/b", 301))
    result = fetcher.fetch(server.url("/a"), Validators())
    assert result.outcome == "error"
    assert result.status == 404
    assert result.permanent_url is None


def test_validators_go_with_every_hop_of_a_redirect(server, fetcher):
    server.route("/a", redirect("/b", 301))
    server.route("/b", respond(status=304))
    result = fetcher.fetch(server.url("/a"), Validators('"e"'))
    assert result.outcome == "not_modified"
    assert [r.headers.get("if-none-match") for r in server.requests] == ['"e"', '"e"']


def test_five_redirects_are_followed_and_a_sixth_is_an_error(server, fetcher):
    for i in range(6):
        server.route(f"/r{i}", redirect(f"/r{i + 1}", 302))
    server.route("/r6", respond(RSS))
    too_many = fetcher.fetch(server.url("/r0"), Validators())
    enough = fetcher.fetch(server.url("/r1"), Validators())
    assert too_many.outcome == "error"
    assert too_many.error == "too many redirects (more than 5)"
    assert enough.outcome == "ok"
    assert enough.final_url == server.url("/r6")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/feed.xml"])
def test_a_redirect_off_the_web_is_refused(server, fetcher, target):
    server.route("/feed", redirect(target, 301))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.outcome == "error"
    assert result.error == f"redirect to {target.split(':')[0]}: refused"
    assert result.body is None


def test_a_url_that_is_not_http_is_refused_without_a_request(fetcher):
    result = fetcher.fetch("file:///etc/passwd", Validators())
    assert result.outcome == "error"
    assert result.status is None
    assert result.error == "URL scheme file: refused"


def test_gone_is_its_own_outcome(server, fetcher):
    server.route("/feed", respond(b"gone", status=410))
    result = fetcher.fetch(server.url("/feed"), Validators('"v"'))
    assert (result.outcome, result.status, result.body) == ("gone", 410, None)
    assert result.validators == Validators('"v"')


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "HTTP 404 Not Found"), (403, "HTTP 403 Forbidden"), (500, "HTTP 500 Internal Server Error")],
)
def test_http_errors_carry_status_and_a_readable_message(server, fetcher, status, message):
    server.route("/feed", respond(b"no", status=status))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.status, result.error) == ("error", status, message)
    assert result.retry_after is None


def test_retry_after_in_seconds_becomes_an_absolute_time(server, fetcher):
    server.route("/feed", respond(status=429, headers={"Retry-After": "120"}))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.outcome == "error"
    assert result.error == "HTTP 429 Too Many Requests"
    assert result.retry_after == NOW + timedelta(seconds=120)


def test_retry_after_as_an_http_date_is_read_in_utc(server, fetcher):
    server.route("/feed", respond(status=503, headers={"Retry-After": "Tue, 03 Feb 2026 13:30:00 GMT"}))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.status == 503
    assert result.retry_after == datetime(2026, 2, 3, 13, 30, tzinfo=UTC)
    assert result.retry_after.tzinfo is not None


def test_an_unreadable_retry_after_is_ignored(server, fetcher):
    server.route("/feed", respond(status=429, headers={"Retry-After": "soon-ish"}))
    assert fetcher.fetch(server.url("/feed"), Validators()).retry_after is None


def test_cache_control_max_age_is_reported_for_ok_and_not_modified(server, fetcher):
    server.route("/ok", respond(RSS, headers={"Cache-Control": "public, max-age=900"}))
    server.route("/same", respond(status=304, headers={"Cache-Control": 'max-age="60", must-revalidate'}))
    assert fetcher.fetch(server.url("/ok"), Validators()).max_age == 900
    assert fetcher.fetch(server.url("/same"), Validators()).max_age == 60


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzipped(RSS)),
        ("deflate", zlib.compress(RSS)),
        ("deflate", zlib.compress(RSS)[2:-4]),  # raw deflate, as some servers send it
    ],
)
def test_compressed_bodies_are_decoded(server, fetcher, encoding, packed):
    server.route("/feed", respond(packed, headers={"Content-Encoding": encoding}))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.body == RSS
    assert result.bytes_read == len(packed)


def test_a_corrupt_gzip_body_is_an_error(server, fetcher):
    server.route("/feed", respond(b"\x1f\x8b not really gzip", headers={"Content-Encoding": "gzip"}))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.error, result.body) == ("error", "cannot decode the gzip body", None)


def test_an_unknown_content_encoding_is_an_error(server, fetcher):
    server.route("/feed", respond(b"xx", headers={"Content-Encoding": "br"}))
    result = fetcher.fetch(server.url("/feed"), Validators())
    assert result.outcome == "error"
    assert result.error == "unsupported content encoding: br"


def test_a_content_length_over_the_cap_is_refused_before_reading(server, client):
    server.route("/feed", respond(b"x" * 5000))
    result = Fetcher(client, max_bytes=1000).fetch(server.url("/feed"), Validators())
    assert result.outcome == "error"
    assert result.status == 200
    assert result.error == "body exceeds 1000 bytes"
    assert result.bytes_read == 0


def test_a_body_inflating_past_the_cap_is_stopped(server, client):
    server.route("/feed", respond(gzipped(b"x" * 3000), headers={"Content-Encoding": "gzip"}))
    server.route("/small", respond(gzipped(b"x" * 1000), headers={"Content-Encoding": "gzip"}))
    fetcher = Fetcher(client, max_bytes=1000)
    assert fetcher.fetch(server.url("/feed"), Validators()).error == "body exceeds 1000 bytes"
    assert fetcher.fetch(server.url("/small"), Validators()).body == b"x" * 1000


def test_a_gzip_bomb_is_stopped_at_the_cap_with_bounded_memory(server, fetcher):
    server.route("/bomb", gzip_bomb(1024 * MiB))  # about 1 MB on the wire
    tracemalloc.start()
    try:
        result = fetcher.fetch(server.url("/bomb"), Validators())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.outcome == "error"
    assert result.error == "body exceeds 15 MiB"
    assert peak < 100 * MiB
    assert result.bytes_read < 1 * MiB


# A fetch held past its deadline would last until the server gives up (an hour, or the
# whole slow body): `elapsed_s` bounds are far above the 1 s deadline, so a loaded machine
# passes, and far below a hang, so a fetch that outlives its deadline fails.
SLOW_BODY = RSS * 4  # ~34 s at a byte every 0.1 s


def test_a_server_that_never_answers_times_out_at_the_deadline(server, client):
    hung_up = threading.Event()
    server.route("/feed", never_answer(hung_up))
    result = Fetcher(client, deadline_s=1.0).fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.status, result.error) == ("error", None, "timed out after 1 s")
    assert result.elapsed_s < 20
    assert hung_up.wait(10), "the fetcher kept the connection open"


def test_a_body_dripping_a_byte_at_a_time_times_out_at_the_deadline(server, client):
    hung_up = threading.Event()
    server.route("/feed", drip(SLOW_BODY, every_s=0.1, hung_up=hung_up))
    result = Fetcher(client, deadline_s=1.0).fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.error, result.body) == ("error", "timed out after 1 s", None)
    assert 0 < result.bytes_read < len(SLOW_BODY)
    assert result.elapsed_s < 20
    assert hung_up.wait(10), "the fetcher kept the connection open"


def test_headers_dripping_a_byte_at_a_time_time_out_at_the_deadline(server, client):
    hung_up = threading.Event()
    server.route("/feed", drip_headers(b"HTTP/1.0 200 OK", hung_up))
    result = Fetcher(client, deadline_s=1.0).fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.status, result.error) == ("error", None, "timed out after 1 s")
    assert result.elapsed_s < 15
    assert hung_up.wait(10), "the fetcher kept the connection open"


@pytest.fixture
def keep_alive_server():
    with FeedServer(keep_alive=True) as running:
        yield running


def test_one_hosts_feeds_share_a_kept_alive_connection(keep_alive_server, fetcher):
    server = keep_alive_server
    server.route("/a", respond(RSS, headers={**FEED_TYPE, "ETag": '"a1"'}))
    server.route("/b", respond(status=304))
    server.route("/c", respond(RSS, headers=FEED_TYPE))
    paths = ("/a", "/b", "/c")
    outcomes = [fetcher.fetch(server.url(path), Validators(etag='"x"')).outcome for path in paths]
    assert outcomes == ["ok", "not_modified", "ok"]
    assert len({request.client_port for request in server.requests}) == 1


def test_only_the_hosts_fetched_last_keep_a_connection_open(fetcher):
    # A poll of many hosts keeps each one's connection for its next feed, and closes those of
    # the hosts it has left behind: it does not end holding a socket on every server.
    with ExitStack() as stack:
        hosts = KEEP_ALIVE_CONNECTIONS + 4
        servers = [stack.enter_context(FeedServer(keep_alive=True)) for _ in range(hosts)]
        for server in servers:
            server.route("/feed", respond(status=304))
            assert fetcher.fetch(server.url("/feed"), Validators(etag='"x"')).outcome == "not_modified"
        kept = KEEP_ALIVE_CONNECTIONS // 2
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and sum(s.open_connections for s in servers) > kept:
            time.sleep(0.02)
        assert [s.open_connections for s in servers] == [0] * (len(servers) - kept) + [1] * kept


def test_a_kept_connection_the_server_dropped_meanwhile_is_not_the_feeds_error(keep_alive_server, fetcher):
    # A server closes idle connections when it likes; one may do so just as the next feed's
    # request goes out on it. That feed is asked again on a new connection, as browsers do.
    server = keep_alive_server
    answered: set[int] = set()

    def once_per_connection(request, srv):
        port = request.client_address[1]
        if port in answered:
            request.close_connection = True  # drops the connection without a word
            return
        answered.add(port)
        respond(RSS, headers=FEED_TYPE)(request, srv)

    server.route("/feed", once_per_connection)
    first = fetcher.fetch(server.url("/feed"), Validators())
    second = fetcher.fetch(server.url("/feed"), Validators())
    assert (first.outcome, second.outcome, second.error) == ("ok", "ok", None)
    assert len(server.requests) == 3 and len(answered) == 2


def test_a_server_that_drops_a_new_connection_is_asked_once(keep_alive_server, fetcher):
    def drop(request, srv):
        request.close_connection = True

    keep_alive_server.route("/feed", drop)
    result = fetcher.fetch(keep_alive_server.url("/feed"), Validators())
    assert (result.outcome, result.status) == ("error", None)
    assert "disconnected" in result.error
    assert len(keep_alive_server.requests) == 1


def test_headers_dripping_on_a_kept_alive_connection_time_out_at_the_deadline(keep_alive_server, client):
    # The second fetch reuses the first one's connection, which it never saw open:
    # its watchdog must still shut that connection down at the deadline.
    server = keep_alive_server
    hung_up = threading.Event()
    server.route("/quick", respond(status=304))
    server.route("/slow", drip_headers(b"HTTP/1.1 200 OK", hung_up))
    fetcher = Fetcher(client, deadline_s=1.0)
    assert fetcher.fetch(server.url("/quick"), Validators(etag='"x"')).outcome == "not_modified"
    result = fetcher.fetch(server.url("/slow"), Validators())
    assert (result.outcome, result.status, result.error) == ("error", None, "timed out after 1 s")
    assert result.elapsed_s < 15
    assert server.requests[0].client_port == server.requests[1].client_port
    assert hung_up.wait(10), "the fetcher kept the connection open"
    after = fetcher.fetch(server.url("/quick"), Validators(etag='"x"'))
    assert after.outcome == "not_modified"  # on a new connection: the shut one is not reused


def test_a_refused_connection_is_an_error_without_status(fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/feed", Validators())
    assert result.outcome == "error"
    assert result.status is None
    assert result.error.startswith("connection failed:")
    assert "\n" not in result.error


def test_at_most_two_connections_reach_one_host_at_a_time(server, fetcher):
    lock = threading.Condition()
    state = {"active": 0, "peak": 0}

    def overlapping(request, srv):
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
            lock.notify_all()
            # Give a third connection the chance to show up, if one could.
            lock.wait_for(lambda: state["active"] > 2, timeout=0.4)
        respond(RSS)(request, srv)
        with lock:
            state["active"] -= 1

    server.route("/feed", overlapping)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: fetcher.fetch(server.url("/feed"), Validators()), range(4)))
    assert [r.outcome for r in results] == ["ok"] * 4
    assert state["peak"] == 2


def test_waiting_for_a_busy_hosts_connection_does_not_use_up_the_deadline(server, client):
    # One connection per host and half a second per fetch: the second fetch waits for
    # the first one's connection, then takes as long again; both must arrive.
    fetcher = Fetcher(client, deadline_s=0.5, max_per_host=1)
    gate = threading.Condition()

    def slowish(request, srv):
        with gate:
            gate.wait(timeout=0.35)  # no one notifies: the answer takes 0.35 s
        respond(RSS)(request, srv)

    server.route("/feed", slowish)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: fetcher.fetch(server.url("/feed"), Validators()), range(2)))
    assert [r.outcome for r in results] == ["ok", "ok"]


@pytest.fixture
def tls_server(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    context, cert = self_signed_tls(tmp_path)
    with FeedServer(tls=context) as running, make_client(verify=ssl.create_default_context(cafile=cert)) as c:
        yield running, c


def test_an_https_feed_is_fetched(tls_server):
    server, client = tls_server
    server.route("/feed", respond(RSS, headers={"ETag": '"t"'}))
    result = Fetcher(client).fetch(server.url("/feed"), Validators())
    assert server.url("/feed").startswith("https://")
    assert (result.outcome, result.body, result.validators.etag) == ("ok", RSS, '"t"')


def test_an_https_body_dripping_a_byte_at_a_time_times_out_at_the_deadline(tls_server):
    server, client = tls_server
    hung_up = threading.Event()
    server.route("/feed", drip(SLOW_BODY, every_s=0.1, hung_up=hung_up))
    result = Fetcher(client, deadline_s=1.0).fetch(server.url("/feed"), Validators())
    assert (result.outcome, result.error, result.body) == ("error", "timed out after 1 s", None)
    assert result.elapsed_s < 20
    assert hung_up.wait(10), "the fetcher kept the connection open"


def test_an_untrusted_certificate_is_an_error(tls_server):
    server, _ = tls_server
    server.route("/feed", respond(RSS))
    with make_client() as default_trust:
        result = Fetcher(default_trust).fetch(server.url("/feed"), Validators())
    assert result.outcome == "error"
    assert result.status is None
    assert "CERTIFICATE_VERIFY_FAILED" in result.error


def test_a_permanent_redirect_to_an_address_with_credentials_stores_and_sends_none(server, fetcher):
    server.route("/a", redirect(server.url("/c").replace("http://", "http://user:pw@"), 301))
    server.route("/c", respond(RSS))
    result = fetcher.fetch(server.url("/a"), Validators())
    assert result.outcome == "ok"
    assert result.permanent_url == server.url("/c")
    assert "authorization" not in server.requests[-1].headers


def test_a_feed_address_with_its_own_credentials_keeps_them_across_a_redirect(server, fetcher):
    own = server.url("/a").replace("http://", "http://me:secret@")
    server.route("/a", redirect(own.replace("/a", "/c"), 301))
    server.route("/c", respond(RSS))
    result = fetcher.fetch(own, Validators())
    assert result.permanent_url == own.replace("/a", "/c")
    assert server.requests[-1].headers["authorization"].startswith("Basic ")
