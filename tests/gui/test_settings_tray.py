"""The tray setting says why it cannot be used on a desktop without a system tray."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon

from tests.gui.test_dialogs import settings_dialog
from ui.dialogs.settings import TRAY_MISSING


def test_the_tray_setting_is_disabled_with_a_reason_where_there_is_no_tray(qtbot, make_context):
    dialog = settings_dialog(qtbot, make_context)
    available = QSystemTrayIcon.isSystemTrayAvailable()
    assert dialog.tray.isEnabled() == available
    assert (dialog.tray.toolTip() == TRAY_MISSING) != available
