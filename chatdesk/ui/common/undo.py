"""The one undo mechanism: an action is offered for ``UNDO_SECONDS`` in the notice line, then kept.

Deleting chats and deleting messages both hide the rows at once (the store's trash) and hand this
object two callables: ``undo`` brings them back, ``commit`` removes them for good. A second offer
commits the first; closing the window drops the offer (what is still in the trash is purged at the
next start), so nothing is lost and nothing waits on a timer that outlived its window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from chatdesk.ui.common.banner import Banner

UNDO_SECONDS = 8
TOPIC = "undo"


class UndoOffer(QObject):
    def __init__(self, notice: Banner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notice = notice
        self._pending: tuple[Callable[[], None], Callable[[], None]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.commit)

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def offer(self, text: str, undo: Callable[[], None], commit: Callable[[], None]) -> None:
        """Show ``text`` with an Undo button; ``commit`` runs when the time is up or another offer comes."""
        self.commit()
        self._pending = (undo, commit)
        self._notice.show_message(text, "info", topic=TOPIC)
        self._notice.set_action(QCoreApplication.translate("MainWindow", "Undo"), self.undo)
        self._timer.start(UNDO_SECONDS * 1000)

    def undo(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        self._timer.stop()
        self._notice.clear(TOPIC)
        pending[0]()

    def commit(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        self._timer.stop()
        self._notice.set_action(None, None)
        self._notice.clear(TOPIC)
        pending[1]()

    def drop(self) -> None:
        """The window closes: forget the offer; the trash is purged at the next start."""
        self._pending = None
        self._timer.stop()
