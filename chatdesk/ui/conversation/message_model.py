"""The GUI's model of the visible conversation (lives on the GUI thread only).

Rows are ``MessageRecord``s from the store plus the live text of a streaming reply. Streamed
text is buffered and applied by a timer at most ``MAX_REPAINT_HZ`` times a second, so a fast
model does not turn into one repaint per token.

Only the newest messages are rows when a conversation opens (at most ``WINDOW``; the view asks
for as many as fill it twice), and older ones come in pages of ``PAGE`` as the view scrolls up:
every row's text must be laid out to know its height (about 0.9 ms for a typical reply on the
2-core development machine), so opening costs what is on screen, not the conversation's length;
200 rows took over 100 ms.

Messages left out of the model's context are marked from state, never from what a widget shows:
the context meter's plan for the next request (``set_left_out_next``, before sending) and, for
the replies already written, what each one's request left out (``chat.context_plan.sent_left_out``
from the reply's provenance, after sending). ``LeftOutRole`` is true for a message that the next
request or the newest reply's request leaves out; ``DroppedRole`` is how many earlier messages a
reply's own request left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer

from chatdesk.chat.context_plan import sent_left_out
from chatdesk.store import MessageRecord, Status

MAX_REPAINT_HZ = 20
WINDOW = 50  # rows shown when a conversation opens; older ones load as the user scrolls up
PAGE = 50  # rows added at a time above them

RecordRole = Qt.ItemDataRole.UserRole + 1
SiblingRole = Qt.ItemDataRole.UserRole + 2
LeftOutRole = Qt.ItemDataRole.UserRole + 3  # bool: left out of the model's context (next request or newest reply's)
DroppedRole = Qt.ItemDataRole.UserRole + 4  # int: earlier messages this reply's request left out
# Named in the roles of the dataChanged a flush emits: only streamed text was appended to the row
# (the view then repaints only what the new text changed, see ChatView.dataChanged).
StreamedRole = Qt.ItemDataRole.UserRole + 5
STREAMED_ROLES = [Qt.ItemDataRole.DisplayRole, RecordRole, Qt.ItemDataRole.AccessibleTextRole, StreamedRole]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatView", text)


def _who(role: str) -> str:
    return {"user": _tr("You"), "assistant": _tr("Assistant"), "system": _tr("System prompt")}.get(role, role)


def left_out_caption() -> str:
    return _tr("Left out of the model's context")


def dropped_caption(n: int) -> str:
    return _tr("Earlier messages left out of this reply's context: {n}").format(n=n)


def _state(status: str) -> str:
    return {Status.DONE: _tr("done"), Status.STREAMING: _tr("being written"), Status.STOPPED: _tr("stopped"),
            Status.ERROR: _tr("error"), Status.INTERRUPTED: _tr("interrupted")}.get(status, status)


def _dropped(rec: MessageRecord) -> int:
    n = (rec.provenance or {}).get("dropped_messages") if rec.role == "assistant" else None
    return n if isinstance(n, int) and n > 0 else 0


class MessageListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MessageRecord] = []
        self._offset = 0  # rows before this index are loaded but not yet shown
        self._partial = False  # the rows are the newest of a longer path (``await_earlier``)
        self._siblings: dict[int, tuple[int, int]] = {}
        self._pending: dict[int, str] = {}
        self._left_out_next: frozenset[int] = frozenset()  # the context meter's plan for the next request
        self._left_out_sent: frozenset[int] = frozenset()  # left out of the newest written reply's request
        self._flush = QTimer(self)
        self._flush.setInterval(1000 // MAX_REPAINT_HZ)
        self._flush.timeout.connect(self.flush_pending)
        self.repaints = 0  # counted for tests and the UI benchmark

    # -- Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) - self._offset

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) - self._offset:
            return None
        rec = self._rows[self._offset + index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.content
        if role == RecordRole:
            return rec
        if role == SiblingRole:
            return self._siblings.get(rec.id)
        if role == LeftOutRole:
            return self.is_left_out(rec.id)
        if role == DroppedRole:
            return _dropped(rec)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says for the row
            return _who(rec.role) + ": " + rec.content
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            sib = self._siblings.get(rec.id)
            parts = [_state(rec.status)]
            if sib:
                parts.append(_tr("version {n} of {m}").format(n=sib[0], m=sib[1]))
            if self.is_left_out(rec.id):
                parts.append(left_out_caption())
            if _dropped(rec):
                parts.append(dropped_caption(_dropped(rec)))
            return ", ".join(parts)
        return None

    # -- left out of the model's context
    def is_left_out(self, message_id: int) -> bool:
        return message_id in self._left_out_next or message_id in self._left_out_sent

    def left_out(self) -> list[int]:
        """Ids of the loaded messages marked as left out, oldest first."""
        return [r.id for r in self._rows if self.is_left_out(r.id)]

    def set_left_out_next(self, ids: Iterable[int]) -> None:
        """The context meter's plan: these messages will not be seen by the next request."""
        new = frozenset(int(i) for i in ids)
        if new != self._left_out_next:
            old, self._left_out_next = self._left_out_next, new
            self._marks_changed(old ^ new)

    def _sent_marks(self) -> frozenset[int]:
        """What the newest written reply's request left out (from its provenance)."""
        if self._partial:
            return frozenset()
        for i in range(len(self._rows) - 1, -1, -1):
            rec = self._rows[i]
            if rec.role == "assistant" and "dropped_messages" in (rec.provenance or {}):
                return frozenset(sent_left_out(self._rows, i))
        return frozenset()

    def _update_sent(self) -> None:
        new = self._sent_marks()
        if new != self._left_out_sent:
            old, self._left_out_sent = self._left_out_sent, new
            self._marks_changed(old ^ new)

    def _marks_changed(self, ids: frozenset[int]) -> None:
        for mid in ids:
            row = self.row_of(mid)
            if row >= 0:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)

    # -- content
    def set_messages(
        self, rows: list[MessageRecord], siblings: dict[int, tuple[int, int]] | None = None, window: int = WINDOW
    ) -> None:
        """Show the newest ``window`` messages; the rest wait for ``show_earlier``."""
        self.beginResetModel()
        self._rows = list(rows)
        self._partial = False
        self._offset = max(0, len(self._rows) - window)
        self._siblings = dict(siblings or {})
        self._pending.clear()
        self._left_out_sent = self._sent_marks()
        self.endResetModel()

    def await_earlier(self) -> None:
        """The messages shown are the newest of a longer path whose rest ``add_earlier`` brings: what
        the newest reply's request left out is counted from the path's start, so it is not marked
        until then."""
        self._partial = True
        self._update_sent()

    def add_earlier(self, older: list[MessageRecord]) -> None:
        """Put messages before the first loaded one, hidden until ``show_earlier`` (a long chat
        opens with its newest messages and the rest of its path follows: no row changes)."""
        self._rows[:0] = older
        self._offset += len(older)
        self._partial = False
        self._update_sent()

    def records(self) -> list[MessageRecord]:
        """Every loaded message of the conversation, shown or not."""
        return list(self._rows)

    @property
    def hidden_count(self) -> int:
        return self._offset

    def show_earlier(self, count: int = PAGE) -> int:
        """Reveal up to ``count`` older messages above the current first row; returns how many."""
        n = min(count, self._offset)
        if n:
            self.beginInsertRows(QModelIndex(), 0, n - 1)
            self._offset -= n
            self.endInsertRows()
        return n

    def reveal(self, message_id: int) -> int:
        """Make sure ``message_id`` is shown (for search hits); returns its row or -1."""
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].id == message_id:
                if i < self._offset:
                    self.show_earlier(self._offset - i)
                return i - self._offset
        return -1

    def hidden_records(self, count: int) -> list[MessageRecord]:
        """The ``count`` messages just above the first row (to lay them out before they are shown)."""
        return self._rows[max(0, self._offset - count):self._offset]

    def siblings_of(self, message_id: int) -> tuple[int, int] | None:
        return self._siblings.get(message_id)

    def append(self, rec: MessageRecord) -> None:
        row = len(self._rows) - self._offset
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(rec)
        self.endInsertRows()
        self._update_sent()

    def _index_of(self, message_id: int) -> int:
        for i in range(len(self._rows) - 1, self._offset - 1, -1):
            if self._rows[i].id == message_id:
                return i
        return -1

    def row_of(self, message_id: int) -> int:
        """The view row showing ``message_id`` (-1 if it is not shown)."""
        i = self._index_of(message_id)
        return i - self._offset if i >= 0 else -1

    def replace(self, rec: MessageRecord) -> None:
        i = self._index_of(rec.id)
        if i < 0:
            return
        self._pending.pop(rec.id, None)
        self._rows[i] = rec
        idx = self.index(i - self._offset)
        self.dataChanged.emit(idx, idx)
        self._update_sent()

    def set_repaint_interval(self, ms: int) -> None:
        """Apply streamed text at most every ``ms`` (never more often than ``MAX_REPAINT_HZ``)."""
        self._flush.setInterval(max(1000 // MAX_REPAINT_HZ, ms))

    def append_text(self, message_id: int, text: str) -> None:
        """Queue streamed text; the timer applies it at a bounded rate."""
        self._pending[message_id] = self._pending.get(message_id, "") + text
        if not self._flush.isActive():
            self._flush.start()

    def flush_pending(self) -> None:
        if not self._pending:
            self._flush.stop()
            return
        if all(self._index_of(mid) < 0 for mid in self._pending):
            return  # nothing shown to update yet
        pending, self._pending = self._pending, {}
        for mid, text in pending.items():
            i = self._index_of(mid)
            if i < 0:  # its row is not shown yet (e.g. just sent): keep the text for later
                self._pending[mid] = text
                continue
            rec = self._rows[i]
            self._rows[i] = replace(rec, content=rec.content + text, status=Status.STREAMING)
            idx = self.index(i - self._offset)
            self.dataChanged.emit(idx, idx, STREAMED_ROLES if rec.status == Status.STREAMING else [])
            self.repaints += 1
