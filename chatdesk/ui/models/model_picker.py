"""The model picker: which model of the library the current conversation talks to.

A conversation remembers its model by a *key* — a file path for a local GGUF, or
``"{base_url}#{model_id}"`` (``RemoteSource.key``) for a model on an OpenAI-compatible server —
so the picker, the conversation store and the worker all speak the same string. The picker only
shows and reports choices; loading is the window's job (``chatdesk/ui/shell/model_actions.py``), on the
inference thread, so choosing never blocks the GUI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from chatdesk.library.resolve import entry_key, key_label, same_model
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:  # the library loads on the thread pool, after the window shows
    from chatdesk.library import ModelEntry

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelPicker", text)


class ModelPicker(QComboBox):
    """A combo box of library models; ``model_chosen(key)`` when the user picks another one."""

    model_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setAccessibleName(_tr("Model for this conversation"))
        self.setToolTip(_tr("The model this conversation talks to. Choosing another one loads it in the background."))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(18)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._entries: list[ModelEntry] = []
        self._current: str | None = None  # the key shown as in use
        self._requested: str | None = None  # the last key chosen whose load has not ended yet
        self.activated.connect(self._on_activated)

    # ------------------------------------------------------------------ content
    def set_entries(self, entries: list[ModelEntry]) -> None:
        """Show these library entries (unusable ones greyed out, with the reason as a tooltip)."""
        self._entries = [e for e in entries if entry_key(e)]
        self._rebuild()

    def entries(self) -> list[ModelEntry]:
        return list(self._entries)

    def show_current(self, key: str | None) -> None:
        """Mark ``key`` as the model in use (a load ended); a model outside the library gets its own item."""
        self._current = key
        self._requested = None
        self._rebuild()

    def current_key(self) -> str | None:
        return self._current

    def model_keys(self) -> list[str]:
        return [self._items.item(i).data(KEY_ROLE) for i in range(self._items.rowCount())]

    def _rebuild(self) -> None:
        self.blockSignals(True)
        try:
            self._items.clear()
            selected = -1
            for entry in self._entries:
                key = entry_key(entry)
                assert key is not None
                label = entry.name
                if entry.is_remote:
                    label = _tr("{name} (remote)").format(name=entry.name)
                item = QStandardItem(label)
                item.setData(key, KEY_ROLE)
                item.setData(entry.id, ID_ROLE)
                item.setData(label, Qt.ItemDataRole.AccessibleTextRole)
                if not entry.usable:
                    item.setEnabled(False)
                    item.setToolTip(localized(entry.problem) if entry.problem else _tr("Its file is missing."))
                else:
                    item.setToolTip(entry.remote_url if entry.is_remote else (entry.path or ""))
                self._items.appendRow(item)
                if selected < 0 and same_model(key, self._current):
                    selected = self._items.rowCount() - 1
            if selected < 0 and self._current:
                item = QStandardItem(_tr("{name} (not in the library)").format(name=key_label(self._current)))
                item.setData(self._current, KEY_ROLE)
                item.setToolTip(self._current)
                self._items.appendRow(item)
                selected = self._items.rowCount() - 1
            self.setCurrentIndex(selected)
        finally:
            self.blockSignals(False)

    # ------------------------------------------------------------------ user choice
    def choose(self, key: str) -> bool:
        """Pick ``key`` as if the user had chosen it (keyboard users and tests). False if not listed."""
        for i in range(self._items.rowCount()):
            item = self._items.item(i)
            if item.data(KEY_ROLE) == key and item.isEnabled():
                self.setCurrentIndex(i)
                self._on_activated(i)
                return True
        return False

    def _on_activated(self, index: int) -> None:
        item = self._items.item(index) if index >= 0 else None
        key = item.data(KEY_ROLE) if item is not None else None
        # Compared with the last choice still loading, so picking the model in use again while
        # another one loads switches back instead of being ignored.
        if not key or same_model(key, self._requested or self._current):
            return
        self._requested = key
        self.model_chosen.emit(key)
