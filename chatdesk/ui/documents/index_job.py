"""Indexing a collection on a thread of its own (``common.thread_job.ThreadJob``).

The index is opened on that thread (an SQLite connection stays with its thread); Cancel is the
job's ``threading.Event``, which the indexer checks between files and between embedding batches,
and what was indexed stays (the next run resumes). The embedding model (the one chosen in the
Documents window, else the built-in one) is found, and the built-in one converted the first
time, on that thread. ``progress`` carries the indexer's
``FileProgress``, ``succeeded`` its ``IndexReport``, ``failed`` the exception.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from chatdesk.ui.common.thread_job import ThreadJob


def index_job(collection: str, owner: QObject | None = None, embedding_model: str | None = None) -> ThreadJob:
    """``embedding_model``: a library id or GGUF path (the Documents window's choice); None the built-in one."""
    def work(progress: Callable[[Any], None], cancel: threading.Event) -> Any:
        from chatdesk import paths
        from chatdesk.documents import DocumentIndex, index_collection
        from chatdesk.engine.embedder import Embedder
        from chatdesk.library.embedding_default import embedding_model_id, embedding_model_path

        model = embedding_model_path(embedding_model or None)
        with Embedder(model) as embedder, DocumentIndex(paths.documents_index_path()) as index:
            return index_collection(index, collection, embedder=embedder, embed_model_id=embedding_model_id(model),
                                    progress=progress, cancel=cancel)

    return ThreadJob(work, owner=owner, name="chatdesk-index")
