"""One app per database: a second start hands over to the first, which comes to the front.

The first instance listens on a local socket named from the database path's hash; a
later start for the same file connects, says so, and exits. Another database is another
name, so two databases can be open side by side.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from monitor import APP_NAME

CONNECT_TIMEOUT_MS = 1000
MESSAGE = b"raise\n"


def server_name(db_path: Path) -> str:
    """The socket's name: per user and per database file, however the path was spelt."""
    digest = hashlib.sha256(str(Path(db_path).expanduser().resolve()).encode()).hexdigest()[:20]
    return f"{APP_NAME}-{os.getuid()}-{digest}"


class SingleInstance(QObject):
    """Signals:
    activation_requested: another start for the same database asked this one to show itself.
    """

    activation_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this is the first instance (it now listens); False when another one answered."""
        if self._tell_running_instance():
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by an instance that crashed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # no socket to share: run alone rather than refuse to start
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _tell_running_instance(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        told = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return told

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The sender says so at once and hangs up: wait for its few bytes here, off any signal.
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                told = bytes(socket.readAll().data()).startswith(MESSAGE.strip())
            else:
                told = False
            socket.abort()
            socket.deleteLater()
            if told:
                self.activation_requested.emit()


def bring_to_front(window: QWidget) -> None:
    """Show the window (from the tray or minimised) and ask the window manager to focus it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
