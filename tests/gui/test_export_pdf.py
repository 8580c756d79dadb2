"""PDF digests drawn by Qt offscreen: pages, page numbers, text, and the CLI's use of the renderer."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest

from monitor.digest.build import build_digest
from monitor.digest.render import render_html
from tests.digest_support import NOW, Entry, add_feed, add_issues, days_ago, ingest
from ui.pdf import html_to_pdf

HOSTILE = '<script>alert(1)</script> =HYPERLINK("x") tariff'


def squeeze(text: str) -> str:
    """PDF text without the spacing and ligatures extraction adds: only what was written."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def digest(store):
    add_issues(store)
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    entries = [
        Entry(
            f"Tariff story number {i:03d}",
            days_ago(1) - timedelta(minutes=i),
            {"tariffs": ("tariff",)},
            f"Story {i} says Ottawa and Beijing talked about canola again. It goes on.",
            f"https://news.example/{i}",
        )
        for i in range(120)
    ]
    entries.append(Entry(HOSTILE, days_ago(2), {"tariffs": ("tariff",)}, url="javascript:alert(1)"))
    ingest(store, feed, entries)
    return build_digest(store, days_ago(7), None, now=NOW)


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_a_pdf_has_every_page_numbered_out_of_the_total(qapp, digest, tmp_path):
    target = tmp_path / "week.pdf"
    pages = html_to_pdf(render_html(digest), target)
    texts = pages_text(target)
    assert pages == len(texts) > 3
    for number, text in enumerate(texts, 1):
        assert squeeze(text).endswith(f"Page{number}of{pages}")


def test_a_pdf_holds_each_item_once_in_order(qapp, digest, tmp_path):
    target = tmp_path / "week.pdf"
    html_to_pdf(render_html(digest), target)
    text = squeeze("".join(pages_text(target)))
    positions = [text.find(squeeze(f"Tariff story number {i:03d}")) for i in range(120)]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert all(text.count(squeeze(f"Tariff story number {i:03d}")) == 1 for i in range(120))
    assert squeeze("121 items, +121 on the previous 7 days.") in text


def test_hostile_text_is_printed_as_text_and_never_becomes_a_script_or_link(qapp, digest, tmp_path):
    target = tmp_path / "week.pdf"
    html_to_pdf(render_html(digest), target)
    assert squeeze(HOSTILE) in squeeze("".join(pages_text(target)))
    raw = target.read_bytes()
    assert b"/JavaScript" not in raw and b"/JS" not in raw and b"javascript:" not in raw


@pytest.mark.parametrize("size,box", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_the_page_size_is_a4_or_letter(qapp, digest, tmp_path, size, box):
    target = tmp_path / "week.pdf"
    html_to_pdf(render_html(digest, page_size=size), target, size)
    page = pypdf.PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_an_unknown_page_size_is_refused(qapp, tmp_path):
    with pytest.raises(ValueError):
        html_to_pdf("<p>x</p>", tmp_path / "x.pdf", "A3")


def test_a_pdf_can_be_drawn_with_no_application_and_no_display(tmp_path):
    target = tmp_path / "plain.pdf"
    code = (
        "from pathlib import Path\nfrom ui.pdf import html_to_pdf\n"
        f"print(html_to_pdf('<h1>Digest</h1><p>Canola</p>', Path({str(target)!r})))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "1"), done.stderr
    assert "Page1of1" in squeeze(pages_text(target)[0])


@pytest.fixture
def qt_cli(db_path, capsys):
    """The CLI as cc-monitor runs it: handed Qt's PDF renderer."""
    from monitor.cli import main

    def run(*args: str) -> tuple[int, str]:
        code = main(["--db", str(db_path), *args], pdf_renderer=html_to_pdf)
        return code, capsys.readouterr().err

    return run


def test_the_cli_writes_a_pdf_once_handed_the_renderer(qapp, qt_cli, tmp_path):
    target = tmp_path / "out" / "week.pdf"
    target.parent.mkdir()
    assert qt_cli("digest", "--since", "2026-01-13", "-o", str(target), "--page-size", "Letter") == (0, "")
    assert len(pypdf.PdfReader(target).pages) >= 1
    assert list(target.parent.iterdir()) == [target]


def test_the_cli_refuses_a_pdf_on_standard_output(qapp, qt_cli):
    code, err = qt_cli("digest", "--format", "pdf")
    assert code == 2 and "-o" in err



def test_cc_monitor_digest_writes_a_pdf(db_path, tmp_path):
    target = tmp_path / "out" / "week.pdf"
    target.parent.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(db_path), "digest", "--since", "7d", "-o", str(target)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(pypdf.PdfReader(target).pages) >= 1
