"""Small parts every dialog of the model library and evaluation windows is built from.

Each dialog used to carry its own copy of these: a push button that has an object name (for
tests and style sheets), an accessible name (for screen readers) and never becomes the default
button (Enter belongs to the field being edited); a field label that screen readers can name; and
the message strip under a form, coloured from the palette at the moment it is shown so it suits
the current theme. One copy keeps them the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from chatdesk.ui.app.appearance import MessageStyles

MESSAGE_STYLES = MessageStyles(padding="6px")


def push_button(parent: QWidget, name: str, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
    """A button named ``name`` for code and ``accessible`` for screen readers, calling ``slot``."""
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.setAccessibleName(accessible)
    b.setAutoDefault(False)
    b.clicked.connect(lambda _checked=False: slot())
    return b


def field_label(parent: QWidget, text: str, buddy: QWidget | None = None) -> QLabel:
    """A form label whose accessible name is its text without the trailing colon."""
    label = QLabel(text, parent)
    label.setAccessibleName(text.rstrip(":："))
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def show_strip(strip: QLabel, text: str, kind: str = "error") -> None:
    """Show ``text`` in a message strip as an error or as information, in the theme's colours."""
    strip.setStyleSheet(f"QLabel#{strip.objectName()} {{{MESSAGE_STYLES[kind]}}}")
    strip.setText(text)
    strip.setProperty("kind", kind)
    strip.show()


def strip_text(strip: QLabel) -> str:
    """What the strip says now ("" while it is hidden)."""
    return strip.text() if not strip.isHidden() else ""
