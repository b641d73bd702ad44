"""Long work on a thread of its own, reported as signals on the GUI thread (``ThreadJob``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

_live_jobs: set[ThreadJob] = set()  # running jobs are kept alive here; a job without a parent outlives its dialog


class ThreadJob(QObject):
    """Long work (a download, indexing a folder) on a thread of its own; results come back as
    signals on the GUI thread.

    ``work(on_progress, cancel_event)`` is a library call such as ``download_model`` or
    ``index_collection``. Not the thread pool: such work may take minutes or hours and would
    starve searches and exports of the pool's threads. The thread is a daemon: quitting ChatDesk
    mid-way leaves a partial download or a half-indexed collection, both resumed next time.
    """

    progress = Signal(object)  # what ``work`` reports (DownloadProgress, FileProgress …)
    succeeded = Signal(object)  # whatever ``work`` returned
    failed = Signal(object)  # the exception (DownloadCancelled on Cancel)

    def __init__(self, work: Callable[[Callable[[Any], None], threading.Event], Any], parent: QObject | None = None,
                 *, owner: QObject | None = None, name: str = "chatdesk-download") -> None:
        """With ``owner``, the job's signals stop reaching anyone once the owner is destroyed (the
        download itself goes on to its end or its Cancel), as ``run_in_background(owner=)`` does."""
        super().__init__(parent)
        self._work = work
        self.cancel_event = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.succeeded.connect(self._ended)
        self.failed.connect(self._ended)
        if owner is not None:
            owner.destroyed.connect(self._orphan)

    def start(self) -> None:
        _live_jobs.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work(self.progress.emit, self.cancel_event)
        except BaseException as exc:  # noqa: BLE001 - every failure is shown to the user
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)

    def _ended(self, _value: object) -> None:
        _live_jobs.discard(self)

    def _orphan(self, _obj: object = None) -> None:
        """The owner is gone: tell nobody any more, but still leave the live set when done."""
        for signal in (self.progress, self.succeeded, self.failed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):  # nothing was connected
                pass
        self.succeeded.connect(self._ended)
        self.failed.connect(self._ended)
