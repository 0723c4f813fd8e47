"""One viewer per archive: a second launch on the same data dir brings the running window to
the front and exits, instead of opening a second writer on the same database and index.

The running viewer listens on a local socket (QLocalServer) whose name is derived from the
user and the data dir's resolved path, so two different archives can be open side by side.
A socket left behind by a viewer that crashed answers nobody: the next launch removes it and
takes over. Main thread only.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    """The local socket's name for this user and archive (short: socket paths are limited)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): the home folder will do
        user = str(Path.home())
    key = f"{user}\x00{Path(data_dir).expanduser().resolve()}"
    return "songngu-" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


class SingleInstance(QObject):
    """Emits activation_requested() when another launch on the same archive asked for the
    window."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """Ask a running viewer to come forward; True when one answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Serve this archive's name; False when the name is taken (see take_over)."""
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        return self.server.listen(self.name)

    def take_over(self) -> bool:
        """Replace a socket nobody answers on (left by a viewer that crashed)."""
        QLocalServer.removeServer(self.name)
        return self.listen()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            # Each socket stays the server's child until the server goes (one per later
            # launch, a few bytes): deleteLater on disconnected() crashed PySide6 6.11 at exit.
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activation_requested.emit()


def claim(data_dir: Path, parent: QObject | None = None) -> SingleInstance | None:
    """Become the archive's viewer, or None when another viewer has it (it was asked to come
    forward)."""
    instance = SingleInstance(data_dir, parent)
    if instance.notify_running():
        return None
    if instance.listen():
        return instance
    if instance.notify_running():  # another launch started listening a moment ago
        return None
    instance.take_over()
    return instance


def bring_to_front(window: QWidget) -> None:
    """Show a window that may be minimized or behind others, and give it the focus."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
