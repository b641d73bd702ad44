"""Who indexes collections: one ``IndexRunner`` per window, outliving the Documents panel.

Why not the panel: indexing a folder takes minutes, and a collection whose run was cancelled,
interrupted by a crash or a quit, or never started must go on by itself at the next start
(``resume_unfinished``), with no panel open. The runner indexes one collection at a time (they
share the embedding model and the CPU) and queues the others; the panel only shows its signals
and asks it to start or cancel. Closing the panel leaves indexing running, as a download goes on
when its dialog closes; closing the window cancels it (what was indexed stays, the next start
resumes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from chatdesk.ui.common.thread_job import ThreadJob
from chatdesk.ui.documents.index_job import index_job


class IndexRunner(QObject):
    started = Signal(str)  # the collection now being indexed
    progressed = Signal(object)  # the indexer's FileProgress
    finished = Signal(str, object)  # collection, IndexReport (``cancelled`` set after Cancel)
    failed = Signal(str, object)  # collection, the exception

    def __init__(self, parent: QObject | None = None, embedding_model: Callable[[], str] = lambda: "") -> None:
        """``embedding_model`` says, when a run starts, which model to embed with ("" the built-in one)."""
        super().__init__(parent)
        self.embedding_model = embedding_model
        self.job: ThreadJob | None = None
        self.current: str | None = None
        self.waiting: list[str] = []

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, collection: str) -> None:
        """Index ``collection`` now, or after the run in progress (once; asking again is a no-op)."""
        if collection == self.current or collection in self.waiting:
            return
        self.waiting.append(collection)
        self._next()

    def cancel(self) -> None:
        """Stop after the current file; the waiting collections are dropped (the next start resumes them)."""
        self.waiting.clear()
        if self.job is not None:
            self.job.cancel()

    def _next(self) -> None:
        if self.job is not None or not self.waiting:
            return
        name = self.waiting.pop(0)
        # No parent: the job lives in ThreadJob's live set while its thread runs; ``owner`` stops
        # its signals once this runner (and its window) is gone.
        job = index_job(name, owner=self, embedding_model=self.embedding_model() or None)
        job.progress.connect(self.progressed)
        job.succeeded.connect(lambda report, n=name: self._ended(n, report, None))
        job.failed.connect(lambda exc, n=name: self._ended(n, None, exc))
        self.job, self.current = job, name
        self.started.emit(name)
        job.start()

    def _ended(self, name: str, report: Any, exc: BaseException | None) -> None:
        self.job, self.current = None, None
        if exc is None:
            self.finished.emit(name, report)
        else:
            self.failed.emit(name, exc)
        self._next()

    def shutdown(self) -> None:
        """The window closes: cancel, and let the thread end by itself (a daemon thread)."""
        self.cancel()
