"""The conversation list on the left, with search (Ctrl+K) over every message.

Listing is a quick indexed query; search runs on the thread pool and the newest query wins.
Keyboard: Enter opens the selected chat, F2 renames it, Delete deletes the selection, the menu key
(or Shift+F10) opens its context menu. Search matches are highlighted in the palette's selection
colour, so they read in light and dark themes. New chat is an icon button beside the search box
(its words are its tooltip and accessible name).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatdesk.store import ConversationRecord, SearchHit
from chatdesk.ui.app.appearance import highlight_css, pin_icon
from chatdesk.ui.common import spacing
from chatdesk.ui.common.icons import set_icon

ConvIdRole = Qt.ItemDataRole.UserRole + 1
MessageIdRole = Qt.ItemDataRole.UserRole + 2


def highlight_html(snippet: str) -> str:
    """Escape a search snippet and show its [[match]] markers as highlighted text."""
    out = html.escape(snippet)
    return out.replace("[[", f'<span style="{highlight_css()}">').replace("]]", "</span>")


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
        self.setAccessibleName(self.tr("Chats"))
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newChatButton")
        self.new_button.setText(self.tr("New chat"))
        self.new_button.setAccessibleName(self.tr("New chat"))
        self.new_button.setToolTip(self.tr("Start a new chat (Ctrl+N)"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.new_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.new_button.setAutoRaise(True)
        set_icon(self.new_button, "new_chat")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search all chats (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Search all chats"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.list = QListWidget(self)
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName(self.tr("Chats"))
        self.list.setAccessibleDescription(self.tr("Enter opens a chat, F2 renames it, Delete deletes it."))
        self.list.installEventFilter(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        lay = QVBoxLayout(self)
        spacing.grid(lay, spacing.S, spacing.S)
        top = QHBoxLayout()
        top.setSpacing(spacing.XS)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        lay.addLayout(top)
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
        pin = pin_icon(self.palette())
        for r in rows:
            title = r.title or self.tr("New chat")
            item = QListWidgetItem(title)
            item.setData(ConvIdRole, r.id)
            item.setToolTip(r.title)
            if r.pinned:
                item.setIcon(pin)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("{title} (pinned)").format(title=title))
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
            item = QListWidgetItem(self.tr("No messages match."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for h in hits:
            plain = h.snippet.replace("[[", "").replace("]]", "")
            item = QListWidgetItem()
            item.setData(ConvIdRole, h.conversation_id)
            item.setData(MessageIdRole, h.message_id)
            item.setToolTip(plain)
            title = h.conversation_title or self.tr("Chat")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {plain}")
            label = QLabel(f"<b>{html.escape(title)}</b><br>{highlight_html(h.snippet)}")
            label.setObjectName("searchHit")
            label.setAccessibleName(f"{title}: {plain}")
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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The list's keys: F2 renames the current chat, Delete deletes the selected ones. In the
        search box, Esc clears the search (taken from the window's Esc = Stop while there is text)."""
        if obj is self.search and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.search.text():
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key press comes to the box instead of triggering Stop
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.search.clear()
                return True
        if obj is self.list and event.type() == QEvent.Type.KeyPress and self._mode == "list":
            key = event.key() if isinstance(event, QKeyEvent) else None
            item = self.list.currentItem()
            cid = item.data(ConvIdRole) if item is not None else None
            if key == Qt.Key.Key_F2 and cid is not None:
                self.rename_requested.emit(cid)
                return True
            if key == Qt.Key.Key_Delete and cid is not None:
                self.delete_requested.emit(self.selected_ids() or [cid])
                return True
        return super().eventFilter(obj, event)

    def menu_for(self, item: QListWidgetItem | None) -> QMenu | None:
        """The context menu of a chat in the list (None for a search hit or an empty place)."""
        if item is None or item.data(ConvIdRole) is None or self._mode != "list":
            return None
        ids = self.selected_ids() or [item.data(ConvIdRole)]
        cid = item.data(ConvIdRole)
        menu = QMenu(self)
        menu.setObjectName("chatMenu")
        menu.setAccessibleName(self.tr("Chat actions"))
        if len(ids) == 1:
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(cid)).setShortcut(QKeySequence("F2"))
            pinned = self._pinned.get(cid, False)
            menu.addAction(self.tr("Unpin") if pinned else self.tr("Pin"), lambda: self.pin_requested.emit(cid, not pinned))
            menu.addAction(self.tr("Export…"), lambda: self.export_requested.emit(ids))
            menu.addAction(self.tr("Delete…"), lambda: self.delete_requested.emit(ids)).setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        else:
            menu.addAction(self.tr("Export %n chats…", "", len(ids)), lambda: self.export_requested.emit(ids))
            menu.addAction(self.tr("Delete %n chats…", "", len(ids)), lambda: self.delete_requested.emit(ids)).setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    def _menu(self, pos) -> None:
        menu = self.menu_for(self.list.itemAt(pos) or self.list.currentItem())
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(pos))
            menu.deleteLater()
