"""The message box at the bottom: Enter sends, Shift+Enter inserts a newline, Esc stops a reply,
Up in an empty box edits the last message. Files can be attached with the paperclip or dropped
onto the box (or the conversation): they travel with the next message, listed above the box with
a way to take each one off again. Send, Stop and Attach are icon buttons (``chatdesk.ui.common.icons``)
that keep their words as tooltip, accessible name and text for screen readers.

Its text size follows the conversation's (View → Zoom, ``MainWindow``'s text scale)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from chatdesk.ui.common import spacing
from chatdesk.ui.common.icons import set_icon


def icon_button(parent: QWidget, name: str, icon_id: str, text: str, tip: str) -> QToolButton:
    """A composer button that shows its icon; its words stay as text (read by screen readers),
    accessible name and tooltip. Tab reaches it and Space presses it, like the push button it replaces."""
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    set_icon(button, icon_id, QSize(20, 20))
    return button


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
    send_requested = Signal(str)  # the text; ``take_attachments()`` then gives the files sent with it
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
        self.send_button = icon_button(self, "sendButton", "send", self.tr("Send"), self.tr("Send the message (Enter)"))
        self.stop_button = icon_button(self, "stopButton", "stop", self.tr("Stop"), self.tr("Stop the reply (Esc)"))
        self.stop_button.setVisible(False)
        self.attach_button = icon_button(self, "attachButton", "attach", self.tr("Attach files"), self.tr(
            "Attach files to the message (or drop them here): text, Markdown, HTML, PDF, DOCX, source code"))
        self.attach_button.setAutoRaise(True)
        self.attach_button.clicked.connect(self._choose_files)
        self.attached = QLabel(self)
        self.attached.setObjectName("attachedFiles")
        self.attached.setAccessibleName(self.tr("Attached files"))
        self.attached.setTextFormat(Qt.TextFormat.RichText)
        self.attached.setWordWrap(True)
        self.attached.linkActivated.connect(self._remove_link)
        self.attached.hide()
        self._attachments: list[str] = []
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(spacing.S, spacing.XS, spacing.S, spacing.S)
        outer.setSpacing(spacing.XS)
        outer.addWidget(self.attached)
        lay = QHBoxLayout()
        lay.setSpacing(spacing.XS)
        outer.addLayout(lay)
        lay.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignBottom)
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

    # ------------------------------------------------------------------ attachments
    def attachments(self) -> list[str]:
        return list(self._attachments)

    def add_attachments(self, paths: list[str]) -> None:
        for p in paths:
            if p and p not in self._attachments and Path(p).is_file():
                self._attachments.append(p)
        self._show_attachments()

    def take_attachments(self) -> list[str]:
        """The files to send with the message just submitted (the list empties)."""
        taken, self._attachments = self._attachments, []
        self._show_attachments()
        return taken

    def _show_attachments(self) -> None:
        if not self._attachments:
            self.attached.hide()
            return
        chips = " ".join(f'📄 {html.escape(Path(p).name)} <a href="remove:{i}">✕</a>' for i, p in enumerate(self._attachments))
        self.attached.setText(self.tr("Attached: {files}").format(files=chips))
        self.attached.show()

    def _remove_link(self, href: str) -> None:
        index = href.removeprefix("remove:")
        if index.isdigit() and int(index) < len(self._attachments):
            del self._attachments[int(index)]
            self._show_attachments()

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "", self.tr(
            "Documents (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;All files (*)"))
        self.add_attachments(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_attachments([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

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
