"""The conversation view: a virtualized list of message bubbles.

A ``QListView`` only lays out and paints the rows on screen, so a 5,000-message conversation
opens as fast as a short one. Each row is painted by ``MessageDelegate`` from a QTextDocument:
assistant text rendered by ``chatdesk.markdown`` (the same renderer as the HTML export, in its
Qt-subset form, coloured for the palette's light or dark theme) through ``setHtml``; user text as
the plain text it was typed as. Laid-out documents are cached per (message, text, width, theme);
a streaming reply keeps an incremental renderer so only its unfinished tail is re-rendered.
Clicking a code block's "Copy" copies that block's exact source; clicking a link opens it.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chatdesk import markdown
from chatdesk.store import MessageRecord, Status
from chatdesk.ui.background import run_in_background
from chatdesk.ui.message_model import MessageListModel, RecordRole, SiblingRole

log = logging.getLogger(__name__)

PAD = 10
HEADER_H = 20
MARGIN = 8
MAX_RENDERERS = 8  # incremental renderers kept for replies that are (or were just) streaming

ROLE_LABEL = {"user": "You", "assistant": "Assistant", "system": "System prompt"}
STATUS_NOTE = {
    Status.STREAMING: "writing…",
    Status.STOPPED: "stopped",
    Status.ERROR: "error",
    Status.INTERRUPTED: "interrupted — the app closed while this reply was being written",
}


class MessageDelegate(QStyledItemDelegate):
    sibling_step = Signal(int, int)  # message id, -1 / +1

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._html: OrderedDict[tuple, str] = OrderedDict()
        self._renderers: OrderedDict[tuple[int, str], markdown.IncrementalRenderer] = OrderedDict()
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    @staticmethod
    def theme() -> str:
        """Code colours follow the palette: dark when the base colour is dark."""
        return "dark" if QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128 else "light"

    def _assistant_html(self, rec: MessageRecord, text: str, theme: str) -> str:
        """HTML for an assistant message; the same for every width, so it is cached apart from the
        laid-out documents. A streaming reply keeps an incremental renderer (only its tail is redone)."""
        key = (rec.id, len(text), hash(text), theme)
        html = self._html.get(key)
        if html is not None:
            self._html.move_to_end(key)
            return html
        if rec.status == Status.STREAMING:
            renderer = self._renderers.get((rec.id, theme))
            if renderer is None:
                renderer = self._renderers[(rec.id, theme)] = markdown.IncrementalRenderer(target="qt", theme=theme)
                while len(self._renderers) > MAX_RENDERERS:
                    self._renderers.popitem(last=False)
            html = renderer.render(text)
        else:
            self._renderers.pop((rec.id, theme), None)
            html = markdown.render(text, target="qt", theme=theme)
        self._html[key] = html
        while len(self._html) > 400:
            self._html.popitem(last=False)
        return html

    def _document(self, rec: MessageRecord, width: int, font: QFont) -> QTextDocument:
        theme = self.theme()
        key = (rec.id, len(rec.content), hash(rec.content), width, theme)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"pre, code {{ font-family: '{self._mono.family()}'; }}")
        text = rec.content or ("…" if rec.status == Status.STREAMING else "")
        if rec.role == "assistant":
            try:
                doc.setHtml(self._assistant_html(rec, text, theme))
            except Exception:  # a renderer bug must not take the view down: show the reply as text
                log.exception("Could not render message %s as Markdown; showing it as plain text", rec.id)
                doc.setPlainText(text)
        else:
            doc.setPlainText(text)  # as typed: no Markdown, every line break kept
        doc.setTextWidth(max(50, width))
        self._docs[key] = doc
        while len(self._docs) > 400:
            self._docs.popitem(last=False)
        return doc

    def warm_up(self, font: QFont) -> None:
        """Pay first-use costs while the window is idle rather than in the middle of a reply:
        Qt's first rich-text layout here (~8 ms), and on the thread pool the Markdown parser's and
        Pygments' imports, regex compilation and lexers (~150 ms of pure Python)."""
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setHtml('<p><b>x</b> <code>y</code></p><table border="1"><tr><td><pre>z</pre></td></tr></table>')
        doc.setTextWidth(400)
        doc.size()
        run_in_background(markdown.warm_up, lambda _r: None, lambda _e: None)

    def body_origin(self, option_rect: QRect) -> QPoint:
        """Where the message's text document is drawn (viewport coordinates)."""
        bubble = option_rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
        return QPoint(bubble.left() + PAD, bubble.top() + PAD // 2 + HEADER_H + 1)

    def anchor_at(self, option: QStyleOptionViewItem, rec: MessageRecord, pos: QPoint) -> str:
        """The link target under ``pos`` (viewport coordinates) in this message, or ""."""
        if rec.role != "assistant":
            return ""
        doc = self._document(rec, self._body_width(option), option.font)
        return doc.documentLayout().anchorAt(QPointF(pos - self.body_origin(option.rect)))

    def activate_link(self, rec: MessageRecord, href: str) -> bool:
        """Copy a code block (``chatdesk-copy:<n>``) or open a web/mail link; False if neither."""
        number = markdown.copy_index(href)
        if number is not None:
            sources = markdown.code_sources(rec.content)
            if number < len(sources):
                QGuiApplication.clipboard().setText(sources[number])
                return True
            return False
        if markdown.is_safe_link(href):
            return QDesktopServices.openUrl(QUrl(href))
        return False

    def _body_width(self, option: QStyleOptionViewItem) -> int:
        return max(100, option.rect.width() - 2 * (PAD + MARGIN))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        rec: MessageRecord = index.data(RecordRole)
        doc = self._document(rec, self._body_width(option), option.font)
        return QSize(option.rect.width(), int(doc.size().height()) + HEADER_H + 2 * PAD + MARGIN)

    def _bubble(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rec: MessageRecord = index.data(RecordRole)
        pal = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bubble = self._bubble(option)
        base = pal.color(QPalette.ColorRole.Base)
        if rec.role == "user":
            fill = pal.color(QPalette.ColorRole.AlternateBase)
        elif rec.status in (Status.ERROR, Status.INTERRUPTED):
            fill = QColor(base).darker(108)
        else:
            fill = base
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble, 8, 8)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(pal.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble, 8, 8)

        header = QRect(bubble.left() + PAD, bubble.top() + PAD // 2, bubble.width() - 2 * PAD, HEADER_H)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        label = ROLE_LABEL.get(rec.role, rec.role)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        note = STATUS_NOTE.get(rec.status, "")
        sib = index.data(SiblingRole)
        painter.setFont(option.font)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        right = note
        if sib:
            right = (note + "   " if note else "") + f"‹ {sib[0]}/{sib[1]} ›"
        if right:
            painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)

        doc = self._document(rec, self._body_width(option), option.font)
        painter.translate(self.body_origin(option.rect))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, pal.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sibling_hit(self, option_rect: QRect, pos: QPoint) -> int:
        """-1 / +1 when ``pos`` is on the ‹ or › of the sibling switcher, else 0."""
        bubble = option_rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
        header = QRect(bubble.left() + PAD, bubble.top() + PAD // 2, bubble.width() - 2 * PAD, HEADER_H)
        if not header.contains(pos) or pos.x() < header.right() - 70:
            return 0
        return 1 if pos.x() > header.right() - 22 else (-1 if pos.x() < header.right() - 45 else 0)

    def editorEvent(self, event, model, option, index) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.MouseButtonRelease and index.data(SiblingRole):
            step = self.sibling_hit(option.rect, event.position().toPoint())
            if step:
                self.sibling_step.emit(index.data(RecordRole).id, step)
                return True
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            rec: MessageRecord = index.data(RecordRole)
            href = self.anchor_at(option, rec, event.position().toPoint())
            if href and self.activate_link(rec, href):
                return True
        return super().editorEvent(event, model, option, index)


class ChatView(QListView):
    """Shows one conversation; keeps scrolled to the bottom while a reply streams."""

    action_requested = Signal(str, int)  # action name, message id

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("chatView")
        self.model_ = MessageListModel(self)
        self.setModel(self.model_)
        self.delegate = MessageDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(40)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.model_.dataChanged.connect(self._follow)
        # New rows need no forced layout: while stuck to the bottom, _range_changed follows the
        # scroll range as the (delayed, batched) layout measures them.
        self.model_.rowsInserted.connect(self._rows_inserted)
        self._stick = True
        self._from_bottom: int | None = None  # keeps the reading position while older rows load
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._track)
        bar.rangeChanged.connect(self._range_changed)

    def _track(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick = value >= bar.maximum() - 4
        if value == bar.minimum() and self.model_.hidden_count and self.isVisible():
            self._from_bottom = bar.maximum() - value
            self.model_.show_earlier()

    def _rows_inserted(self, _parent, first: int, _last: int) -> None:  # type: ignore[no-untyped-def]
        if first > 0:  # appended at the end (older pages are inserted at row 0)
            self._stick = True
            self.scheduleDelayedItemsLayout()

    def _range_changed(self, _lo: int, hi: int) -> None:
        """Batched layout grows the range as rows are measured: stay at the bottom, or in place."""
        bar = self.verticalScrollBar()
        if self._stick:
            bar.setValue(hi)
        elif self._from_bottom is not None:
            bar.setValue(hi - self._from_bottom)

    def _follow(self, *_args: object) -> None:
        self.scheduleDelayedItemsLayout()
        if self._stick:
            self.scrollToBottom()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def show_messages(self, rows: list[MessageRecord], siblings: dict[int, tuple[int, int]] | None = None, focus_id: int | None = None) -> None:
        self._from_bottom = None
        self.model_.set_messages(rows, siblings)
        if focus_id is not None:
            row = self.model_.reveal(focus_id)
            if row >= 0:
                idx = self.model_.index(row)
                self.setCurrentIndex(idx)
                self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
                self._stick = False
                return
        self._stick = True
        self.scrollToBottom()

    def _menu(self, pos: QPoint) -> None:
        idx = self.indexAt(pos)
        if not idx.isValid():
            return
        rec: MessageRecord = idx.data(RecordRole)
        menu = QMenu(self)
        menu.addAction("Copy text", lambda: QGuiApplication.clipboard().setText(rec.content))
        if rec.role == "assistant":
            menu.addAction("Regenerate", lambda: self.action_requested.emit("regenerate", rec.id))
            menu.addAction("Regenerate with the same settings", lambda: self.action_requested.emit("regenerate_same", rec.id))
            if rec.status in (Status.INTERRUPTED, Status.STOPPED):
                menu.addAction("Continue", lambda: self.action_requested.emit("continue", rec.id))
            menu.addAction("Reply info…", lambda: self.action_requested.emit("info", rec.id))
        if rec.role == "user":
            menu.addAction("Edit and resend…", lambda: self.action_requested.emit("edit", rec.id))
        menu.addAction("Branch into a new conversation", lambda: self.action_requested.emit("branch", rec.id))
        menu.exec(self.viewport().mapToGlobal(pos))
