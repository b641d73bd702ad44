"""The documents feature: File → Documents… (collections and indexing).

Each chat turns its collections on in the chat settings panel; the reply is then grounded in
them by the conversation's controller (``chat.doc_grounding`` on the worker thread).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.context import AppContext
from chatdesk.ui.documents.panel import DocumentsPanel, with_index


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsFeature", text)


class DocumentsFeature(QObject):
    collections_changed = Signal(list)  # the collections' names, after any change (and once at start)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("documentsFeature")
        self.window = window
        self.panel: DocumentsPanel | None = None
        ctx.actions.add("documents.panel", _tr("Documen&ts…"), self.show, object_name="documents",
                        tooltip=_tr("Collections of your files that chats can search and cite"))
        run_in_background(lambda: with_index(lambda index: index.collection_names()), self.collections_changed.emit,
                          lambda _exc: None, owner=self)  # an unreadable index is said when the panel opens

    def show(self) -> DocumentsPanel:
        if self.panel is None:
            self.panel = DocumentsPanel(self.window)
            self.panel.destroyed.connect(self._forget)
            self.panel.collections_changed.connect(self.collections_changed)
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel

    def _forget(self, _obj: object = None) -> None:
        self.panel = None
