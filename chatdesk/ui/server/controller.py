"""The running server as the window sees it: one ``LocalServer`` and Qt signals about it.

``chatdesk.server`` is Qt-free and reports from its own threads (the uvicorn thread, the model
workers). This object turns those reports into signals on the GUI thread, starts and stops the
server off the GUI thread (binding a port and stopping requests can take seconds), and keeps the
panel's view of the queue fresh at most ``REFRESH_MS`` apart however many tokens stream.
"""

from __future__ import annotations

import errno
import socket
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from chatdesk.engine.sharing import EngineShare
from chatdesk.server import LocalServer, ServerConfigError, ServerSettings, load_server_settings, save_server_settings
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

REFRESH_MS = 250
STOP_TIMEOUT_S = 5.0

OFF, STARTING, ON, STOPPING = "off", "starting", "on", "stopping"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerController", text)


def _check_port(host: str, port: int) -> None:
    """Raise OSError(EADDRINUSE) when another program holds the port (uvicorn only logs it)."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        probe.bind((host.strip("[]"), port))


class ServerController(QObject):
    state_changed = Signal(str, str)  # state, base URL ("" unless on)
    requests_changed = Signal(list)  # list[RequestInfo]
    log_line = Signal(str)
    failed = Signal(str)  # a sentence for the user
    _queue_poked = Signal()  # from any thread: the queue changed

    def __init__(self, parent: QObject | None = None, share: EngineShare | None = None) -> None:
        super().__init__(parent)
        self._share = share  # the window's loaded model, served without a second copy
        self.settings: ServerSettings = load_server_settings()
        self.server: LocalServer | None = None
        self.state = OFF
        self.url = ""
        self._unsubscribe: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._publish_requests)
        self._queue_poked.connect(self._schedule)  # queued: the emitter may be any thread

    # ------------------------------------------------------------------ settings
    def set_settings(self, settings: ServerSettings) -> None:
        """Keep (and save, without the key) the settings the next start uses."""
        self.settings = settings
        try:
            save_server_settings(settings)
        except OSError as exc:
            self.failed.emit(_tr("The server settings could not be saved: {error}").format(error=exc.strerror or localized(exc)))

    # ------------------------------------------------------------------ on / off
    def start(self, api_key: str | None = None) -> None:
        if self.state != OFF:
            return
        settings = replace(self.settings, api_key=api_key)
        try:
            server = LocalServer(settings, share=self._share)
        except ServerConfigError as exc:
            self.failed.emit(localized(exc))
            return
        self.server = server
        server.state.on_log = self.log_line.emit  # a signal: safe from the server's threads
        self._unsubscribe = server.queue.subscribe(self._queue_poked.emit)
        self._set_state(STARTING)

        def start() -> str:
            _check_port(settings.host, settings.port)
            return server.start()

        run_in_background(start, self._started, self._start_failed, owner=self)

    def _started(self, url: str) -> None:
        self.url = str(url)
        self._set_state(ON)

    def _start_failed(self, exc: BaseException) -> None:
        self._forget()
        if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
            text = _tr("Port {port} is in use by another program; choose another port.").format(port=self.settings.port)
        else:
            text = _tr("The server could not start: {error}").format(error=localized(exc))
        self.failed.emit(text)
        self._set_state(OFF)

    def stop(self) -> None:
        """Stop serving: requests in flight end as stopped, then the port closes (off the GUI thread)."""
        server = self.server
        if server is None or self.state in (OFF, STOPPING):
            return
        self._set_state(STOPPING)
        run_in_background(lambda: server.stop(STOP_TIMEOUT_S), lambda _r: self._stopped(), lambda _e: self._stopped(),
                          owner=self)

    def _stopped(self) -> None:
        self._forget()
        self._set_state(OFF)

    def shutdown(self) -> None:
        """The window closes: stop now, waiting briefly (nothing half-written: requests end as stopped)."""
        server = self.server
        if server is None:
            return
        self._forget()
        try:
            server.stop(STOP_TIMEOUT_S)
        except Exception:  # noqa: BLE001 - closing anyway; the port is released with the process
            pass

    def _forget(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self.server is not None:
            self.server.state.on_log = None
        self.server = None
        self.url = ""

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state, self.url if state == ON else "")
        self._publish_requests()

    # ------------------------------------------------------------------ the queue
    def cancel(self, request_id: str) -> bool:
        return self.server.queue.cancel(request_id) if self.server is not None else False

    def requests(self) -> list[Any]:
        return self.server.queue.requests() if self.server is not None else []

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _publish_requests(self) -> None:
        self.requests_changed.emit(self.requests())
