"""`cc-monitor` with no command, where Qt's platform plugin could not load: one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys


def start_app(db_path, cwd, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(db_path)],
        capture_output=True, text=True, timeout=60, cwd=cwd, env={**os.environ, **env},
    )


def test_a_missing_xcb_library_is_named_in_one_line_with_exit_status_2(db_path, tmp_path):
    result = start_app(
        db_path, tmp_path,
        DISPLAY=":99",  # no X server there: the check must speak before Qt tries to connect
        QT_QPA_PLATFORM="xcb",
        CC_MONITOR_XCB_LIBRARIES="libc.so.6 libnothing-here.so.9",
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cc-monitor: error: the desktop app cannot start")
    assert "libnothing-here.so.9" in lines[0] and "libc.so.6" not in lines[0]
    assert not db_path.exists()  # nothing was created for an app that never opened
