"""Edit a message: a real editor, not a one-line prompt.

The text wraps at the dialog's width, Tab moves the focus to the buttons (a message rarely needs a
tab character, and a keyboard user must be able to leave the field), Ctrl+Enter saves and Esc
cancels. The dialog remembers nothing: the caller decides what a saved edit does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class EditMessageDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editMessageDialog")
        self.setWindowTitle(self.tr("Edit message"))
        self.setAccessibleName(self.tr("Edit message"))
        self.resize(560, 320)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("editMessageText")
        self.editor.setAccessibleName(self.tr("Your message"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(text)
        label = QLabel(self.tr("&Your message:"), self)
        label.setBuddy(self.editor)
        hint = QLabel(self.tr("Ctrl+Enter saves and sends it again; Esc cancels."), self)
        hint.setObjectName("editMessageHint")
        hint.setAccessibleName(self.tr("Hint"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setAccessibleName(self.tr("Dialog buttons"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.installEventFilter(self)  # Ctrl+Enter inside the editor saves (a shortcut would lose to the editor)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.editor, 1)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.editor and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.editor.toPlainText()

    @classmethod
    def get_text(cls, parent: QWidget | None, text: str) -> tuple[str, bool]:
        """Show the dialog modally: (the edited text, whether the user saved)."""
        dlg = cls(text, parent)
        try:
            saved = dlg.exec() == QDialog.DialogCode.Accepted
            return dlg.text(), saved
        finally:
            dlg.deleteLater()
