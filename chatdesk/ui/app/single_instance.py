"""One ChatDesk window per data folder.

Two windows on one database would each believe they own it: the second one, as it starts, marks
the first one's streaming reply as "interrupted" (it looks like a crash from outside), and both
would write the same conversations. So the first start takes a lock file in the data folder and
listens on a local socket named after the folder; a second start finds the lock, asks the first
window to come to the front, and exits. A lock left by a crashed ChatDesk is stale (its process is
gone) and is taken over.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "chatdesk.lock"
MESSAGE = b"activate\n"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # never stale by age; only when its process is gone
        digest = hashlib.sha256(str(self.data_dir.resolve()).encode()).hexdigest()[:20]
        self.server_name = f"chatdesk-{digest}"
        self._server: QLocalServer | None = None
        self._pending = False  # a request that arrived before the window was there to answer it
        self._receivers = 0

    def acquire(self) -> bool:
        """Become the data folder's one instance; False if another live ChatDesk holds it."""
        if not self._lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.server_name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            log.warning("single-instance socket unavailable: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def holder(self) -> str:
        """Who holds the lock, in words (for the message when it does not answer)."""
        ok, pid, host, app = self._lock.getLockInfo()
        return self.tr("process {pid} on {host}").format(pid=pid, host=host) if ok else self.tr("another program")

    def ask_first_to_show(self, timeout_ms: int = 3000) -> bool:
        """Ask the running instance to bring its window forward; True if it answered."""
        sock = QLocalSocket()
        sock.connectToServer(self.server_name)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(MESSAGE)
        ok = sock.waitForBytesWritten(timeout_ms) and sock.waitForReadyRead(timeout_ms) and sock.readAll().data() == b"ok\n"
        sock.disconnectFromServer()
        return bool(ok)

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def connect_activation(self, slot) -> None:
        """Connect the window; a request that came in while it was still being built is replayed.

        The socket listens from the moment the lock is taken, and startup may process events before
        the window exists, so a second start can be answered before anyone listens to the signal.
        """
        self.activation_requested.connect(slot)
        self._receivers += 1
        if self._pending:
            self._pending = False
            slot()

    def _read(self, conn: QLocalSocket) -> None:
        if conn.readAll().data().startswith(MESSAGE.strip()):
            if self._receivers:
                self.activation_requested.emit()  # the window comes forward before the second start hears back
            else:
                self._pending = True
            conn.write(b"ok\n")
            conn.flush()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
