"""The GUI's model of the visible conversation (lives on the GUI thread only).

Rows are ``MessageRecord``s from the store plus the live text of a streaming reply. Streamed
text is buffered and applied by a timer at most ``MAX_REPAINT_HZ`` times a second, so a fast
model does not turn into one repaint per token.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from chatdesk.store import MessageRecord, Status

MAX_REPAINT_HZ = 30

RecordRole = Qt.ItemDataRole.UserRole + 1
SiblingRole = Qt.ItemDataRole.UserRole + 2


class MessageListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[MessageRecord] = []
        self._siblings: dict[int, tuple[int, int]] = {}
        self._pending: dict[int, str] = {}
        self._flush = QTimer(self)
        self._flush.setInterval(1000 // MAX_REPAINT_HZ)
        self._flush.timeout.connect(self.flush_pending)
        self.repaints = 0  # counted for tests and the UI benchmark

    # -- Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.content
        if role == RecordRole:
            return rec
        if role == SiblingRole:
            return self._siblings.get(rec.id)
        return None

    # -- content
    def set_messages(self, rows: list[MessageRecord], siblings: dict[int, tuple[int, int]] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._siblings = dict(siblings or {})
        self._pending.clear()
        self.endResetModel()

    def records(self) -> list[MessageRecord]:
        return list(self._rows)

    def append(self, rec: MessageRecord) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(rec)
        self.endInsertRows()

    def row_of(self, message_id: int) -> int:
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].id == message_id:
                return i
        return -1

    def replace(self, rec: MessageRecord) -> None:
        row = self.row_of(rec.id)
        if row < 0:
            return
        self._pending.pop(rec.id, None)
        self._rows[row] = rec
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    def append_text(self, message_id: int, text: str) -> None:
        """Queue streamed text; the timer applies it at a bounded rate."""
        self._pending[message_id] = self._pending.get(message_id, "") + text
        if not self._flush.isActive():
            self._flush.start()

    def flush_pending(self) -> None:
        if not self._pending:
            self._flush.stop()
            return
        pending, self._pending = self._pending, {}
        for mid, text in pending.items():
            row = self.row_of(mid)
            if row < 0:
                continue
            rec = self._rows[row]
            self._rows[row] = replace(rec, content=rec.content + text, status=Status.STREAMING)
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)
            self.repaints += 1
