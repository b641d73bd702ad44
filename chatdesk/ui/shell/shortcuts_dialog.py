"""Help → Keyboard shortcuts: every key ChatDesk answers to, in one list.

The menu entries are read from the window's own menus when the dialog opens, so the list shows
the shortcuts that really work (in the platform's notation, e.g. ⌘ on macOS); the keys that
belong to a widget rather than a menu (the message box, the conversation, the chat list) are
listed here, next to the code that defines them in composer.py, chat_view.py and sidebar.py.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (group, what it does, keys) for keys handled inside widgets, not by menu entries.
WIDGET_KEYS = [
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Message box"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Send the message"), "Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Message box"), QT_TRANSLATE_NOOP("ShortcutsDialog", "New line"), "Shift+Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Message box"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Edit your last message (in an empty box)"), "Up"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous / next message"), "Up, Down"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "The message's actions (copy, regenerate, edit…)"), "Tab"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Read and select the message's text"), "Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Select text"), "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Copy the selection, or the whole message"), "Ctrl+C"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete the message (with Undo)"), "Del"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Conversation"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Back to the list of messages"), "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the chat"), "Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Rename the chat"), "F2"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete the selected chats (with Undo)"), "Del"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"), QT_TRANSLATE_NOOP("ShortcutsDialog", "The chat's menu (pin, export…)"), "Menu, Shift+F10"),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" -> "File", "文件(&F)" -> "文件", no trailing "…"."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def native(keys: str) -> str:
    """Key names in the platform's notation ("Up, Down" stays a list of two)."""
    return ", ".join(QKeySequence(k.strip()).toString(QKeySequence.SequenceFormat.NativeText) for k in keys.split(", "))


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, entry, keys) for every menu entry with a shortcut, in menu order."""
    rows = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        group = plain(top.text())
        for act in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts() if not k.isEmpty()]
            if keys and not act.isSeparator():
                rows.append((group, plain(act.text()), ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        intro = QLabel(self.tr("Everything in ChatDesk works from the keyboard. Tab moves between controls; "
                               "F6 moves between the chat list, the conversation and the message box."), self)
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About keyboard use"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        for b in buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        widget_rows = [(_tr(g), _tr(what), native(keys)) for g, what, keys in WIDGET_KEYS]
        return widget_rows + menu_shortcuts(self.window_)

    def refresh(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for group, what, keys in self.rows():
            head = groups.get(group)
            if head is None:
                head = QTreeWidgetItem(self.tree, [group, ""])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                head.setFirstColumnSpanned(True)
                groups[group] = head
            item = QTreeWidgetItem(head, [what, keys])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{what}: {keys}")
        self.tree.expandAll()
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
