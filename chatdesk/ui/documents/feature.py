"""The documents feature: File → Documents… (collections and indexing).

Each chat turns its collections on in the chat settings panel; the reply is then grounded in
them by the conversation's controller (``chat.doc_grounding`` on the worker thread). The
feature owns the window's ``IndexRunner``: indexing goes on when the panel closes, and a
collection left unfinished (Cancel, a crash, a quit) resumes by itself a few seconds after the
next start, once the window has drawn and its model has begun loading.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.context import AppContext
from chatdesk.ui.documents.panel import DocumentsPanel, with_index
from chatdesk.ui.documents.runner import IndexRunner

RESUME_DELAY_MS = 4000  # after start-up: the window first draws and the chat model loads


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsFeature", text)


class DocumentsFeature(QObject):
    collections_changed = Signal(list)  # the collections' names, after any change (and once at start)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("documentsFeature")
        self.window = window
        self.panel: DocumentsPanel | None = None
        self.ctx = ctx
        self.runner = IndexRunner(self, embedding_model=lambda: ctx.settings().embedding_model)
        self._pending_download: str | None = None  # a suggested multilingual model being downloaded
        ctx.session.library_changed.connect(self._library_changed)
        self.runner.finished.connect(self._resumed_done)
        self.runner.failed.connect(self._resume_failed)
        self._resuming: set[str] = set()
        ctx.actions.add("documents.panel", _tr("Documen&ts…"), self.show, object_name="documents",
                        tooltip=_tr("Collections of your files that chats can search and cite"))
        run_in_background(lambda: with_index(lambda index: index.collection_names()), self.collections_changed.emit,
                          lambda _exc: None, owner=self)  # an unreadable index is said when the panel opens
        QTimer.singleShot(RESUME_DELAY_MS, self, self.resume_unfinished)

    def show(self) -> DocumentsPanel:
        if self.panel is None:
            self.panel = DocumentsPanel(self.window, runner=self.runner, ctx=self.ctx)
            assert self.panel.model_choice is not None
            self.panel.model_choice.changed.connect(self._model_changed)
            self.panel.model_choice.download_requested.connect(self.download_embedding_model)
            self.panel.destroyed.connect(self._forget)
            self.panel.collections_changed.connect(self.collections_changed)
        else:
            self.panel.refresh()  # indexing in the background, or another process, may have changed it
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel

    def _forget(self, _obj: object = None) -> None:
        self.panel = None

    # ------------------------------------------------------------------ the search model
    def download_embedding_model(self, repo_id: str, filename: str) -> None:
        """Download a suggested multilingual model (the models feature's resumable download); once
        it is in the library, document search uses it."""
        self._pending_download = filename
        self.ctx.requests.download_model.emit(repo_id, filename)

    def _library_changed(self, entries: list[Any]) -> None:  # ModelEntry
        if self._pending_download is None:
            return
        for e in entries:
            if getattr(e, "is_embedding", False) and getattr(e, "repo_filename", None) == self._pending_download:
                self._pending_download = None
                if self.panel is not None and self.panel.model_choice is not None:
                    self.panel.model_choice.choose(e.id)
                else:
                    self.ctx.save_settings(replace(self.ctx.settings(), embedding_model=e.id))
                    self._model_changed(e.id)
                return

    def _model_changed(self, key: str) -> None:
        """Vectors of two models do not mix: index every collection again with the new one (the
        passages are kept; only their vectors are made again). Until then search uses keywords."""
        def names(index: Any) -> list[str]:  # DocumentIndex
            return [n for n in index.collection_names() if index.roots(n)]

        def reindex(found: list[str]) -> None:
            for name in found:
                self.runner.start(name)
            if found:
                self.ctx.requests.show_message.emit(_tr("Document search now uses another model; indexing your "
                                                        "collections again (File → Documents… shows it)."), "info")

        run_in_background(lambda: with_index(names), reindex, lambda _exc: None, owner=self)

    # ------------------------------------------------------------------ resuming at start-up
    def resume_unfinished(self) -> None:
        """Index again, in the background, every collection whose last run did not finish and
        that has files or folders (an empty new collection waits for its first Index now)."""
        def unfinished(index: Any) -> list[str]:  # DocumentIndex
            return [name for name in index.unfinished() if index.roots(name)]

        run_in_background(lambda: with_index(unfinished), self._resume, lambda _exc: None, owner=self)

    def _resume(self, names: list[str]) -> None:
        for name in names:
            self._resuming.add(name)
            self.runner.start(name)
        if names:
            self.ctx.requests.show_message.emit(
                _tr("Resuming the indexing of {names} (File → Documents… shows it and can cancel).").format(
                    names=", ".join(f"“{n}”" for n in names)), "info")

    def _resumed_done(self, name: str, report: object) -> None:
        if name in self._resuming:
            self._resuming.discard(name)
            if not getattr(report, "cancelled", False):
                self.ctx.requests.show_message.emit(_tr("Finished indexing “{name}”.").format(name=name), "info")

    def _resume_failed(self, name: str, exc: BaseException) -> None:
        if name in self._resuming:
            self._resuming.discard(name)
            self.ctx.requests.show_message.emit(_tr("Indexing “{name}” stopped: {problem}").format(
                name=name, problem=localized(exc)), "error")

    def shutdown(self) -> None:
        """The window closes: stop indexing after the current file; the next start resumes."""
        self.runner.shutdown()
