"""The window's one notification line, above the message box, for errors and notices.

Errors are shown here in words, never as traceback dialogs; they are also logged to stderr.
Its colours come from the application palette (``appearance.message_css``) and follow a theme
switch while it is shown.

One line, however many messages: a small window must keep its conversation, and a stack of
wrapped banners took it (three long messages left a 70-pixel conversation). So the line shows
the newest error (errors stay until dismissed, so a passing notice must not cover one), else the
newest notice, elided to the width with the whole text in its tooltip and accessible name, and a
"+N" button lists the others (choosing one brings it to the front). Notices expire
(``INFO_SECONDS``, longer when they offer an action, never while the pointer rests on the line);
errors stay until dismissed. ``show_message`` about a ``topic`` replaces the earlier message
about it, and ``clear(topic)`` takes it away without comparing words, which differ by language.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QToolButton, QWidget

from chatdesk.ui.app.appearance import message_css

INFO_SECONDS = 12  # a notice without an action goes after this long
ACTION_SECONDS = 30  # a notice offering an action (Undo has its own, shorter, time)
TICK_MS = 500


@dataclass
class Entry:
    text: str
    kind: str
    topic: str
    shown_at: float
    action_text: str | None = None
    action_slot: Callable[[], object] | None = None

    def expires_at(self) -> float | None:
        if self.kind == "error":
            return None
        return self.shown_at + (ACTION_SECONDS if self.action_text else INFO_SECONDS)


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(self.tr("Message"))
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(False)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setAccessibleName(self.tr("No message"))  # the message itself once shown
        self.label.installEventFilter(self)  # its width changes: elide again
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("bannerMore")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setAutoRaise(True)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.setObjectName("bannerMoreMenu")
        self.more_menu.setAccessibleName(self.tr("Earlier messages"))
        self.more_button.setMenu(self.more_menu)
        self.more_button.setAccessibleName(self.tr("Earlier messages"))
        self.more_button.hide()
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("bannerAction")
        self.action_button.setAccessibleName(self.tr("Message action"))  # the action's own word once set
        self.action_button.hide()
        self.action_button.clicked.connect(self._run_action)
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("bannerClose")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 3, 6, 3)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.more_button)
        lay.addWidget(self.action_button)
        lay.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.entries: list[Entry] = []  # in the order they came
        self._front: Entry | None = None  # chosen from the "+N" list
        self.kind = ""
        self.topic = ""
        self._expiry = QTimer(self)
        self._expiry.setInterval(TICK_MS)
        self._expiry.timeout.connect(self._expire)
        self.clock: Callable[[], float] = time.monotonic
        super().hide()

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, kind: str = "error", topic: str = "") -> None:
        """Show ``text`` as the newest message; ``topic`` names what it is about, so that the code
        which showed it can take it away again (``clear(topic)``), and a newer message about the
        same topic replaces it."""
        self.entries = [e for e in self.entries if not ((topic and e.topic == topic) or e.text == text)]
        self.entries.append(Entry(text, kind, topic, self.clock()))
        self._front = None  # a new message takes the line (after any error)
        if kind == "error":
            print(f"ChatDesk: {text}", file=sys.stderr, flush=True)
        self._refresh()

    def clear(self, topic: str) -> None:
        """Take away the messages about ``topic`` (the one shown, or one waiting behind it)."""
        kept = [e for e in self.entries if e.topic != topic]
        if len(kept) != len(self.entries):
            self.entries = kept
            self._refresh()

    def shown(self) -> Entry | None:
        """The message on the line: the one chosen from the list, else the newest error, else the
        newest notice."""
        if self._front is not None and any(e is self._front for e in self.entries):
            return self._front
        errors = [e for e in self.entries if e.kind == "error"]
        return (errors or self.entries or [None])[-1]

    def dismiss(self) -> None:
        """The user closed the message shown: the next one, if any, takes its place."""
        entry = self.shown()
        self.entries = [e for e in self.entries if e is not entry]
        self._refresh()

    def clear_notices(self) -> None:
        """Take away every notice; errors stay until the user dismisses them."""
        kept = [e for e in self.entries if e.kind == "error"]
        if len(kept) != len(self.entries):
            self.entries = kept
            self._refresh()

    def hide(self) -> None:
        """Put the line away with every message on it (sending a message does this)."""
        self.entries.clear()
        self._refresh()

    def set_action(self, text, slot) -> None:
        """An optional button (e.g. Undo) on the newest message; ``None`` removes it."""
        if not self.entries:
            return
        entry = self.entries[-1]
        entry.action_text, entry.action_slot = (text, slot) if text else (None, None)
        self._refresh()

    def _run_action(self) -> None:
        entry = self.shown()
        if entry is None:
            return
        slot = entry.action_slot
        entry.action_text, entry.action_slot = None, None
        self._refresh()
        if slot is not None:
            slot()

    def text(self) -> str:
        """The message shown ("" when none)."""
        entry = self.shown()
        return entry.text if entry is not None and self.isVisible() else ""

    def topics(self) -> list[str]:
        return [e.topic for e in self.entries]

    def bring_to_front(self, entry: Entry) -> None:
        """Show ``entry`` (one from the "+N" list) instead; its time starts again."""
        if any(e is entry for e in self.entries):
            entry.shown_at = self.clock()
            self._front = entry
            self._refresh()

    # ------------------------------------------------------------------ showing
    def _refresh(self) -> None:
        if not self.entries:
            self.kind = self.topic = ""
            self._expiry.stop()
            self.label.setAccessibleName(self.tr("No message"))
            super().hide()
            return
        entry = self.shown()
        assert entry is not None
        self.kind, self.topic = entry.kind, entry.topic
        self._restyle()
        self._elide()
        self.label.setAccessibleName(entry.text)
        self.action_button.setVisible(bool(entry.action_text))
        if entry.action_text:
            self.action_button.setText(entry.action_text)
            self.action_button.setAccessibleName(entry.action_text.replace("&", ""))
        others = len(self.entries) - 1
        self.more_button.setVisible(others > 0)
        if others:
            self.more_button.setText(self.tr("+{n}").format(n=others))
            words = self.tr("More messages: {n}").format(n=others)
            self.more_button.setToolTip(words)
            self.more_button.setAccessibleName(words)
            self.more_menu.clear()
            for other in reversed(self.entries):  # newest first
                if other is entry:
                    continue
                act = self.more_menu.addAction(self.fontMetrics().elidedText(other.text, Qt.TextElideMode.ElideRight, 480))
                act.setToolTip(other.text)
                act.triggered.connect(lambda _checked=False, other=other: self.bring_to_front(other))
        if any(e.expires_at() is not None for e in self.entries):
            self._expiry.start()
        else:
            self._expiry.stop()
        self.show()

    def _elide(self) -> None:
        entry = self.shown()
        if entry is None:
            return
        full = entry.text.replace("\n", " ")
        shown = self.label.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, max(0, self.label.width()))
        self.label.setText(shown)
        self.label.setToolTip(full if shown != full else "")

    def _expire(self) -> None:
        if self.isVisible() and self.rect().contains(self.mapFromGlobal(QCursor.pos())):
            return  # being read
        now = self.clock()
        kept = [e for e in self.entries if (e.expires_at() or now + 1) > now]
        if len(kept) != len(self.entries):
            self.entries = kept
            self._refresh()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.label and event.type() == QEvent.Type.Resize:
            self._elide()
        return False

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
