"""What a new chat shows before its first message: a line saying what to do and a few suggestions.

A click on a suggestion (or Enter/Space on it) emits ``chosen(text)``; the shell puts the text in
the message box, where the user can change it before sending; nothing is sent by itself. The
suggestions are short tasks that even the bundled 135M English model answers sensibly (a simple
explanation, a list of tips, a small function, names; a poem made it loop); they are translated
with the interface, so a Chinese window offers Chinese prompts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from chatdesk.ui.common import spacing
from chatdesk.ui.common.icons import set_icon

SUGGESTIONS = (
    QT_TRANSLATE_NOOP("EmptyState", "Explain in simple words what a computer's memory does."),
    QT_TRANSLATE_NOOP("EmptyState", "Give me three tips for a good night's sleep."),
    QT_TRANSLATE_NOOP("EmptyState", "Write a Python function that adds two numbers."),
    QT_TRANSLATE_NOOP("EmptyState", "Suggest three names for a friendly robot."),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmptyState", text)


def suggestions() -> list[str]:
    """The suggestions in the interface's language."""
    return [_tr(s) for s in SUGGESTIONS]


class EmptyState(QWidget):
    """The heading and the suggestion buttons, laid over the chat view's empty viewport."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName(_tr("Start a chat"))
        self.heading = QLabel(_tr("What shall we talk about?"), self)
        self.heading.setObjectName("emptyStateHeading")
        self.heading.setAccessibleName(self.heading.text())
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(_tr("Type a message below, or start from one of these:"), self)
        self.hint.setObjectName("emptyStateHint")
        self.hint.setAccessibleName(self.hint.text())
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        spacing.grid(lay, spacing.L, spacing.S)
        lay.addStretch(1)
        lay.addWidget(self.heading)
        lay.addWidget(self.hint)
        lay.addSpacing(spacing.S)
        column = QWidget(self)  # one column as wide as the widest suggestion, centred
        column.setMaximumWidth(spacing.READING_WIDTH * 3 // 4)
        cards = QVBoxLayout(column)
        spacing.grid(cards, 0, spacing.S)
        self.buttons: list[QPushButton] = []
        for i, text in enumerate(suggestions()):  # one column: it fits a narrow window too
            button = QPushButton(column)
            button.setObjectName(f"suggestion{i}")
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(_tr("Put this in the message box"))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            set_icon(button, "suggestion")
            button.clicked.connect(lambda _c=False, t=text: self.chosen.emit(t))
            cards.addWidget(button)
            self.buttons.append(button)
        lay.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
