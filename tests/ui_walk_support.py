"""Walking a window's widgets for what a user sees and hears: every text (for the translation
tests) and every interactive widget's accessible name (for the accessibility tests).

The text walk reads what Qt shows: window titles, labels, buttons, placeholders, tooltips,
accessible names and descriptions, group boxes, tabs, combo box entries, spin box affixes,
progress formats, item view headers and items, and the texts of every action in the widget's
menus and tool bars. ``english_left`` then says which words of a text still look English once
proper nouns, units, key names, placeholders and data (file names, paths, model ids, numbers)
are set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

# ------------------------------------------------------------------------------ texts


def _plain(text: str) -> str:
    if "<" in text and re.search(r"<(b|i|p|br|span|a|pre|html|qt)\b", text, re.I):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} action", action.text()
    if action.toolTip() != action.text().replace("&", ""):  # Qt derives a tooltip from the text
        yield f"{where} action tooltip", action.toolTip()
    yield f"{where} action status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from menu_texts(menu, f"{where} › {action.text()}")


def menu_texts(menu: QMenu, where: str = "menu") -> Iterator[tuple[str, str]]:
    yield f"{where} title", menu.title()
    for act in menu.actions():
        yield from action_texts(act, where)


def _model_texts(model: QAbstractItemModel, where: str, parent: QModelIndex = QModelIndex(), limit: int = 200) -> Iterator[tuple[str, str]]:
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(min(model.rowCount(parent), limit)):
        for col in range(columns):
            idx = model.index(row, col, parent)
            for role, what in ((Qt.ItemDataRole.DisplayRole, "item"), (Qt.ItemDataRole.ToolTipRole, "item tooltip"),
                               (Qt.ItemDataRole.AccessibleTextRole, "item accessible text")):
                value = idx.data(role)
                if isinstance(value, str):
                    yield f"{where} {what}", value
            if col == 0 and model.rowCount(idx) > 0:  # a tree's children
                yield from _model_texts(model, where, idx, limit)


def widget_texts(w: QWidget, items: bool = True) -> Iterator[tuple[str, str]]:
    """What ``w`` itself shows or tells a screen reader (not its children)."""
    kind = f"{type(w).__name__}({w.objectName()})"
    if w.isWindow():
        yield f"{kind} window title", w.windowTitle()
    yield f"{kind} tooltip", w.toolTip()
    yield f"{kind} status tip", w.statusTip()
    yield f"{kind} what's this", w.whatsThis()
    yield f"{kind} accessible name", w.accessibleName()
    yield f"{kind} accessible description", w.accessibleDescription()
    if isinstance(w, QLabel):
        yield f"{kind} text", _plain(w.text())
    if isinstance(w, QAbstractButton):
        yield f"{kind} text", w.text()
    if isinstance(w, QLineEdit):
        yield f"{kind} placeholder", w.placeholderText()
    if isinstance(w, (QPlainTextEdit, QTextEdit)):
        yield f"{kind} placeholder", w.placeholderText()
    if isinstance(w, QGroupBox):
        yield f"{kind} title", w.title()
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"{kind} tab", w.tabText(i)
            yield f"{kind} tab tooltip", w.tabToolTip(i)
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield f"{kind} tab", w.tabText(i)
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"{kind} entry", w.itemText(i)
            tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"{kind} entry tooltip", tip
    if isinstance(w, QAbstractSpinBox):
        yield f"{kind} special value", w.specialValueText()
        for affix in ("prefix", "suffix"):
            if hasattr(w, affix):
                yield f"{kind} {affix}", getattr(w, affix)()
    if isinstance(w, QProgressBar):
        yield f"{kind} format", w.format()
    if isinstance(w, (QDockWidget, QToolBar)):
        yield f"{kind} title", w.windowTitle()
    if isinstance(w, QHeaderView) and w.model() is not None and not w.isHidden():
        model, orientation = w.model(), w.orientation()
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield f"{kind} header", value
    if items and isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QHeaderView):
        yield from _model_texts(w.model(), kind)
    for act in w.actions():
        yield from action_texts(act, kind)


def all_texts(root: QWidget, items: bool = True) -> list[tuple[str, str]]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if _qt_internal(w):
            continue
        for where, text in widget_texts(w, items):
            if text and text.strip():
                out.append((where, text))
    return out


# ------------------------------------------------------------------------------ English?
# Proper nouns, technical terms a Chinese interface keeps as they are, units and key names.
ALLOWED = frozenset(w.lower() for w in (
    "ChatDesk", "GGUF", "Hugging", "Face", "Hub", "llama", "cpp", "Ollama", "vLLM", "OpenAI", "SmolLM2",
    "GPT", "nanoGPT", "PyTorch", "safetensors", "BPE", "JSON", "HTML", "Markdown", "API", "URL", "HTTP", "PDF", "DOCX",
    "HTTPS", "GPU", "CPU", "SHA", "UTF", "token", "tokens", "Top", "Min", "ID", "IDs", "ms", "MB", "GB", "KB",
    "kB", "TB", "KiB", "MiB", "GiB", "tok", "Ctrl", "Shift", "Alt", "Meta", "Esc", "Enter", "Tab", "Del",
    "Up", "Down", "Left", "Right", "Menu", "Cmd", "Hz", "Apache", "MIT", "localhost", "http", "https", "www",
    "Linux", "macOS", "Windows", "KL", "CSV", "logit", "logits", "English",  # (a language is named in its own words)
))
_DATA = [
    re.compile(r"https?://\S+"),  # addresses
    re.compile(r"\bllama[-.\w]*"),  # llama.cpp's programs by name: llama-cpp-python, llama-perplexity
    re.compile(r"\{\w*\}|%n|%p|%\d"),  # placeholders left in a template
    re.compile(r"\S*[\\/]\S*"),  # paths, repo ids, "tok/s"
    re.compile(r"\S+\.(?:gguf|json|pt|bin|safetensors|md|html|txt|csv|ts|qm)\b", re.I),  # file names
    re.compile(r"\b(?:Ctrl|Shift|Alt|Meta|Cmd)\+\S+"),  # key sequences
    re.compile(r"\b[A-Za-z]*\d[\w.:-]*"),  # model ids, versions, quantizations, numbers with units
    re.compile(r"\b\w+(?:[_:.]\w+)+"),  # identifiers: snake_case, llama3.2:3b, ids with dots
]


def english_left(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` that still look English (two or more Latin letters in a row that are
    not an allowed term), after data and key names are set aside."""
    text = text.replace("&&", "").replace("&", "")
    for pattern in _DATA:
        text = pattern.sub(" ", text)
    words = re.findall(r"[A-Za-z]{2,}", text)
    ok = ALLOWED | {a.lower() for a in allowed}
    return [w for w in words if w.lower() not in ok]


# ------------------------------------------------------------------------------ accessibility
INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox,
               QAbstractSlider, QTabBar, QProgressBar, QToolBar)


def interactive(w: QWidget) -> bool:
    """A control, or anything the keyboard can reach with Tab (a selectable label, a link)."""
    if isinstance(w, INTERACTIVE):
        return True
    if isinstance(w, QLabel):
        flags = w.textInteractionFlags()
        return bool(flags & (Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByKeyboard))
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and type(w) is not QWidget


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` without an accessible name; Qt's own internals (the
    inner line edit of a spin box, a combo box's popup, scroll bars, a table's corner button, a
    tool bar's overflow arrow, a line edit's clear button, dock title buttons) excepted."""
    missing = []
    for w in [root, *root.findChildren(QWidget)]:
        if not interactive(w) or _qt_internal(w):
            continue
        if not w.accessibleName():
            text = getattr(w, "text", lambda: "")()
            missing.append(f"{type(w).__name__}({w.objectName() or text!r}) in {_path(w)}")
    return missing


def _path(w: QWidget) -> str:
    names = []
    p = w.parentWidget()
    while p is not None and len(names) < 4:
        names.append(p.objectName() or type(p).__name__)
        p = p.parentWidget()
    return " < ".join(names)


def _qt_internal(w: QWidget) -> bool:
    """Widgets Qt builds itself inside ours."""
    if w.objectName().startswith("qt_"):
        return True
    cls = type(w).__name__
    if cls in ("QToolBarExtension", "QLineEditIconButton", "QDockWidgetTitleButton", "QScrollBar", "QSizeGrip",
               "QTableCornerButton", "QCalendarWidget", "QComboBoxPrivateContainer", "QComboBoxListView", "QTabBarPrivate"):
        return True
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, (QComboBox, QAbstractSpinBox)) and w is not p:
            return True
        if p.objectName().startswith("qt_"):
            return True
        p = p.parentWidget()
    parent = w.parentWidget()
    return isinstance(w, (QAbstractButton, QAbstractItemView)) and isinstance(parent, (QAbstractItemView, QLineEdit)) \
        or isinstance(w, QHeaderView)
