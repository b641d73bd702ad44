"""The model picker: which model of the library the current conversation talks to.

A conversation remembers its model by a *key* — a file path for a local GGUF, or
``"{base_url}#{model_id}"`` (``RemoteSource.key``) for a model on an OpenAI-compatible server —
so the picker, the conversation store and the worker all speak the same string. The picker only
shows and reports choices; loading is the window's job (``chatdesk/ui/shell/model_actions.py``), on the
inference thread, so choosing never blocks the GUI.

Loading a model takes seconds and drops the one in use, so only a confirmed choice loads: a click
or Enter in the open list, or Enter (Space opens the list) on the closed picker. The arrow keys,
Page Up/Down, Home/End and the wheel on a closed picker only move the highlighted entry, as a
QComboBox would otherwise switch models on every key press; Esc or leaving the picker puts the
model in use back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel, QWheelEvent
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from chatdesk.library.resolve import entry_key, key_label, same_model
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:  # the library loads on the thread pool, after the window shows
    from chatdesk.library import ModelEntry

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Keys that move a closed QComboBox's current entry (and would make it emit ``activated``).
BROWSE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End,
               Qt.Key.Key_Left, Qt.Key.Key_Right)


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
        self.setAccessibleDescription(_tr("The arrow keys move through the models; Enter switches to the one shown."))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(18)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._entries: list[ModelEntry] = []
        self._current: str | None = None  # the key shown as in use
        self._requested: str | None = None  # the last key chosen whose load has not ended yet
        self._browsing = False  # a key or the wheel is moving the closed picker: not a choice
        self.activated.connect(self._on_activated)

    # ------------------------------------------------------------------ content
    def set_entries(self, entries: list[ModelEntry]) -> None:
        """Show these library entries (unusable ones greyed out, with the reason as a tooltip)."""
        self._entries = [e for e in entries if entry_key(e)]
        self._rebuild(keep_browsing=True)

    def entries(self) -> list[ModelEntry]:
        return list(self._entries)

    def show_current(self, key: str | None) -> None:
        """Mark ``key`` as the model in use (a load ended); a model outside the library gets its own item."""
        self._current = key
        self._requested = None
        self._rebuild(keep_browsing=True)

    def current_key(self) -> str | None:
        return self._current

    def model_keys(self) -> list[str]:
        return [self._items.item(i).data(KEY_ROLE) for i in range(self._items.rowCount())]

    def _rebuild(self, keep_browsing: bool = False) -> None:
        """List the entries again with the model in use selected. ``keep_browsing``: an entry the
        arrow keys moved to stays shown if it is still listed, so a library refresh or the end of
        a load does not snatch the highlight from someone browsing (it is still not a choice)."""
        browsed = self.currentData(KEY_ROLE) if keep_browsing and self.browsing() else None
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
            if browsed:
                selected = next((i for i in range(self._items.rowCount())
                                 if same_model(self._items.item(i).data(KEY_ROLE), browsed)), selected)
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

    def browsing(self) -> bool:
        """True while the entry shown is one the arrow keys moved to, not yet confirmed."""
        shown = self.currentData(KEY_ROLE)
        return bool(shown) and not same_model(shown, self._requested or self._current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in BROWSE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._browsing = True  # QComboBox moves and emits ``activated``: not a choice yet
            try:
                super().keyPressEvent(event)
            finally:
                self._browsing = False
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.browsing():
            self._on_activated(self.currentIndex())  # the user confirms the model shown
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.browsing():
            self._show_in_use()
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Esc while browsing belongs to the picker, not to a window shortcut that also uses it.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and self.browsing()):
            event.accept()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._browsing = True
        try:
            super().wheelEvent(event)
        finally:
            self._browsing = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.browsing():
            self._show_in_use()  # moved to but never confirmed: show the model in use again

    def _show_in_use(self) -> None:
        self._rebuild()
        if self._requested:
            for i in range(self._items.rowCount()):
                if same_model(self._items.item(i).data(KEY_ROLE), self._requested):
                    self.blockSignals(True)
                    self.setCurrentIndex(i)
                    self.blockSignals(False)
                    break

    def _on_activated(self, index: int) -> None:
        if self._browsing:
            return
        item = self._items.item(index) if index >= 0 else None
        key = item.data(KEY_ROLE) if item is not None else None
        # Compared with the last choice still loading, so picking the model in use again while
        # another one loads switches back instead of being ignored.
        if not key or same_model(key, self._requested or self._current):
            return
        self._requested = key
        self.model_chosen.emit(key)
