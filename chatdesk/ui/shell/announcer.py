"""Tells screen readers that a reply has finished: once per reply, never token by token.

A streamed reply changes the conversation many times a second; a screen reader that followed
every change would read fragments or fall behind. The conversation view therefore says nothing
while a reply is written, and when it ends the window sends one ``QAccessibleAnnouncementEvent``
(Qt 6.8+) with the outcome and the reply's text, politely, so it waits for what the user is
hearing. ``announced`` carries each announcement's text (the status bar and the tests use it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from chatdesk.store import Status

if TYPE_CHECKING:
    from chatdesk.ui.inference.worker import GenerationOutcome
    from chatdesk.ui.shell.main_window import MainWindow

MAX_SPOKEN = 2000  # characters of the reply read out; the rest is in the conversation


class ReplyAnnouncer(QObject):
    announced = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.controller.reply_finished.connect(self._finished)

    def _finished(self, outcome: GenerationOutcome) -> None:
        record = outcome.finished.record
        if record is None:
            return
        text = record.content.strip()
        if len(text) > MAX_SPOKEN:
            text = text[:MAX_SPOKEN].rstrip() + " " + self.tr("… (the reply continues in the conversation)")
        if record.status == Status.STOPPED:
            lead = self.tr("Reply stopped.")
        elif record.status == Status.ERROR:
            lead = self.tr("The reply failed: {problem}").format(problem=record.error or "")
        else:
            lead = self.tr("Reply finished.")
        self.announce(f"{lead} {text}".strip())

    def announce(self, message: str) -> None:
        """One announcement from the conversation view (polite: it waits for current speech)."""
        event = QAccessibleAnnouncementEvent(self.window.chat_view, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(message)
