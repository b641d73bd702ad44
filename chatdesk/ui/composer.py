"""The message box at the bottom: Enter sends, Shift+Enter inserts a newline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget


class MessageEdit(QPlainTextEdit):
    submitted = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    send_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = MessageEdit(self)
        self.edit.setObjectName("composerEdit")
        self.edit.setPlaceholderText("Message the model — Enter to send, Shift+Enter for a new line")
        self.edit.setFixedHeight(80)
        self.send_button = QPushButton("Send", self)
        self.send_button.setObjectName("sendButton")
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setVisible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 8)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.send_button)
        lay.addWidget(self.stop_button)
        self.edit.submitted.connect(self._submit)
        self.edit.escape_pressed.connect(self.stop_requested)
        self.send_button.clicked.connect(self._submit)
        self.stop_button.clicked.connect(self.stop_requested)
        self._busy = False
        self._ready = False
        self._refresh()

    def _submit(self) -> None:
        text = self.edit.toPlainText()
        if self._busy or not self._ready or not text.strip():
            return
        self.edit.clear()
        self.send_requested.emit(text)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    def set_ready(self, ready: bool) -> None:
        """Whether a model is loaded and messages can be sent."""
        self._ready = ready
        self._refresh()

    def _refresh(self) -> None:
        self.send_button.setVisible(not self._busy)
        self.stop_button.setVisible(self._busy)
        self.send_button.setEnabled(self._ready)
