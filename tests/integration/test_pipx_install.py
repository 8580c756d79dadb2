"""`pipx install .` gives a working cc-monitor: its own environment, the data files, the entry point.

pipx comes from PyPI into a throwaway environment; PIPX_HOME and PIPX_BIN_DIR sit under
tmp_path, so nothing of the user's is touched. About 40 s with a warm pip cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(*command: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=540,
                          env={**os.environ, **(env or {})}, check=False)


@pytest.fixture
def pipx(tmp_path: Path) -> Path:
    venv = tmp_path / "pipx-venv"
    made = run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    got = run(venv / "bin" / "pip", "install", "-q", "pipx")
    if got.returncode != 0:
        pytest.skip(f"pipx could not be installed from PyPI: {got.stderr.strip().splitlines()[-1:]}")
    return venv / "bin" / "pipx"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_pipx_install_gives_a_cc_monitor_that_runs_and_installs_its_desktop_entry(pipx, tmp_path):
    home = tmp_path / "pipx home"
    env = {"PIPX_HOME": str(home), "PIPX_BIN_DIR": str(home / "bin"), "PIPX_MAN_DIR": str(home / "man"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}

    installed = run(pipx, "install", REPO, env=env)

    assert installed.returncode == 0, installed.stderr
    app = home / "bin" / "cc-monitor"
    version = run(app, "--version", env=env)
    assert version.returncode == 0 and "cc-monitor" in version.stdout
    baseline = run(app, "--db", tmp_path / "monitor.db", "baseline", env=env)  # reads the shipped data
    assert baseline.returncode == 0 and "Tariffs" in baseline.stdout, baseline.stderr
    entry = run(app, "desktop-entry", "install", env=env)
    assert entry.returncode == 0, entry.stderr
    desktop = (tmp_path / "data" / "applications" / "cc-monitor.desktop").read_text(encoding="utf-8")
    # The launcher is pipx's own copy, quoted because "pipx home" holds a space.
    assert f'Exec="{home / "venvs" / "cc-monitor" / "bin" / "cc-monitor"}"\n' in desktop
    # The app's Qt side loads in that environment too (offscreen: no display needed).
    python = home / "venvs" / "cc-monitor" / "bin" / "python"
    qt = run(python, "-c", "from ui.app import create_application; create_application()", env=env)
    assert qt.returncode == 0, qt.stderr
