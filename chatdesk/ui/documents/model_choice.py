"""Which embedding model document search uses: the built-in one or any in the library.

The built-in all-MiniLM-L6-v2 knows English; Chinese is then found by the keyword search alone.
This row lets the user pick a library embedding model instead and offers the multilingual ones
the library suggests (``library.hub.SUGGESTED_EMBEDDING_MODELS``: BGE-M3, multilingual-E5),
downloaded through the models feature's resumable download (``ctx.requests.download_model``).
The choice is a setting (``AppSettings.embedding_model``, a library id; "" the built-in one);
the feature re-indexes the collections when it changes, since vectors of two models do not mix.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from chatdesk.ui.common.context import AppContext


class EmbeddingModelChoice(QWidget):
    changed = Signal(str)  # the new setting: a library id, "" for the built-in model
    download_requested = Signal(str, str)  # Hub repo id, file name of a suggested multilingual model

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("embeddingModelChoice")
        self.ctx = ctx
        self.combo = QComboBox(self)
        self.combo.setObjectName("embeddingModel")
        self.combo.setAccessibleName(self.tr("Search model"))
        self.combo.setToolTip(self.tr("The embedding model that finds passages by meaning. Changing it indexes "
                                      "your collections again."))
        self.combo.activated.connect(self._activated)
        self.more = QToolButton(self)
        self.more.setObjectName("multilingualModels")
        self.more.setText(self.tr("Multilingual models…"))
        self.more.setToolTip(self.tr("Embedding models that find Chinese and English passages by meaning "
                                     "(downloaded from Hugging Face)"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        from chatdesk.library import SUGGESTED_EMBEDDING_MODELS

        for s in SUGGESTED_EMBEDDING_MODELS:
            # notes: chatdesk/ui/app/i18n_markers.py
            act = menu.addAction(f"{s.label} — {self._tr_note(s.note)}")
            act.setToolTip(f"{s.repo_id}/{s.filename}")
            act.triggered.connect(lambda _=False, s=s: self.download_requested.emit(s.repo_id, s.filename))
        self.more.setMenu(menu)
        self.hint = QLabel(self)
        self.hint.setObjectName("embeddingHint")
        self.hint.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Search model:"), self)
        label.setBuddy(self.combo)
        lay.addWidget(label)
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.more)
        ctx.session.library_changed.connect(self.set_entries)
        self.set_entries(ctx.session.library)

    @staticmethod
    def _tr_note(note: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("DownloadDialog", note)

    def set_entries(self, entries: list[Any]) -> None:
        """The combo lists the built-in model and every usable library embedding model."""
        from chatdesk.library.embedding_default import DISPLAY_NAME

        current = self.ctx.settings().embedding_model
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(self.tr("Built-in: all-MiniLM-L6-v2 (English)"), "")
            for e in entries:
                if getattr(e, "is_embedding", False) and getattr(e, "usable", True) and e.name != DISPLAY_NAME:
                    self.combo.addItem(e.name, e.id)
            at = self.combo.findData(current)
            self.combo.setCurrentIndex(max(at, 0))
        self._say()

    def choose(self, key: str) -> None:
        """Use ``key`` (a library id, "" the built-in model) for document search, and say so."""
        if key == self.ctx.settings().embedding_model:
            return
        self.ctx.save_settings(replace(self.ctx.settings(), embedding_model=key))
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(self.combo.findData(key), 0))
        self._say()
        self.changed.emit(key)

    def _activated(self, row: int) -> None:
        self.choose(str(self.combo.itemData(row) or ""))

    def _say(self) -> None:
        if self.combo.currentData():
            self.hint.setText("")
        else:
            self.hint.setText(self.tr("The built-in model finds English passages by meaning; Chinese ones are found "
                                      "by their words. A multilingual model finds both by meaning."))
