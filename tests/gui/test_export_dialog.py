"""The export dialog: choices, a preview that loads nothing, and saving off the GUI thread."""

from __future__ import annotations

import json
import unicodedata
from datetime import timedelta

import pypdf
import pytest

from tests.digest_support import NOW, Entry, add_feed, days_ago, ingest
from ui.dialogs.export import PREVIEW_ITEMS, ExportDialog


@pytest.fixture
def articles(gui_store):
    feed = add_feed(gui_store, "Globe", "https://globe.example/rss")
    return ingest(
        gui_store,
        feed,
        [
            Entry(
                "Canola tariff cut",
                days_ago(0.5),
                {"tariffs": ("canola",)},
                "Ottawa acted.",
                "https://n.example/1",
            ),
            Entry("Carney lands in Beijing", days_ago(3), {"visit": ("Carney",)}, url="https://n.example/2"),
            Entry(
                "<img src=https://track.example/p.gif> Steel duty",
                days_ago(20),
                {"tariffs": ("duty",)},
                url="https://n.example/3",
            ),
        ],
    )


@pytest.fixture
def context(make_context):
    context = make_context(clock=lambda: NOW)
    yield context
    context.runner.shutdown()


@pytest.fixture
def dialog(qtbot, context, articles):
    dlg = ExportDialog(context)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.preview_updated, timeout=10_000):
        pass  # the first preview is built as soon as the dialog exists
    yield dlg
    dlg.done(0)


def preview_text(dlg) -> str:
    return dlg.preview.toPlainText()


def test_the_dialog_offers_every_tracked_issue_checked(dialog, gui_store):
    assert list(dialog.issue_boxes) == [i.slug for i in gui_store.issues.list()]
    assert all(box.isChecked() for box in dialog.issue_boxes.values())


def test_the_preview_shows_the_last_seven_days_by_default(dialog):
    text = preview_text(dialog)
    assert "Canola tariff cut" in text and "Carney lands in Beijing" in text
    assert "Steel duty" not in text


def test_a_preset_changes_the_period_and_the_preview_follows(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.preset_buttons[0].click()  # 24 h
    request = dialog.request()
    assert (request.since, request.until) == (NOW - timedelta(hours=24), NOW)
    assert "Carney lands in Beijing" not in preview_text(dialog)
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.preset_buttons[2].click()  # 30 d
    assert "Steel duty" in preview_text(dialog)


def test_unchecking_an_issue_takes_its_section_out(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.issue_boxes["visit"].setChecked(False)
    assert "Carney lands in Beijing" not in preview_text(dialog)
    assert [s.slug for s in dialog.digest.sections] == ["tariffs", "human_rights", "election_interference"]


def test_with_no_issue_chosen_there_is_nothing_to_save(qtbot, dialog):
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.set_issues([])
    assert not dialog.save_button.isEnabled()


def test_only_unread_leaves_read_items_out_of_the_preview(qtbot, dialog, gui_store, articles):
    gui_store.articles.set_read([articles[0]])
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.unread_box.setChecked(True)
    assert "Canola tariff cut" not in preview_text(dialog)


def test_the_preview_loads_nothing_and_links_only_to_the_web(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.preset_buttons[2].click()
    assert "<img" in preview_text(dialog)  # a title that holds a tag shows it as text
    assert dialog.preview.refused_resources == set()
    assert "https://n.example/1" in dialog.preview.toHtml()


def test_save_writes_html_off_the_gui_thread(qtbot, dialog, tmp_path):
    dialog.set_format("html")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save_to(tmp_path / "week.html")
    assert saved.args == [tmp_path / "week.html"]
    assert "Canola tariff cut" in (tmp_path / "week.html").read_text()


def test_save_writes_json_with_the_chosen_issues(qtbot, dialog, tmp_path):
    dialog.set_format("json")
    dialog.set_issues(["tariffs"])
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_to(tmp_path / "week.json")
    document = json.loads((tmp_path / "week.json").read_text())
    assert [s["slug"] for s in document["issues"]] == ["tariffs"]


def test_save_writes_a_paged_pdf(qtbot, dialog, tmp_path):
    dialog.set_format("pdf")
    dialog.page_combo.setCurrentText("Letter")
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_to(tmp_path / "week.pdf")
    reader = pypdf.PdfReader(tmp_path / "week.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    assert "Canola tariff cut" in " ".join(text.split())


def test_saving_where_it_cannot_write_reports_it_and_leaves_no_file(qtbot, dialog, tmp_path):
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.save_to(tmp_path / "missing" / "week.html")
    assert "cannot write" in failed.args[0]
    assert not (tmp_path / "missing").exists()


def test_the_preview_is_capped_but_says_how_many_items_there_are(qtbot, gui_store, context):
    feed = add_feed(gui_store, "Wire", "https://wire.example/rss")
    ingest(
        gui_store,
        feed,
        [
            Entry(
                f"Tariff item {i}",
                days_ago(1) - timedelta(minutes=i),
                {"tariffs": ("tariff",)},
                url=f"https://w.example/{i}",
            )
            for i in range(PREVIEW_ITEMS + 5)
        ],
    )
    dlg = ExportDialog(context)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.preview_updated, timeout=10_000):
        pass
    assert f"Showing {PREVIEW_ITEMS} of {PREVIEW_ITEMS + 5} items." in preview_text(dlg)
    dlg.done(0)


def test_closing_the_dialog_drops_its_late_results_and_leaves_the_apps_runner_working(
    qtbot, dialog, context, tmp_path
):
    reported = []
    dialog.saved.connect(reported.append)
    dialog.failed.connect(reported.append)
    dialog.set_format("md")
    dialog.save_to(tmp_path / "week.md")
    dialog.done(0)
    qtbot.waitUntil(lambda: context.runner.active == 0, timeout=10_000)
    assert (tmp_path / "week.md").exists() and reported == []  # the write finished; nobody was told
    with qtbot.waitSignal(context.runner.run(lambda: 42).finished, timeout=10_000) as later:
        pass
    assert later.args == [42]
