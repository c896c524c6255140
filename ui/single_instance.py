"""One window per data folder: a second start brings the first window forward.

Two windows on one file would both be "the door": two check-in lists that
disagree until refreshed, two undo buttons, two daily backups. So the window
holds a lock file in its data folder (QLockFile) for as long as it runs, and
listens on a local socket named after the folder. A second start on the same
folder finds the lock taken, asks the first window (through the socket) to
come to the front, says so, and ends. A lock left by a window that was
killed or lost its power is stale: QLockFile sees that its process is gone
and takes it over, so it never blocks a start.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kiosk.core.database import prepare_private_folder
from kiosk.core.errors import KioskError

log = logging.getLogger(__name__)

LOCK_NAME = "window.lock"
COME_FORWARD = b"come-forward\n"
CONNECT_MS = 1000


def server_name(root: Path) -> str:
    """The local socket's name: the same for one folder however it is written."""
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return f"tsunagari-{digest}"


def already_open_text(lang: str) -> str:
    if lang == "en":
        return (
            "Tsunagari is already open on this computer (the same data folder). "
            "Its window has been brought to the front."
        )
    return "つながりはこのパソコンですでに開いています（同じデータフォルダ）。開いている画面を前に出しました。"


class SingleInstance(QObject):
    """The lock on a data folder, and the line a second start calls the first on."""

    come_forward_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.name = server_name(root)
        self.lock_file = QLockFile(str(root / LOCK_NAME))
        # Stale only when its process is gone, never because it is old: a
        # window stays open all day.
        self.lock_file.setStaleLockTime(0)
        self.listener: QLocalServer | None = None

    def acquire(self) -> bool:
        """True: this is the only window on the folder (it now listens). False: another has it."""
        try:
            prepare_private_folder(self.root)
        except KioskError:
            return True  # opening the database will say what is wrong with the folder
        if self.lock_file.tryLock(0):
            self._listen()
            return True
        if self.lock_file.error() == QLockFile.LockError.LockFailedError:
            return False
        # The folder is read-only or the lock cannot be written: that is for
        # opening the database to report; one window is only a convenience.
        log.warning("the window lock could not be taken (%s)", self.lock_file.error().name)
        return True

    def ask_first_to_come_forward(self) -> bool:
        """Tell the window that holds the lock to come to the front; False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(COME_FORWARD)
        sent = socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if self.lock_file.isLocked():
            self.lock_file.unlock()

    def _listen(self) -> None:
        # Holding the lock, any socket of that name was left by a window that
        # was killed (a Unix socket file outlives its process): remove it.
        QLocalServer.removeServer(self.name)
        listener = QLocalServer(self)
        listener.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not listener.listen(self.name):
            log.warning("a second start cannot call this window: %s", listener.errorString())
            return
        listener.newConnection.connect(self._take_calls)
        self.listener = listener

    def _take_calls(self) -> None:
        assert self.listener is not None
        while self.listener.hasPendingConnections():
            caller = self.listener.nextPendingConnection()
            caller.readyRead.connect(self._read_call)
            caller.disconnected.connect(caller.deleteLater)
            if caller.bytesAvailable():  # arrived with the connection
                self._answer(caller)

    def _read_call(self) -> None:
        caller = self.sender()
        if isinstance(caller, QLocalSocket):
            self._answer(caller)

    def _answer(self, caller: QLocalSocket) -> None:
        if COME_FORWARD.strip() in caller.readAll().data():
            self.come_forward_requested.emit()
