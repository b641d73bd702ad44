"""Changes made outside this window show up in it: ``chatdesk ask``, ``chatdesk models add``, a
download finished by the command line, another program writing the same data folder.

Two cheap checks, neither on the GUI thread's time: every ``POLL_MS`` the conversations' signature
(count, newest activity, newest message) is read on the thread pool, and a change refreshes the
sidebar; the model library file is watched (its folder, since it is replaced atomically) and a
change re-reads the library for the picker. The window's own changes trigger them too, which only
repeats a refresh the window was making anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from chatdesk import paths
from chatdesk.ui.common.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow

POLL_MS = 2000


class ExternalChanges(QObject):
    def __init__(self, window: MainWindow, refresh_library: Any) -> None:
        super().__init__(window)
        self.window = window
        self._refresh_library = refresh_library
        self._signature: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._library_file = paths.data_dir() / "library.json"
        self._library_mtime = self._mtime()
        self._watcher = QFileSystemWatcher(self)
        if paths.data_dir().is_dir():
            self._watcher.addPath(str(paths.data_dir()))
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._library_maybe_changed)
        self.check()  # the signature of what the window is about to show

    def _mtime(self) -> float:
        try:
            return self._library_file.stat().st_mtime
        except OSError:
            return 0.0

    def check(self) -> None:
        """Read the conversations' signature off the GUI thread; refresh the sidebar when it moved."""
        store = self.window.store
        run_in_background(store.conversations_signature, self._compare, lambda _e: None, owner=self, key="signature")

    def _compare(self, signature: Any) -> None:
        if self._signature is not None and signature != self._signature:
            self.window.refresh_sidebar()
        self._signature = signature

    def _folder_changed(self, _path: str) -> None:
        self._debounce.start()

    def _library_maybe_changed(self) -> None:
        mtime = self._mtime()
        if mtime != self._library_mtime:
            self._library_mtime = mtime
            self._refresh_library()
