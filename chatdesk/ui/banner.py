"""A dismissable message strip above the conversation for errors and notices.

Errors are shown here in words, never as traceback dialogs; they are also logged to stderr.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLES = {
    "error": "background:#fde2e1; color:#611a15; border:1px solid #e0a3a0; border-radius:6px;",
    "info": "background:#e6f0fb; color:#0b3a66; border:1px solid #a9c7ea; border-radius:6px;",
}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("bannerAction")
        self.action_button.hide()
        self._action_slot = None
        self.action_button.clicked.connect(self._run_action)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action_button)
        lay.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        self.setStyleSheet(f"#{self.objectName()} {{{STYLES[kind]}}}")
        self.label.setText(text)
        self.show()
        if kind == "error":
            print(f"ChatDesk: {text}", file=sys.stderr, flush=True)

    def set_action(self, text, slot) -> None:  # type: ignore[no-untyped-def]
        """An optional button (e.g. Undo); ``None`` removes it."""
        self._action_slot = slot
        self.action_button.setVisible(bool(text))
        if text:
            self.action_button.setText(text)

    def _run_action(self) -> None:
        slot = self._action_slot
        self.set_action(None, None)
        if slot is not None:
            slot()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
