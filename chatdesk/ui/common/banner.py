"""A dismissable message strip above the conversation for errors and notices.

Errors are shown here in words, never as traceback dialogs; they are also logged to stderr.
Its colours come from the application palette (``appearance.message_css``) and follow a theme
switch while it is shown.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from chatdesk.ui.app.appearance import message_css


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(self.tr("Message"))
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("No message"))  # the message itself once shown
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("bannerAction")
        self.action_button.setAccessibleName(self.tr("Message action"))  # the action's own word once set
        self.action_button.hide()
        self._action_slot = None
        self.action_button.clicked.connect(self._run_action)
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("bannerClose")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action_button)
        lay.addWidget(self.close_button)
        self.kind = ""
        self.topic = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error", topic: str = "") -> None:
        """Show ``text``; ``topic`` names what it is about, so that the code which showed it can take
        it away again (``clear(topic)``) without comparing words, which differ by language."""
        self.kind = kind
        self.topic = topic
        self._restyle()
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
        if kind == "error":
            print(f"ChatDesk: {text}", file=sys.stderr, flush=True)

    def _restyle(self) -> None:
        if not self.kind:
            return
        sheet = f"#{self.objectName()} {{{message_css(self.kind)}}}"
        if sheet != self.styleSheet():  # polishing changes the palette: never loop on it
            self.setStyleSheet(sheet)

    def event(self, event: QEvent) -> bool:
        """A theme switch (the application's palette changed): take the new theme's colours."""
        handled = super().event(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
        return handled

    def clear(self, topic: str) -> None:
        """Hide the message if it is still the one shown about ``topic``."""
        if not self.isHidden() and self.topic == topic:
            self.hide()

    def set_action(self, text, slot) -> None:  # type: ignore[no-untyped-def]
        """An optional button (e.g. Undo); ``None`` removes it."""
        self._action_slot = slot
        self.action_button.setVisible(bool(text))
        if text:
            self.action_button.setText(text)
            self.action_button.setAccessibleName(text.replace("&", ""))

    def _run_action(self) -> None:
        slot = self._action_slot
        self.set_action(None, None)
        if slot is not None:
            slot()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
