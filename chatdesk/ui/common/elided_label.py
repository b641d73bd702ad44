"""A one-line label that elides its text to the room it is given instead of claiming the room
its whole text needs.

A plain QLabel's minimum width is its text's: in the status bar a long model name or reply
figures (longer in Chinese) pushed the window's minimum width up, and text drawn in less room
ran into its neighbours. This label keeps its full text (``text()``, the tooltip, the
accessible description) and draws as much as fits, with "…".
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_CHARS = 6  # the least it shrinks to, in average character widths


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(text, parent)
        self.mode = mode
        self._extra_tip = ""  # a tooltip set by the owner (e.g. the model's path)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._tip()

    def setText(self, text: str) -> None:  # type: ignore[override]  # a slot in the stub; same call here
        super().setText(text)
        self._tip()

    def clear(self) -> None:
        super().clear()
        self._tip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().averageCharWidth() * MIN_CHARS + self.contentsMargins().left() + self.contentsMargins().right()
        return QSize(min(hint.width(), narrow), hint.height())

    def shown_text(self) -> str:
        """What is drawn: the text, elided to the width it has."""
        return self.fontMetrics().elidedText(self.text(), self.mode, max(0, self.contentsRect().width()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._tip()

    def setToolTip(self, tip: str) -> None:  # type: ignore[override]  # the stub names the parameter differently
        self._extra_tip = tip
        self._tip()

    def _tip(self) -> None:
        elided = bool(self.text()) and self.shown_text() != self.text()
        parts = [self.text()] if elided else []
        if getattr(self, "_extra_tip", ""):
            parts.append(self._extra_tip)
        super().setToolTip("\n".join(parts))
        self.setAccessibleDescription(self.text())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self.shown_text(), self.foregroundRole())
        painter.end()
