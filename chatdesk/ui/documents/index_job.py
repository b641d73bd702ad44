"""Indexing a collection on a thread of its own, reported as signals on the GUI thread.

Not the thread pool: indexing a folder takes minutes and would starve the window's searches and
exports (the pool has as many threads as cores). The index is opened on this thread (an SQLite
connection stays with its thread); Cancel is a ``threading.Event`` the indexer checks between
files and between embedding batches, and what was indexed stays (the next run resumes). The
embedding model is the built-in one, found (and converted, the first time) on this thread.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from chatdesk.ui.app.i18n import localized

_live: set[IndexJob] = set()


class IndexJob(QObject):
    progress = Signal(object)  # documents.indexer.FileProgress
    finished = Signal(object)  # documents.IndexReport
    failed = Signal(str)

    def __init__(self, collection: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.cancel_event = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chatdesk-index", daemon=True)

    def start(self) -> None:
        _live.add(self)
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
        from chatdesk import paths
        from chatdesk.documents import DocumentIndex, index_collection
        from chatdesk.engine.embedder import Embedder
        from chatdesk.library.embedding_default import embedding_model_id, embedding_model_path

        embedder: Any = None
        try:
            model = embedding_model_path()
            embedder = Embedder(model)
            with DocumentIndex(paths.documents_index_path()) as index:
                report = index_collection(index, self.collection, embedder=embedder, embed_model_id=embedding_model_id(model),
                                          progress=self.progress.emit, cancel=self.cancel_event)
        except Exception as exc:  # noqa: BLE001 - every failure is said in the window, nothing is lost
            self._emit(self.failed, localized(exc))
            return
        finally:
            if embedder is not None:
                embedder.close()
        self._emit(self.finished, report)

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed and the job's QObject went with it
            pass
        finally:
            _live.discard(self)
