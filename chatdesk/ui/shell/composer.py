"""The message box at the bottom: Enter sends, Shift+Enter inserts a newline, Esc stops a reply,
Up in an empty box edits the last message.

Its text size follows the conversation's (View → Zoom, ``MainWindow``'s text scale)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget


class MessageEdit(QPlainTextEdit):
    submitted = Signal()
    escape_pressed = Signal()
    up_in_empty = Signal()  # Up in an empty box: edit the last message (as in many chat apps)

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
        if event.key() == Qt.Key.Key_Up and not event.modifiers() and not self.toPlainText():
            self.up_in_empty.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    send_requested = Signal(str)
    stop_requested = Signal()
    edit_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = MessageEdit(self)
        self.edit.setObjectName("composerEdit")
        self.edit.setPlaceholderText(self.tr("Message the model — Enter to send, Shift+Enter for a new line"))
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.setAccessibleDescription(self.tr("Enter sends the message, Shift+Enter starts a new line, Esc stops a reply."))
        self.edit.setTabChangesFocus(True)  # Tab leaves the box (Shift+Enter makes new lines)
        self.edit.setFixedHeight(80)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setAccessibleName(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the reply (Esc)"))
        self.stop_button.setVisible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 8)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.send_button)
        lay.addWidget(self.stop_button)
        self.edit.submitted.connect(self._submit)
        self.edit.escape_pressed.connect(self.stop_requested)
        self.edit.up_in_empty.connect(self.edit_last_requested)
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

    def set_text_height(self, line_height: int) -> None:
        """Room for about three lines of the box's font (it grows with the text size)."""
        self.edit.setFixedHeight(max(80, 3 * line_height + 24))
