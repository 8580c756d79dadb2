"""`cc-monitor desktop-entry install|remove`: the launcher entry and icon where the freedesktop
specs look for them, valid by desktop-file-validate's reading."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from monitor import desktop_entry

VALIDATOR = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATOR is None, reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)"
)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "xdg data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def validate(path: Path) -> str:
    result = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True, check=False)
    said = result.stdout + result.stderr
    assert result.returncode == 0 and "warning" not in said, said
    return said


def read_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_install_puts_the_entry_and_the_icon_under_xdg_data_home(cli, data_home):
    result = cli("desktop-entry", "install")

    assert result.code == 0, result.err
    entry = data_home / "applications" / "cc-monitor.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "cc-monitor.svg"
    assert str(entry) in result.out and str(icon) in result.out
    values = read_entry(entry)
    assert values["Icon"] == "cc-monitor" and values["Type"] == "Application"
    assert icon.read_bytes().lstrip().startswith(b"<?xml") and b"<svg" in icon.read_bytes()
    # A French desktop shows the launcher in French, as the app's own window title.
    assert values["Name[fr]"] == "Veille Canada–Chine"
    assert values["Comment[fr]"].startswith("Suivre ce qui a bougé")


def test_the_entry_launches_an_executable_that_opens_the_app(cli, data_home):
    cli("desktop-entry", "install")
    command = shlex.split(read_entry(data_home / "applications" / "cc-monitor.desktop")["Exec"])

    assert os.access(command[0], os.X_OK)
    # The same command with a headless argument answers: it is this installation's entry point.
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0 and "cc-monitor" in result.stdout


@needs_validator
def test_the_installed_entry_is_valid(cli, data_home):
    cli("desktop-entry", "install")
    validate(data_home / "applications" / "cc-monitor.desktop")


@needs_validator
def test_a_launcher_path_with_spaces_and_percent_is_quoted_validly(tmp_path):
    entry = tmp_path / "cc-monitor.desktop"
    command = ["/opt/my apps/100% \"new\"/python", "-m", "ui"]
    entry.write_text(desktop_entry.entry_text(command), encoding="utf-8")

    validate(entry)
    exec_line = read_entry(entry)["Exec"]
    assert exec_line == '"/opt/my apps/100%% \\\\"new\\\\"/python" -m ui'


def test_remove_takes_both_files_away_and_says_so_when_none_is_there(cli, data_home):
    cli("desktop-entry", "install")

    removed = cli("desktop-entry", "remove")
    again = cli("desktop-entry", "remove")

    assert removed.code == 0 and "cc-monitor.desktop" in removed.out
    assert not (data_home / "applications" / "cc-monitor.desktop").exists()
    assert not (data_home / "icons" / "hicolor" / "scalable" / "apps" / "cc-monitor.svg").exists()
    assert again.code == 0 and "no desktop entry" in again.out


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(tmp_path):
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative/dir"}) == Path.home() / ".local" / "share"
    assert desktop_entry.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path


def test_an_unknown_action_is_refused_with_one_line(cli, data_home):
    result = cli("desktop-entry", "launch")

    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert not data_home.exists()
