"""The conversation list on the left, with search (Ctrl+K) over every message.

Listing is a quick indexed query; search runs on the thread pool and the newest query wins.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatdesk.store import ConversationRecord, SearchHit

ConvIdRole = Qt.ItemDataRole.UserRole + 1
MessageIdRole = Qt.ItemDataRole.UserRole + 2


def highlight_html(snippet: str) -> str:
    """Escape a search snippet and show its [[match]] markers as highlighted text."""
    out = html.escape(snippet)
    return out.replace("[[", '<span style="background:#ffe58a">').replace("]]", "</span>")


class Sidebar(QWidget):
    conversation_selected = Signal(int, object)  # conversation id, message id to focus (or None)
    new_requested = Signal()
    rename_requested = Signal(int)
    delete_requested = Signal(list)
    pin_requested = Signal(int, bool)
    export_requested = Signal(list)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.new_button = QPushButton("＋ New chat", self)
        self.new_button.setObjectName("newChatButton")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("Search all chats (Ctrl+K)")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conversationList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.new_button)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        self.new_button.clicked.connect(self.new_requested)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._menu)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._mode = "list"
        self._pinned: dict[int, bool] = {}

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @property
    def mode(self) -> str:
        return self._mode

    def show_conversations(self, rows: list[ConversationRecord], current_id: int | None) -> None:
        self._mode = "list"
        self.list.blockSignals(True)
        self.list.clear()
        self._pinned = {r.id: r.pinned for r in rows}
        for r in rows:
            item = QListWidgetItem(("📌 " if r.pinned else "") + (r.title or "New chat"))
            item.setData(ConvIdRole, r.id)
            item.setToolTip(r.title)
            self.list.addItem(item)
            if r.id == current_id:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def select(self, conversation_id: int) -> None:
        """Mark the open conversation in the list (without emitting a selection)."""
        if self._mode != "list":
            return
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ConvIdRole) == conversation_id:
                self.list.setCurrentItem(item)
                break
        self.list.blockSignals(False)

    def leave_search(self) -> None:
        self._mode = "list"

    def show_hits(self, hits: list[SearchHit]) -> None:
        self._mode = "search"
        self.list.clear()
        if not hits:
            item = QListWidgetItem("No messages match.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for h in hits:
            plain = h.snippet.replace("[[", "").replace("]]", "")
            item = QListWidgetItem()
            item.setData(ConvIdRole, h.conversation_id)
            item.setData(MessageIdRole, h.message_id)
            item.setToolTip(plain)
            label = QLabel(f"<b>{html.escape(h.conversation_title or 'Chat')}</b><br>{highlight_html(h.snippet)}")
            label.setObjectName("searchHit")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 3, 4, 3)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item.setSizeHint(label.sizeHint().expandedTo(label.minimumSizeHint()))
            self.list.addItem(item)
            self.list.setItemWidget(item, label)

    def selected_ids(self) -> list[int]:
        ids = [i.data(ConvIdRole) for i in self.list.selectedItems()]
        return [i for i in ids if i is not None]

    def _activated(self, item: QListWidgetItem) -> None:
        cid = item.data(ConvIdRole)
        if cid is not None and len(self.list.selectedItems()) <= 1:
            self.conversation_selected.emit(cid, item.data(MessageIdRole))

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        item = self.list.itemAt(pos)
        if item is None or item.data(ConvIdRole) is None or self._mode != "list":
            return
        ids = self.selected_ids() or [item.data(ConvIdRole)]
        cid = item.data(ConvIdRole)
        menu = QMenu(self)
        if len(ids) == 1:
            menu.addAction("Rename…", lambda: self.rename_requested.emit(cid))
            pinned = self._pinned.get(cid, False)
            menu.addAction("Unpin" if pinned else "Pin", lambda: self.pin_requested.emit(cid, not pinned))
        menu.addAction(f"Export{' ' + str(len(ids)) + ' chats' if len(ids) > 1 else ''}…", lambda: self.export_requested.emit(ids))
        menu.addAction(f"Delete{' ' + str(len(ids)) + ' chats' if len(ids) > 1 else ''}…", lambda: self.delete_requested.emit(ids))
        menu.exec(self.list.viewport().mapToGlobal(pos))
